package dev.portico.authorizer.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.testing.Jwts;
import dev.portico.authorizer.testing.TestIssuerServer;
import dev.portico.authorizer.testing.TestKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The security suite: each case an attacker would try, named. */
class JwtSecurityTest extends JwtTestBase {

  @ParameterizedTest
  @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
  void algNoneInAnyCaseIsRejected(String none) {
    Jwts t = token(RSA).header("alg", none);

    assertRejected(
        validator(), t.withSignature("c2ln"), Rejection.ALG_NOT_ALLOWED, "alg none is not allowed");
    assertRejected(validator(), t.withSignature(""), Rejection.MALFORMED, "token has no signature");
  }

  @Test
  void hs256SignedWithTheRsaPublicKeyIsRejected() {
    String t = token(RSA).header("alg", "HS256").signHmac(RSA.pair().getPublic().getEncoded());

    assertRejected(validator(), t, Rejection.ALG_NOT_ALLOWED, "alg HS256 is not allowed");
  }

  @Test
  void hs256SignedWithTheJwkModulusIsRejected() {
    String t =
        token(RSA).header("alg", "HS256").signHmac(((String) RSA.jwk().get("n")).getBytes(UTF_8));

    assertRejected(validator(), t, Rejection.ALG_NOT_ALLOWED, "alg HS256 is not allowed");
  }

  @Test
  void algDifferentFromTheJwkAlgIsRejected() throws Exception {
    TestKey pinned = TestKey.rsa("rsa-pinned").withJwk("alg", "RS256");
    server.publish(pinned, ES256);
    TestKey rs384 = pinned.signingWith("RS384");

    validator().validate(token(pinned).sign(pinned));
    assertRejected(
        validator(),
        token(rs384).sign(rs384),
        Rejection.ALG_NOT_ALLOWED,
        "alg RS384 does not match the key");
  }

  @Test
  void algNotFittingTheJwkKtyIsRejected() {
    // An ES256 header naming the RSA key: the key decides, not the header.
    String t = token(ES256).header("kid", RSA.kid()).sign(ES256);

    assertRejected(validator(), t, Rejection.ALG_NOT_ALLOWED, "alg ES256 does not match the key");
  }

  @Test
  void es256HeaderWithAP384KeyIsRejected() {
    String t = token(ES384.signingWith("ES256")).header("kid", ES384.kid()).sign(ES256);

    assertRejected(validator(), t, Rejection.ALG_NOT_ALLOWED, "alg ES256 does not match the key");
  }

  @Test
  void jwkWithUseEncIsRejected() {
    server.publish(RSA.withJwk("use", "enc"));

    assertRejected(
        validator(),
        token(RSA).sign(RSA),
        Rejection.KEY_UNUSABLE,
        "the token's key is unusable: key use is enc, not sig");
  }

  @Test
  void jwkWithoutUseIsRejected() {
    server.publish(RSA.withJwk("use", null));

    assertRejected(
        validator(),
        token(RSA).sign(RSA),
        Rejection.KEY_UNUSABLE,
        "the token's key is unusable: key has no use: sig");
  }

  @Test
  void ecJwkWithAnRsaAlgIsUnusable() {
    server.publish(ES256.withJwk("alg", "RS256"));

    assertRejected(
        validator(),
        token(ES256).sign(ES256),
        Rejection.KEY_UNUSABLE,
        "the token's key is unusable: key alg RS256 does not fit curve P-256");
  }

  @Test
  void rsaJwkWithAnEcAlgIsUnusable() {
    server.publish(RSA.withJwk("alg", "ES256"));

    assertRejected(
        validator(),
        token(RSA).sign(RSA),
        Rejection.KEY_UNUSABLE,
        "the token's key is unusable: key alg ES256 does not fit kty RSA");
  }

  @Test
  void symmetricJwkIsNeverUsed() {
    TestKey oct =
        new TestKey(
            "oct-1",
            "HS256",
            RSA.pair(),
            Map.of("kty", "oct", "kid", "oct-1", "use", "sig", "k", "c2VjcmV0"));
    server.publish(oct);

    assertRejected(
        validator(),
        token(RSA).header("kid", "oct-1").sign(RSA),
        Rejection.KEY_UNUSABLE,
        "the token's key is unusable: key type oct is not accepted");
  }

