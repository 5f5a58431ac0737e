package dev.portico.authorizer.saml.internal;

import dev.portico.authorizer.saml.SamlAssertion;
import dev.portico.authorizer.saml.SamlRejectedException;
import dev.portico.authorizer.saml.SamlRejection;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.time.DateTime;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.Condition;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.OneTimeUse;
import org.opensaml.saml.saml2.core.ProxyRestriction;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The checks on an assertion whose signature (or whose response's signature) was verified: issuer,
 * version, issue instant, conditions (time window, audiences, no unknown condition), bearer subject
 * confirmation, NameID; then reads the values from that same object.
 *
 * @param idpEntityId the IdP's entity ID
 * @param audiences the accepted audiences (any one, in every audience restriction)
 * @param recipient the required bearer {@code Recipient}, or {@code null}
 * @param skew the clock skew
 * @param nameIdFormat the required NameID format, or {@code null}
 */
public record AssertionChecks(
    String idpEntityId,
    Set<String> audiences,
    String recipient,
    Duration skew,
    String nameIdFormat) {

  private static final String BEARER = SubjectConfirmation.METHOD_BEARER;

  /** Checks the issuer of a response or an assertion. */
  public void checkIssuer(Issuer issuer, String what, boolean required)
      throws SamlRejectedException {
    if (issuer == null) {
      if (required) {
        throw new SamlRejectedException(
            SamlRejection.ISSUER_INVALID, "the " + what + " has no Issuer");
      }
      return;
    }
    String format = issuer.getFormat();
    if (format != null && !format.equals(NameIDType.ENTITY)) {
      throw new SamlRejectedException(
          SamlRejection.ISSUER_INVALID,
          "the " + what + " Issuer format " + Quote.of(format) + " is not the entity format");
    }
    String value = text(issuer.getDOM(), issuer.getValue());
    if (!idpEntityId.equals(value)) {
      throw new SamlRejectedException(
          SamlRejection.ISSUER_INVALID,
          "the " + what + " Issuer " + Quote.of(value) + " is not " + Quote.of(idpEntityId));
    }
  }

  /**
   * Checks {@code assertion} at {@code now} and reads it.
   *
   * @param expectedInResponseTo the request ID the bearer confirmation must answer, or {@code null}
   */
  public SamlAssertion check(Assertion assertion, Instant now, String expectedInResponseTo)
      throws SamlRejectedException {
    if (assertion.getVersion() != SAMLVersion.VERSION_20) {
      throw new SamlRejectedException(SamlRejection.NOT_SAML, "the assertion is not SAML 2.0");
    }
    String id = assertion.getID();
    if (id == null || id.isEmpty()) {
      throw new SamlRejectedException(SamlRejection.STRUCTURE_INVALID, "the assertion has no ID");
    }
    checkIssuer(assertion.getIssuer(), "assertion", true);
    Instant issued = instant(assertion.getIssueInstant());
    if (issued == null) {
      throw new SamlRejectedException(
          SamlRejection.STRUCTURE_INVALID, "the assertion has no IssueInstant");
    }
    if (issued.isAfter(now.plus(skew))) {
      throw new SamlRejectedException(
          SamlRejection.NOT_YET_VALID,
          "the assertion IssueInstant " + issued + " is in the future");
    }
    Instant conditionsEnd = checkConditions(assertion.getConditions(), now);
    Subject subject = assertion.getSubject();
    if (subject == null) {
      throw new SamlRejectedException(
          SamlRejection.SUBJECT_CONFIRMATION_INVALID, "the assertion has no Subject");
    }
    Instant bearerEnd = checkBearer(subject, now, expectedInResponseTo);
    Instant notOnOrAfter =
        conditionsEnd != null && conditionsEnd.isBefore(bearerEnd) ? conditionsEnd : bearerEnd;
    NameID nameId = subject.getNameID();
    if (nameId == null) {
      throw new SamlRejectedException(
          SamlRejection.NAME_ID_INVALID,
          subject.getEncryptedID() != null
              ? "the assertion's NameID is encrypted, which is not supported"
              : "the assertion has no NameID");
    }
    if (nameIdFormat != null && !nameIdFormat.equals(nameId.getFormat())) {
      throw new SamlRejectedException(
          SamlRejection.NAME_ID_INVALID,
          "the NameID format "
              + Quote.of(nameId.getFormat())
              + " is not "
              + Quote.of(nameIdFormat));
    }
    String name = text(nameId.getDOM(), null);
    if (name == null || name.isBlank()) {
      throw new SamlRejectedException(SamlRejection.NAME_ID_INVALID, "the NameID is empty");
    }
    return new SamlAssertion(
        id, idpEntityId, name, nameId.getFormat(), notOnOrAfter, attributes(assertion));
  }

  private Instant checkConditions(Conditions conditions, Instant now) throws SamlRejectedException {
    if (conditions == null) {
      throw new SamlRejectedException(
          SamlRejection.AUDIENCE_INVALID, "the assertion has no Conditions (and so no audience)");
    }
    Instant notBefore = instant(conditions.getNotBefore());
    if (notBefore != null && notBefore.isAfter(now.plus(skew))) {
      throw new SamlRejectedException(
          SamlRejection.NOT_YET_VALID, "the assertion is not valid before " + notBefore);
    }
    Instant notOnOrAfter = instant(conditions.getNotOnOrAfter());
    if (notOnOrAfter != null && !now.minus(skew).isBefore(notOnOrAfter)) {
      throw new SamlRejectedException(
          SamlRejection.EXPIRED, "the assertion expired at " + notOnOrAfter);
    }
    List<AudienceRestriction> restrictions = conditions.getAudienceRestrictions();
    if (restrictions.isEmpty()) {
      throw new SamlRejectedException(
          SamlRejection.AUDIENCE_INVALID, "the assertion has no AudienceRestriction");
    }
    for (AudienceRestriction restriction : restrictions) {
      boolean match = false;
      for (Audience audience : restriction.getAudiences()) {
        match |= audiences.contains(text(audience.getDOM(), audience.getAudienceURI()));
      }
      if (!match) {
        throw new SamlRejectedException(
            SamlRejection.AUDIENCE_INVALID,
            "an AudienceRestriction names none of the accepted audiences " + audiences);
      }
    }
    for (Condition condition : conditions.getConditions()) {
      if (!(condition instanceof AudienceRestriction
          || condition instanceof OneTimeUse
          || condition instanceof ProxyRestriction)) {
        throw new SamlRejectedException(
            SamlRejection.CONDITION_UNSUPPORTED,
            "the condition " + Quote.of(condition.getElementQName().toString()) + " is unknown");
      }
    }
    return notOnOrAfter;
  }

  private Instant checkBearer(Subject subject, Instant now, String expectedInResponseTo)
      throws SamlRejectedException {
    SamlRejectedException first = null;
    for (SubjectConfirmation confirmation : subject.getSubjectConfirmations()) {
      if (!BEARER.equals(confirmation.getMethod())) {
        continue;
      }
      try {
        return checkBearerData(
            confirmation.getSubjectConfirmationData(), now, expectedInResponseTo);
      } catch (SamlRejectedException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
    throw new SamlRejectedException(
        SamlRejection.SUBJECT_CONFIRMATION_INVALID, "the assertion has no bearer confirmation");
  }

  private Instant checkBearerData(
      SubjectConfirmationData data, Instant now, String expectedInResponseTo)
      throws SamlRejectedException {
    if (data == null || data.getNotOnOrAfter() == null) {
      throw new SamlRejectedException(
          SamlRejection.SUBJECT_CONFIRMATION_INVALID,
          "the bearer confirmation has no NotOnOrAfter");
    }
    Instant notBefore = instant(data.getNotBefore());
    if (notBefore != null && notBefore.isAfter(now.plus(skew))) {
      throw new SamlRejectedException(
          SamlRejection.NOT_YET_VALID, "the bearer confirmation is not valid before " + notBefore);
    }
    Instant notOnOrAfter = instant(data.getNotOnOrAfter());
    if (!now.minus(skew).isBefore(notOnOrAfter)) {
      throw new SamlRejectedException(
          SamlRejection.EXPIRED, "the bearer confirmation expired at " + notOnOrAfter);
    }
    if (recipient != null && !recipient.equals(data.getRecipient())) {
      throw new SamlRejectedException(
          SamlRejection.RECIPIENT_INVALID,
          "the bearer Recipient "
              + Quote.of(data.getRecipient())
              + " is not "
              + Quote.of(recipient));
    }
    if (expectedInResponseTo != null && !expectedInResponseTo.equals(data.getInResponseTo())) {
      throw new SamlRejectedException(
          SamlRejection.IN_RESPONSE_TO_INVALID,
          "the bearer InResponseTo " + Quote.of(data.getInResponseTo()) + " is not the request's");
    }
    return notOnOrAfter;
  }

  private static Map<String, List<String>> attributes(Assertion assertion) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (AttributeStatement statement : assertion.getAttributeStatements()) {
      for (Attribute attribute : statement.getAttributes()) {
        String name = attribute.getName();
        if (name == null) {
          continue;
        }
        List<String> values = out.computeIfAbsent(name, k -> new java.util.ArrayList<>());
        for (XMLObject value : attribute.getAttributeValues()) {
          String text = text(value.getDOM(), null);
          if (text != null) {
            values.add(text);
          }
        }
      }
    }
    return out;
  }

  /**
   * The whole text content of an element that has only text (and comments): text split by a comment
   * is joined, never cut at the comment. {@code null} when the element has child elements.
   */
  static String text(Element element, String fallback) {
    if (element == null) {
      return fallback;
    }
    for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.ELEMENT_NODE) {
        return null;
      }
    }
    return element.getTextContent();
  }

  private static Instant instant(DateTime time) {
    return time == null ? null : Instant.ofEpochMilli(time.getMillis());
  }
}
