package dev.portico.authorizer.saml;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A SAML assertion that passed every check, as plain values read from the very object whose
 * signature was verified.
 *
 * @param id the assertion's {@code ID} (the replay key)
 * @param issuer the IdP's entity ID
 * @param nameId the whole text content of the subject's {@code NameID} (text split by XML comments
 *     is joined, never truncated)
 * @param nameIdFormat the {@code NameID}'s {@code Format}, or {@code null}
 * @param notOnOrAfter when the assertion stops being valid (the earliest of the conditions' and the
 *     bearer confirmation's {@code NotOnOrAfter})
 * @param attributes the attributes with text values, by {@code Name}, values in document order;
 *     values that are not plain text (nested elements) are left out
 */
public record SamlAssertion(
    String id,
    String issuer,
    String nameId,
    String nameIdFormat,
    Instant notOnOrAfter,
    Map<String, List<String>> attributes) {

  /** Copies the attributes so the record is immutable. */
  public SamlAssertion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(nameId, "nameId");
    Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    attributes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    attributes = java.util.Collections.unmodifiableMap(copy);
  }

  /** Every value of an attribute, or an empty list. */
  public List<String> attribute(String name) {
    return attributes.getOrDefault(name, List.of());
  }

  /** The first value of an attribute. */
  public Optional<String> firstAttribute(String name) {
    List<String> values = attribute(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
