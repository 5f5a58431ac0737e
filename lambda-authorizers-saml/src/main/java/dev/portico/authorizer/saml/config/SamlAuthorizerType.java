package dev.portico.authorizer.saml.config;

import dev.portico.authorizer.Authorizer;
import dev.portico.authorizer.config.AuthorizerType;
import dev.portico.authorizer.config.ConfigContext;
import dev.portico.authorizer.config.ConfigSection;
import dev.portico.authorizer.replay.ReplayStore;
import dev.portico.authorizer.saml.IdpMetadata;
import dev.portico.authorizer.saml.SamlAuthorizer;
import dev.portico.authorizer.saml.SamlSource;
import dev.portico.authorizer.saml.SamlValidator;
import dev.portico.authorizer.saml.internal.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code type: saml}: a {@link SamlAuthorizer} described by the configuration file, registered
 * through {@code META-INF/services/dev.portico.authorizer.config.AuthorizerType}. Every setting is
 * checked at load (cold start); OpenSAML is initialized then, and only when a file selects this
 * type. See {@code docs/saml.md} for every key.
 *
 * <pre>{@code
 * type: saml
 * saml:
 *   idp:
 *     metadataFile: classpath:idp-metadata.xml
 *   audiences: [https://api.example.com]
 *   recipient: https://api.example.com/saml/acs
 *   assertion: { header: X-SAML, deflate: true }
 *   context: { email: email, groups: memberOf }
 * }</pre>
 */
public final class SamlAuthorizerType implements AuthorizerType {

  /** The prefix of a path read from the classpath rather than the file system. */
  public static final String CLASSPATH_PREFIX = "classpath:";

  /** Creates the type (ServiceLoader); it touches no OpenSAML class until {@link #create}. */
  public SamlAuthorizerType() {}

  @Override
  public String name() {
    return "saml";
  }

  @Override
  public Authorizer create(ConfigSection top, ConfigContext ctx) {
    Optional<ConfigSection> section = top.section("saml");
    if (section.isEmpty()) {
      top.problem("saml", "is required with type: saml");
      return null;
    }
    ConfigSection s = section.get();
    SamlValidator.Builder validator = SamlValidator.builder().clock(ctx.clock());
    boolean ok = idp(s, validator);
    List<String> audiences = s.strings("audiences");
    if (audiences.isEmpty()) {
      s.problem("audiences", "is required (this service provider's entity ID)");
      ok = false;
    }
    audiences.forEach(validator::audience);
    s.string("recipient").ifPresent(validator::recipient);
    s.string("destination").ifPresent(validator::destination);
    s.string("nameIdFormat").ifPresent(validator::nameIdFormat);
    s.number("clockSkewSeconds", 0, 300).ifPresent(v -> validator.clockSkew(Duration.ofSeconds(v)));
    s.number("maxXmlBytes", 1024, 1024 * 1024).ifPresent(v -> validator.maxXmlBytes(v.intValue()));
    ok &= decryption(s, validator);
    // Always: an assertion ID is accepted once, per container (the shared in-memory store) unless
    // replayStore names a store shared by every container.
    ReplayStore replay = ctx.replayStore();
    Optional<ConfigSection> replaySection = s.section("replayStore");
    if (replaySection.isPresent()) {
      replay = ctx.replayStore(replaySection.get());
      ok &= replay != null;
    }
    validator.replayStore(replay == null ? ctx.replayStore() : replay);
    SamlSource source = SamlSource.authorizationHeader();
    boolean deflated = false;
    Optional<Long> maxEncoded = Optional.empty();
    Optional<ConfigSection> assertion = s.section("assertion");
    if (assertion.isPresent()) {
      ConfigSection a = assertion.get();
      Optional<String> header = a.string("header");
      Optional<String> cookie = a.string("cookie");
      if (header.isPresent() && cookie.isPresent()) {
        a.problem("give either header or cookie, not both");
        ok = false;
      }
      if (header.isPresent() && !header.get().equalsIgnoreCase("Authorization")) {
        source = SamlSource.header(header.get());
      }
      if (cookie.isPresent()) {
        source = SamlSource.cookie(cookie.get());
      }
      deflated = a.bool("deflate");
      maxEncoded = a.number("maxEncodedChars", 64, 65_536);
    }
    SamlAuthorizer.MultiValue multiValue = SamlAuthorizer.MultiValue.JOIN;
    Optional<String> mv = s.string("multiValue");
    if (mv.isPresent()) {
      switch (mv.get().toLowerCase(Locale.ROOT)) {
        case "join" -> multiValue = SamlAuthorizer.MultiValue.JOIN;
        case "first" -> multiValue = SamlAuthorizer.MultiValue.FIRST;
        default -> {
          s.problem("multiValue", "must be join or first");
          ok = false;
        }
      }
    }
    Map<String, Optional<String>> context = s.stringMap("context");
    for (Map.Entry<String, Optional<String>> e : context.entrySet()) {
      if (e.getValue().isEmpty()) {
        s.problem("context." + e.getKey(), "must name an attribute");
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    SamlValidator built;
    try {
      built = validator.build();
    } catch (IllegalArgumentException e) {
      s.problem(e.getMessage());
      return null;
    }
    SamlAuthorizer.Builder authorizer =
        SamlAuthorizer.builder(built).source(source).deflated(deflated).multiValue(multiValue);
    maxEncoded.ifPresent(v -> authorizer.maxEncodedChars(v.intValue()));
    context.forEach((key, attribute) -> authorizer.contextAttribute(key, attribute.orElseThrow()));
    return authorizer.build();
  }

  private static boolean idp(ConfigSection s, SamlValidator.Builder validator) {
    Optional<ConfigSection> idpSection = s.section("idp");
    if (idpSection.isEmpty()) {
      s.problem("idp", "is required (metadataFile, or entityId and certificateFile)");
      return false;
    }
    ConfigSection idp = idpSection.get();
    Optional<String> metadataFile = idp.string("metadataFile");
    Optional<String> certificateFile = idp.string("certificateFile");
    Optional<String> entityId = idp.string("entityId");
    if (metadataFile.isPresent() == certificateFile.isPresent()) {
      idp.problem("give exactly one of metadataFile and certificateFile");
      return false;
    }
    try {
      if (metadataFile.isPresent()) {
        byte[] xml = read(idp, "metadataFile", metadataFile.get());
        if (xml == null) {
          return false;
        }
        validator.idp(IdpMetadata.parse(metadataFile.get(), xml, entityId.orElse(null)));
      } else {
        if (entityId.isEmpty()) {
          idp.problem("entityId", "is required with certificateFile");
          return false;
        }
        byte[] pem = read(idp, "certificateFile", certificateFile.get());
        if (pem == null) {
          return false;
        }
        validator.idpEntityId(entityId.get());
        for (X509Certificate c : Pem.certificates(pem)) {
          validator.idpCertificate(c);
        }
      }
    } catch (IllegalArgumentException e) {
      idp.problem(metadataFile.isPresent() ? "metadataFile" : "certificateFile", e.getMessage());
      return false;
    }
    return true;
  }

  private static boolean decryption(ConfigSection s, SamlValidator.Builder validator) {
    Optional<ConfigSection> section = s.section("decryption");
    if (section.isEmpty()) {
      return true;
    }
    ConfigSection d = section.get();
    Optional<String> key = d.secret("privateKey");
    Optional<String> certificateFile = d.string("certificateFile");
    if (key.isEmpty() || certificateFile.isEmpty()) {
      if (!d.has("privateKey")) {
        d.problem("privateKey", "is required (a PKCS#8 PEM key, written as ${env:NAME})");
      }
      if (certificateFile.isEmpty()) {
        d.problem("certificateFile", "is required");
      }
      return false;
    }
    try {
      PrivateKey privateKey = Pem.privateKey(key.get());
      byte[] pem = read(d, "certificateFile", certificateFile.get());
      if (pem == null) {
        return false;
      }
      validator.decryptionKey(privateKey, Pem.certificates(pem).get(0));
      return true;
    } catch (IllegalArgumentException e) {
      d.problem(e.getMessage());
      return false;
    }
  }

  private static byte[] read(ConfigSection section, String key, String path) {
    try {
      if (path.startsWith(CLASSPATH_PREFIX)) {
        String resource = path.substring(CLASSPATH_PREFIX.length());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in =
            (loader != null ? loader : SamlAuthorizerType.class.getClassLoader())
                .getResourceAsStream(resource)) {
          if (in == null) {
            section.problem(key, "names " + resource + ", which is not on the classpath");
            return null;
          }
          return in.readAllBytes();
        }
      }
      return Files.readAllBytes(Path.of(path));
    } catch (IOException | RuntimeException e) {
      section.problem(key, "cannot be read: " + path + " (" + e.getClass().getSimpleName() + ")");
      return null;
    }
  }
}