  @Test
  void rsaKeyShorterThan2048BitsIsUnusable() throws Exception {
    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
    g.initialize(1024);
    java.security.KeyPair weak = g.generateKeyPair();
    var pub = (java.security.interfaces.RSAPublicKey) weak.getPublic();
    TestKey key =
        new TestKey(
            "weak",
            "RS256",
            weak,
            Map.of(
                "kty",
                "RSA",
                "kid",
                "weak",
                "use",
                "sig",
                "n",
                Jwts.b64(strip(pub.getModulus().toByteArray())),
                "e",
                Jwts.b64(pub.getPublicExponent().toByteArray())));
    server.publish(key);

    assertRejected(
        validator(),
        token(key).sign(key),
        Rejection.KEY_UNUSABLE,
        "the token's key is unusable: RSA key is shorter than 2048 bits");
  }

  @Test
  void unknownKidCausesOneRefetchThenIsRejected() {
    JwtValidator validator = validatorBuilder().jwksRefetchInterval(Duration.ofSeconds(30)).build();
    TestKey stranger = TestKey.rsa("stranger");
    accept(validator, token(RSA).sign(RSA));
    int before = server.hits("/jwks.json");
    clock.advance(Duration.ofSeconds(31));

    assertRejected(
        validator,
        token(stranger).sign(stranger),
        Rejection.UNKNOWN_KID,
        "no key with the token's kid");
    assertThat(server.hits("/jwks.json")).isEqualTo(before + 1);
  }

  @Test
  void refetchOnUnknownKidIsRateLimitedUnderAFlood() {
    JwtValidator validator = validatorBuilder().jwksRefetchInterval(Duration.ofSeconds(30)).build();
    accept(validator, token(RSA).sign(RSA));
    clock.advance(Duration.ofSeconds(31));

    for (int i = 0; i < 200; i++) {
      TestKey forged = RSA.withKid("forged-" + i);
      assertRejected(
          validator,
          token(forged).sign(forged),
          Rejection.UNKNOWN_KID,
          "no key with the token's kid");
    }

    assertThat(server.hits("/jwks.json")).isEqualTo(2);
    assertThat(validator.jwksFetchCount(server.issuer())).isEqualTo(2);
  }

  @Test
  void rotatedKeyIsFoundByTheRefetch() throws Exception {
    JwtValidator validator = validatorBuilder().jwksRefetchInterval(Duration.ofSeconds(30)).build();
    validator.validate(token(RSA).sign(RSA));
    TestKey next = TestKey.rsa("rsa-2");
    server.publish(next);
    clock.advance(Duration.ofSeconds(31));

    assertThat(validator.validate(token(next).sign(next)).keyId()).isEqualTo("rsa-2");
    assertRejected(
        validator, token(RSA).sign(RSA), Rejection.UNKNOWN_KID, "no key with the token's kid");
  }

  @Test
  void pathTraversalKidIsOnlyAMapKey() {
    TestKey hostile = RSA.withKid("../../../../etc/passwd");

    assertRejected(
        validator(),
        token(hostile).sign(hostile),
        Rejection.UNKNOWN_KID,
        "no key with the token's kid");
    assertThat(server.hits("/jwks.json")).isEqualTo(1);
  }

  @Test
  void tenKilobyteKidIsRejectedBeforeAnyLookup() {
    TestKey hostile = RSA.withKid("k".repeat(10 * 1024));
    JwtValidator lenient = validatorBuilder().maxTokenLength(64 * 1024).build();

    assertRejected(
        validator(),
        token(hostile).sign(hostile),
        Rejection.TOKEN_TOO_LONG,
        "token is longer than 8192 characters");
    assertRejected(
        lenient,
        token(hostile).sign(hostile),
        Rejection.MALFORMED,
        "kid is longer than 256 characters");
    assertThat(server.hits("/jwks.json")).isZero();
  }

  @Test
  void embeddedJwkJkuX5uAndX5cHeadersAreIgnored() throws Exception {
    TestKey attacker = TestKey.rsa("attacker");
    try (TestIssuerServer evil = TestIssuerServer.start(attacker)) {
      Jwts forged =
          token(attacker)
              .header("jwk", attacker.jwk())
              .header("jku", evil.jwksUri().toString())
              .header("x5u", evil.issuer() + "/cert.pem")
              .header("x5c", List.of("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"));

      assertRejected(
          validator(), forged.sign(attacker), Rejection.UNKNOWN_KID, "no key with the token's kid");
      assertRejected(
          validator(),
          forged.header("kid", RSA.kid()).sign(attacker),
          Rejection.BAD_SIGNATURE,
          "signature is invalid");
      assertThat(evil.hits("/jwks.json")).isZero();
      assertThat(evil.hits("/cert.pem")).isZero();
    }
  }

  @Test
  void unknownCritHeaderIsRejected() {
    String t = token(RSA).header("crit", List.of("exp")).header("exp", 1).sign(RSA);

    assertRejected(
        validator(), t, Rejection.CRIT_UNSUPPORTED, "crit header parameters are not supported");
  }

