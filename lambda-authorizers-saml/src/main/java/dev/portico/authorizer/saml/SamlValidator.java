package dev.portico.authorizer.saml;

import dev.portico.authorizer.replay.ReplayStore;
import dev.portico.authorizer.saml.internal.AssertionChecks;
import dev.portico.authorizer.saml.internal.Decryption;
import dev.portico.authorizer.saml.internal.DocumentChecks;
import dev.portico.authorizer.saml.internal.KeyStrength;
import dev.portico.authorizer.saml.internal.OpenSaml;
import dev.portico.authorizer.saml.internal.Quote;
import dev.portico.authorizer.saml.internal.SignatureChecks;
import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import net.shibboleth.utilities.java.support.xml.ParserPool;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.x509.BasicX509Credential;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Validates a SAML 2.0 {@code Response} or bare {@code Assertion} the secure way, and returns the
 * values of the one assertion whose signature was verified.
 *
 * <p>In order: the size, a parse with DOCTYPEs refused, the root element, signature-wrapping shapes
 * over the whole document (exactly one assertion, unique IDs, no signature other than the
 * response's and the assertion's), then every signature present is verified with a pinned IdP key
 * (algorithm allow-list, the SAML signature profile, the reference resolving to its owner) and at
 * least one of response and assertion must be signed; a response's issuer, status, destination and
 * {@code InResponseTo}; an encrypted assertion is decrypted with the configured key (and checked
 * the same way); then the assertion's issuer, time window with skew, audiences, bearer confirmation
 * and NameID; last, the assertion ID is recorded in the {@link ReplayStore} (under the key {@code
 * saml:} + ID) so it is accepted once. Every value returned is read from the validated objects,
 * never selected again by name.
 *
 * <pre>{@code
 * SamlValidator validator = SamlValidator.builder()
 *     .idp(IdpMetadata.parse("idp-metadata.xml", metadataBytes, null))
 *     .audience("https://api.example.com")
 *     .recipient("https://api.example.com/saml/acs")
 *     .clockSkew(Duration.ofSeconds(60))
 *     .build();
 * SamlAssertion assertion = validator.validate(xmlBytes);   // throws SamlRejectedException
 * }</pre>
 */
public final class SamlValidator {

  /** The default size limit of a decoded (and inflated) document: 64 KiB. */
  public static final int DEFAULT_MAX_XML_BYTES = 64 * 1024;

  private final ParserPool parser;
  private final List<Credential> idpKeys;
  private final AssertionChecks checks;
  private final String destination;
  private final Decryption decryption;
  private final ReplayStore replay;
  private final Clock clock;
  private final int maxXmlBytes;

  private SamlValidator(Builder b) {
    this.parser = OpenSaml.parserPool();
    List<Credential> keys = new ArrayList<>();
    for (X509Certificate c : b.idpCertificates) {
      keys.add(new BasicX509Credential(c));
    }
    this.idpKeys = List.copyOf(keys);
    this.checks =
        new AssertionChecks(
            b.idpEntityId, Set.copyOf(b.audiences), b.recipient, b.skew, b.nameIdFormat);
    this.destination = b.destination;
    this.decryption =
        b.decryptionKey == null
            ? null
            : new Decryption(new BasicX509Credential(b.decryptionCertificate, b.decryptionKey));
    this.replay = b.replay;
    this.clock = b.clock;
    this.maxXmlBytes = b.maxXmlBytes;
  }

  /** Starts a validator. */
  public static Builder builder() {
    return new Builder();
  }

  /** The largest document accepted, in bytes. */
  public int maxXmlBytes() {
    return maxXmlBytes;
  }

  /** Validates without an expected {@code InResponseTo} (IdP-initiated, or an API client). */
  public SamlAssertion validate(byte[] xml) throws SamlRejectedException {
    return validate(xml, null);
  }

  /**
   * Validates a document.
   *
   * @param xml the XML, already base64-decoded (and inflated)
   * @param expectedInResponseTo the ID of the request the response must answer (SP-initiated
   *     login), or {@code null} to accept any
   * @throws SamlRejectedException with the reason, for anything that does not hold
   */
  public SamlAssertion validate(byte[] xml, String expectedInResponseTo)
      throws SamlRejectedException {
    if (xml.length > maxXmlBytes) {
      throw new SamlRejectedException(
          SamlRejection.TOO_LARGE,
          "the document has " + xml.length + " bytes, more than the limit of " + maxXmlBytes);
    }
    Document document;
    try {
      document = parser.parse(new ByteArrayInputStream(xml));
    } catch (XMLParserException e) {
      throw new SamlRejectedException(
          SamlRejection.MALFORMED, "the document is not well-formed XML or has a DOCTYPE");
    }
    Element root = document.getDocumentElement();
    boolean isResponse =
        SAMLConstants.SAML20P_NS.equals(root.getNamespaceURI())
            && "Response".equals(root.getLocalName());
    boolean isAssertion =
        SAMLConstants.SAML20_NS.equals(root.getNamespaceURI())
            && "Assertion".equals(root.getLocalName());
    if (!isResponse && !isAssertion) {
      throw new SamlRejectedException(
          SamlRejection.NOT_SAML,
          "the document element "
              + Quote.of(root.getLocalName())
              + " is not a SAML 2.0 Response or Assertion");
    }
    DocumentChecks counts = DocumentChecks.of(document);
    XMLObject object = unmarshall(root);
    Instant now = clock.instant();
    Assertion assertion =
        isResponse
            ? fromResponse((Response) object, counts, now, expectedInResponseTo)
            : fromAssertion((Assertion) object, counts);
    SamlAssertion result = checks.check(assertion, now, expectedInResponseTo);
    if (replay != null
        && !replay.firstUse("saml:" + result.id(), result.notOnOrAfter().plus(checks.skew()))) {
      throw new SamlRejectedException(
          SamlRejection.REPLAYED, "the assertion " + Quote.of(result.id()) + " was used before");
    }
    return result;
  }

