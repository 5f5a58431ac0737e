package dev.portico.authorizer.saml;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.Authorizer;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.saml.internal.Encoding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link Authorizer} for clients that present a SAML 2.0 assertion (or a response containing
 * one), base64-encoded and optionally DEFLATE-compressed, in a header or a cookie.
 *
 * <ul>
 *   <li>no value: unauthorized, reason {@code missing_assertion};
 *   <li>a value the {@link SamlValidator} rejects (including a replayed assertion): unauthorized,
 *       the reason is the {@link SamlRejection#code()};
 *   <li>a valid assertion: allow the whole stage, the principal is the whole text of the {@code
 *       NameID}, context entries come from the selected attributes (several values joined with
 *       commas, or the first only).
 * </ul>
 *
 * <p>Size: API Gateway limits the request line and headers together to 10,240 bytes, so a signed
 * assertion of a few kilobytes often only fits compressed; the encoded value is limited to {@link
 * #DEFAULT_MAX_ENCODED_CHARS} characters by default, checked before anything is decoded.
 *
 * <pre>{@code
 * Authorizer authorizer = SamlAuthorizer.builder(validator)
 *     .source(SamlSource.authorizationHeader())
 *     .deflated(true)
 *     .contextAttribute("email", "urn:oid:0.9.2342.19200300.100.1.3")
 *     .contextAttribute("groups", "memberOf")
 *     .build();
 * }</pre>
 */
public final class SamlAuthorizer implements Authorizer {

  /** The default limit of the base64 value: 10,240 characters (API Gateway's header limit). */
  public static final int DEFAULT_MAX_ENCODED_CHARS = 10_240;

  /** How several values of an attribute become one context value. */
  public enum MultiValue {
    /** All values joined with commas. */
    JOIN,
    /** The first value only. */
    FIRST
  }

  private final SamlValidator validator;
  private final SamlSource source;
  private final boolean deflated;
  private final int maxEncodedChars;
  private final Map<String, String> context;
  private final MultiValue multiValue;

  private SamlAuthorizer(Builder b) {
    this.validator = b.validator;
    this.source = b.source;
    this.deflated = b.deflated;
    this.maxEncodedChars = b.maxEncodedChars;
    this.context = Collections.unmodifiableMap(new LinkedHashMap<>(b.context));
    this.multiValue = b.multiValue;
  }

  /** Starts an authorizer around a validator. */
  public static Builder builder(SamlValidator validator) {
    return new Builder(validator);
  }

  @Override
  public Decision authorize(AuthorizationRequest request) {
    Optional<String> value = source.extract(request);
    if (value.isEmpty()) {
      return Decision.unauthorized().withReason(SamlRejection.MISSING_ASSERTION.code());
    }
    SamlAssertion assertion;
    try {
      byte[] xml = Encoding.decode(value.get(), deflated, maxEncodedChars, validator.maxXmlBytes());
      assertion = validator.validate(xml);
    } catch (SamlRejectedException e) {
      return Decision.unauthorized().withReason(e.rejection().code());
    }
    return decide(assertion);
  }

  /** The decision for a validated assertion: allow its NameID with the selected attributes. */
  Decision decide(SamlAssertion assertion) {
    Decision decision = Decision.allow(assertion.nameId());
    for (Map.Entry<String, String> e : context.entrySet()) {
      List<String> values = assertion.attribute(e.getValue());
      if (!values.isEmpty()) {
        decision =
            decision.withContext(
                e.getKey(),
                multiValue == MultiValue.FIRST ? values.get(0) : String.join(",", values));
      }
    }
    return decision;
  }

  /** Configures a {@link SamlAuthorizer}. */
  public static final class Builder {
    private final SamlValidator validator;
    private SamlSource source = SamlSource.authorizationHeader();
    private boolean deflated;
    private int maxEncodedChars = DEFAULT_MAX_ENCODED_CHARS;
    private final Map<String, String> context = new LinkedHashMap<>();
    private MultiValue multiValue = MultiValue.JOIN;

    private Builder(SamlValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
    }

    /** Where the document is; {@code Authorization: SAML <base64>} by default. */
    public Builder source(SamlSource source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Whether the base64 value is raw DEFLATE data (as in the HTTP-Redirect binding). */
    public Builder deflated(boolean deflated) {
      this.deflated = deflated;
      return this;
    }

    /** The longest encoded value accepted (64 to 65,536 characters; 10,240 by default). */
    public Builder maxEncodedChars(int max) {
      if (max < 64 || max > 65_536) {
        throw new IllegalArgumentException("maxEncodedChars must be between 64 and 65536");
      }
      this.maxEncodedChars = max;
      return this;
    }

    /** Passes attribute {@code attributeName} to the integration as context entry {@code key}. */
    public Builder contextAttribute(String key, String attributeName) {
      if (key == null || key.isEmpty()) {
        throw new IllegalArgumentException("context key must not be empty");
      }
      context.put(key, Objects.requireNonNull(attributeName, "attributeName"));
      return this;
    }

    /** How several values become one context value; joined with commas by default. */
    public Builder multiValue(MultiValue multiValue) {
      this.multiValue = Objects.requireNonNull(multiValue, "multiValue");
      return this;
    }

    /** Builds the authorizer. */
    public SamlAuthorizer build() {
      return new SamlAuthorizer(this);
    }
  }
}