  @Test
  void tamperedPayloadFailsTheSignature() {
    String good = token(RSA).sign(RSA);
    String[] parts = good.split("\\.");
    String evilPayload = Jwts.b64(token(RSA).claim("sub", "admin").payloadJson().getBytes(UTF_8));

    assertRejected(
        validator(),
        parts[0] + "." + evilPayload + "." + parts[2],
        Rejection.BAD_SIGNATURE,
        "signature is invalid");
  }

  @Test
  void oversizedTokenIsRejectedBeforeDecoding() {
    String t = "a".repeat(8193);

    assertRejected(
        validator(), t, Rejection.TOKEN_TOO_LONG, "token is longer than 8192 characters");
  }

  @Test
  void badBase64IsRejected() {
    String good = token(RSA).sign(RSA);
    String[] parts = good.split("\\.");

    assertRejected(
        validator(),
        parts[0] + "=." + parts[1] + "." + parts[2],
        Rejection.MALFORMED,
        "token part is not base64url");
    assertRejected(
        validator(),
        parts[0] + "." + parts[1].replace('-', '+') + "+." + parts[2],
        Rejection.MALFORMED,
        "token part is not base64url");
    assertRejected(validator(), "abc.def", Rejection.MALFORMED, "token must have three parts");
    assertRejected(validator(), "a.b.c.d.e", Rejection.MALFORMED, "token must have three parts");
  }

  @Test
  void nonJsonHeaderAndPayloadAreRejected() {
    String header = Jwts.b64(token(RSA).headerJson().getBytes(UTF_8));

    assertRejected(
        validator(),
        Jwts.b64("not json".getBytes(UTF_8)) + ".e30.c2ln",
        Rejection.MALFORMED,
        "token header is not JSON");
    assertRejected(
        validator(),
        header + "." + Jwts.b64("[1,2]".getBytes(UTF_8)) + ".c2ln",
        Rejection.MALFORMED,
        "token payload is not a JSON object");
    assertRejected(
        validator(),
        header + "." + Jwts.b64("{} {}".getBytes(UTF_8)) + ".c2ln",
        Rejection.MALFORMED,
        "token payload is not JSON");
  }

  @Test
  void duplicateKeyJsonIsRejected() {
    long now = clock.seconds();
    String payload =
        "{\"iss\":\""
            + server.issuer()
            + "\",\"aud\":\""
            + AUDIENCE
            + "\",\"sub\":\"user-1\","
            + "\"sub\":\"admin\",\"exp\":"
            + (now + 300)
            + "}";
    String header = "{\"alg\":\"none\",\"kid\":\"rsa-1\",\"alg\":\"RS256\"}";

    assertRejected(
        validator(),
        Jwts.signRaw(token(RSA).headerJson(), payload, RSA),
        Rejection.MALFORMED,
        "token payload has a duplicate key");
    assertRejected(
        validator(),
        Jwts.signRaw(header, token(RSA).payloadJson(), RSA),
        Rejection.MALFORMED,
        "token header has a duplicate key");
  }

  @Test
  void ecdsaSignatureWithRAndSZeroIsRejected() {
    for (TestKey key : List.of(ES256, ES384, ES512)) {
      int size = key == ES256 ? 32 : key == ES384 ? 48 : 66;
      String t = token(key).withSignature(Jwts.b64(new byte[2 * size]));

      assertRejected(validator(), t, Rejection.BAD_SIGNATURE, "signature is invalid");
    }
  }

  @Test
  void ecdsaSignatureInDerFormIsRejected() throws Exception {
    java.security.Signature s = java.security.Signature.getInstance("SHA256withECDSA");
    s.initSign(ES256.pair().getPrivate());
    Jwts t = token(ES256);
    String input = t.withSignature("").replaceAll("\\.$", "");
    s.update(input.getBytes(UTF_8));

    assertRejected(
        validator(),
        input + "." + Jwts.b64(s.sign()),
        Rejection.BAD_SIGNATURE,
        "signature is invalid");
  }

  @Test
  void signatureByAnotherKeyWithTheSameKidIsRejected() {
    TestKey impostor = TestKey.rsa("impostor").withKid(RSA.kid());

    assertRejected(
        validator(),
        token(impostor).sign(impostor),
        Rejection.BAD_SIGNATURE,
        "signature is invalid");
  }

  private static void accept(JwtValidator validator, String token) {
    try {
      validator.validate(token);
    } catch (JwtRejectedException e) {
      throw new AssertionError("expected the token to be accepted: " + e.getMessage(), e);
    }
  }

  private static byte[] strip(byte[] b) {
    return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
  }
}