  private Assertion fromAssertion(Assertion assertion, DocumentChecks counts)
      throws SamlRejectedException {
    if (counts.assertions() != 1 || counts.encryptedAssertions() != 0 || counts.responses() != 0) {
      throw new SamlRejectedException(
          SamlRejection.STRUCTURE_INVALID,
          "the document has " + counts.assertions() + " assertions; exactly one is accepted");
    }
    requireSignatureCount(counts, assertion.getSignature() != null ? 1 : 0);
    if (assertion.getSignature() == null) {
      throw new SamlRejectedException(SamlRejection.UNSIGNED, "the assertion is not signed");
    }
    SignatureChecks.verify(assertion, idpKeys, "assertion");
    return assertion;
  }

  private Assertion fromResponse(
      Response response, DocumentChecks counts, Instant now, String expectedInResponseTo)
      throws SamlRejectedException {
    boolean encrypted = counts.encryptedAssertions() > 0;
    int total = counts.assertions() + counts.encryptedAssertions();
    if (total != 1
        || counts.responses() != 1
        || response.getAssertions().size() + response.getEncryptedAssertions().size() != 1) {
      throw new SamlRejectedException(
          SamlRejection.STRUCTURE_INVALID,
          "the response has " + total + " assertions; exactly one is accepted");
    }
    Assertion plain = encrypted ? null : response.getAssertions().get(0);
    boolean responseSigned = response.getSignature() != null;
    requireSignatureCount(
        counts, (responseSigned ? 1 : 0) + (plain != null && plain.getSignature() != null ? 1 : 0));
    if (responseSigned) {
      SignatureChecks.verify(response, idpKeys, "response");
    }
    if (response.getVersion() != SAMLVersion.VERSION_20) {
      throw new SamlRejectedException(SamlRejection.NOT_SAML, "the response is not SAML 2.0");
    }
    checks.checkIssuer(response.getIssuer(), "response", responseSigned);
    checkStatus(response.getStatus());
    if (destination != null && !destination.equals(response.getDestination())) {
      throw new SamlRejectedException(
          SamlRejection.DESTINATION_INVALID,
          "the response Destination "
              + Quote.of(response.getDestination())
              + " is not "
              + Quote.of(destination));
    }
    if (expectedInResponseTo != null && !expectedInResponseTo.equals(response.getInResponseTo())) {
      throw new SamlRejectedException(
          SamlRejection.IN_RESPONSE_TO_INVALID,
          "the response InResponseTo "
              + Quote.of(response.getInResponseTo())
              + " is not the request's");
    }
    Assertion assertion = plain;
    if (encrypted) {
      if (decryption == null) {
        throw new SamlRejectedException(
            SamlRejection.DECRYPTION_FAILED,
            "the assertion is encrypted and no decryption key is configured");
      }
      assertion = decryption.decrypt(response.getEncryptedAssertions().get(0));
      DocumentChecks inner = DocumentChecks.of(assertion.getDOM().getOwnerDocument());
      if (inner.assertions() != 1 || inner.encryptedAssertions() != 0 || inner.responses() != 0) {
        throw new SamlRejectedException(
            SamlRejection.STRUCTURE_INVALID,
            "the decrypted assertion contains " + inner.assertions() + " assertions");
      }
      requireSignatureCount(inner, assertion.getSignature() != null ? 1 : 0);
    }
    if (assertion.getSignature() != null) {
      SignatureChecks.verify(assertion, idpKeys, "assertion");
    } else if (!responseSigned) {
      throw new SamlRejectedException(
          SamlRejection.UNSIGNED, "neither the response nor the assertion is signed");
    }
    return assertion;
  }

  private static void requireSignatureCount(DocumentChecks counts, int attached)
      throws SamlRejectedException {
    if (counts.signatures() != attached) {
      throw new SamlRejectedException(
          SamlRejection.STRUCTURE_INVALID,
          "the document has "
              + counts.signatures()
              + " signatures; only the response's and the assertion's own are accepted");
    }
  }

  private static void checkStatus(Status status) throws SamlRejectedException {
    StatusCode code = status == null ? null : status.getStatusCode();
    String value = code == null ? null : code.getValue();
    if (!StatusCode.SUCCESS.equals(value)) {
      throw new SamlRejectedException(
          SamlRejection.STATUS_NOT_SUCCESS, "the response status is " + Quote.of(value));
    }
  }

  private static XMLObject unmarshall(Element root) throws SamlRejectedException {
    Unmarshaller unmarshaller =
        XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(root);
    try {
      if (unmarshaller == null) {
        throw new UnmarshallingException("no unmarshaller");
      }
      return unmarshaller.unmarshall(root);
    } catch (UnmarshallingException | RuntimeException e) {
      throw new SamlRejectedException(
          SamlRejection.MALFORMED, "the document is not a well-formed SAML 2.0 message");
    }
  }

  /** Configures a {@link SamlValidator}; {@link #build()} checks the settings. */
  public static final class Builder {
    private String idpEntityId;
    private final List<X509Certificate> idpCertificates = new ArrayList<>();
    private final Set<String> audiences = new LinkedHashSet<>();
    private String recipient;
    private String destination;
    private String nameIdFormat;
    private Duration skew = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();
    private int maxXmlBytes = DEFAULT_MAX_XML_BYTES;
    private PrivateKey decryptionKey;
    private X509Certificate decryptionCertificate;
    private ReplayStore replay;

    private Builder() {}

    /** The IdP's entity ID and signing certificates, from its metadata. */
    public Builder idp(IdpMetadata metadata) {
      idpEntityId(metadata.entityId());
      metadata.signingCertificates().forEach(this::idpCertificate);
      return this;
    }

    /** The IdP's entity ID: the required {@code Issuer}. */
    public Builder idpEntityId(String entityId) {
      this.idpEntityId = Objects.requireNonNull(entityId, "entityId");
      return this;
    }

    /** A certificate whose key may sign (several during a key rollover). */
    public Builder idpCertificate(X509Certificate certificate) {
      idpCertificates.add(Objects.requireNonNull(certificate, "certificate"));
      return this;
    }

    /** An accepted audience (this service provider's entity ID); at least one is required. */
    public Builder audience(String audience) {
      audiences.add(Objects.requireNonNull(audience, "audience"));
      return this;
    }

    /**
     * The {@code Recipient} a bearer confirmation must name (the ACS URL); unchecked when unset.
     */
    public Builder recipient(String recipient) {
      this.recipient = recipient;
      return this;
    }

    /** The {@code Destination} a response must name; unchecked when unset. */
    public Builder destination(String destination) {
      this.destination = destination;
      return this;
    }

    /** The required NameID format (for example persistent); any when unset. */
    public Builder nameIdFormat(String format) {
      this.nameIdFormat = format;
      return this;
    }

    /** Tolerance for time checks; 60 seconds by default, at most 5 minutes. */
    public Builder clockSkew(Duration skew) {
      this.skew = Objects.requireNonNull(skew, "skew");
      return this;
    }

    /** The clock (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The largest document accepted, in bytes (1 KiB to 1 MiB; 64 KiB by default). */
    public Builder maxXmlBytes(int max) {
      this.maxXmlBytes = max;
      return this;
    }

    /** The service provider's key and certificate that decrypt encrypted assertions. */
    public Builder decryptionKey(PrivateKey key, X509Certificate certificate) {
      this.decryptionKey = Objects.requireNonNull(key, "key");
      this.decryptionCertificate = Objects.requireNonNull(certificate, "certificate");
      return this;
    }

    /**
     * Where assertion IDs are recorded so each is accepted once until it expires. Without one,
     * replays are not detected ({@link dev.portico.authorizer.replay.InMemoryReplayStore} covers
     * one container, a shared store such as the DynamoDB one all of them).
     */
    public Builder replayStore(ReplayStore replay) {
      this.replay = replay;
      return this;
    }

    /**
     * Builds the validator (this initializes OpenSAML once per JVM).
     *
     * @throws IllegalArgumentException naming the setting that is missing or weak
     */
    public SamlValidator build() {
      if (idpEntityId == null || idpEntityId.isBlank()) {
        throw new IllegalArgumentException("the IdP entity ID is required");
      }
      if (idpCertificates.isEmpty()) {
        throw new IllegalArgumentException("at least one IdP signing certificate is required");
      }
      idpCertificates.forEach(c -> KeyStrength.check(c.getPublicKey(), "the IdP certificate"));
      if (audiences.isEmpty()) {
        throw new IllegalArgumentException("at least one audience is required");
      }
      if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("the clock skew must be between 0 and 300 seconds");
      }
      if (maxXmlBytes < 1024 || maxXmlBytes > 1024 * 1024) {
        throw new IllegalArgumentException("maxXmlBytes must be between 1024 and 1048576");
      }
      if (decryptionCertificate != null) {
        KeyStrength.check(decryptionCertificate.getPublicKey(), "the decryption certificate");
      }
      return new SamlValidator(this);
    }
  }
}
