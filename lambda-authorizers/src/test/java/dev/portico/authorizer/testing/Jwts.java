package dev.portico.authorizer.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints tokens with real keys, including the hostile ones a security suite needs. */
public final class Jwts {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, Object> header = new LinkedHashMap<>();
  private final Map<String, Object> claims = new LinkedHashMap<>();

  private Jwts() {}

  /** A token for {@code key}: header alg and kid from the key. */
  public static Jwts token(TestKey key) {
    Jwts t = new Jwts();
    t.header.put("alg", key.alg());
    t.header.put("typ", "JWT");
    t.header.put("kid", key.kid());
    return t;
  }

  /** Sets a header parameter (null removes it). */
  public Jwts header(String name, Object value) {
    if (value == null) {
      header.remove(name);
    } else {
      header.put(name, value);
    }
    return this;
  }

  /** Sets a claim (null removes it). */
  public Jwts claim(String name, Object value) {
    if (value == null) {
      claims.remove(name);
    } else {
      claims.put(name, value);
    }
    return this;
  }

  /** Sets the standard claims for issuer, audience and a validity around {@code nowSeconds}. */
  public Jwts standard(String iss, String aud, long nowSeconds) {
    return claim("iss", iss)
        .claim("aud", aud)
        .claim("sub", "user-1")
        .claim("iat", nowSeconds)
        .claim("exp", nowSeconds + 300);
  }

  /** The header JSON. */
  public String headerJson() {
    return json(header);
  }

  /** The payload JSON. */
  public String payloadJson() {
    return json(claims);
  }

  /** Signs with {@code key} using the header's alg. */
  public String sign(TestKey key) {
    return signRaw(headerJson(), payloadJson(), key);
  }

  /** Signs exactly these JSON texts (for duplicate keys and other raw cases). */
  public static String signRaw(String headerJson, String payloadJson, TestKey key) {
    String input = b64(headerJson.getBytes(UTF_8)) + "." + b64(payloadJson.getBytes(UTF_8));
    String alg = alg(headerJson);
    return input + "." + b64(signature(alg, key.pair().getPrivate(), input.getBytes(UTF_8)));
  }

  /** An HMAC-signed token (the classic "HS256 with the RSA public key as secret"). */
  public String signHmac(byte[] secret) {
    String input = b64(headerJson().getBytes(UTF_8)) + "." + b64(payloadJson().getBytes(UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return input + "." + b64(mac.doFinal(input.getBytes(UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The unsigned token with the given signature part (may be empty). */
  public String withSignature(String signaturePart) {
    return b64(headerJson().getBytes(UTF_8))
        + "."
        + b64(payloadJson().getBytes(UTF_8))
        + "."
        + signaturePart;
  }

  /** base64url without padding. */
  public static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String alg(String headerJson) {
    try {
      return MAPPER.readTree(headerJson).path("alg").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] signature(String alg, PrivateKey key, byte[] input) {
    try {
      switch (alg) {
        case "RS256", "RS384", "RS512" -> {
          Signature s = Signature.getInstance("SHA" + alg.substring(2) + "withRSA");
          s.initSign(key);
          s.update(input);
          return s.sign();
        }
        case "PS256", "PS384", "PS512" -> {
          int bits = Integer.parseInt(alg.substring(2));
          String digest = "SHA-" + bits;
          MGF1ParameterSpec mgf =
              bits == 256
                  ? MGF1ParameterSpec.SHA256
                  : bits == 384 ? MGF1ParameterSpec.SHA384 : MGF1ParameterSpec.SHA512;
          Signature s = Signature.getInstance("RSASSA-PSS");
          s.setParameter(new PSSParameterSpec(digest, "MGF1", mgf, bits / 8, 1));
          s.initSign(key);
          s.update(input);
          return s.sign();
        }
        default -> {
          int bits = Integer.parseInt(alg.substring(2));
          int size = bits == 256 ? 32 : bits == 384 ? 48 : 66;
          Signature s = Signature.getInstance("SHA" + bits + "withECDSA");
          s.initSign((ECPrivateKey) key);
          s.update(input);
          return derToJose(s.sign(), size);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign with " + alg, e);
    }
  }

  private static byte[] derToJose(byte[] der, int size) {
    int offset = 2;
    if ((der[1] & 0xff) == 0x81) {
      offset = 3;
    }
    int rLen = der[offset + 1];
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(der, offset + 2, offset + 2 + rLen));
    int sOffset = offset + 2 + rLen;
    int sLen = der[sOffset + 1];
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(der, sOffset + 2, sOffset + 2 + sLen));
    byte[] out = new byte[2 * size];
    put(r, out, 0, size);
    put(s, out, size, size);
    return out;
  }

  private static void put(BigInteger i, byte[] out, int at, int size) {
    byte[] raw = i.toByteArray();
    int copy = Math.min(raw.length, size);
    System.arraycopy(raw, raw.length - copy, out, at + size - copy, copy);
  }

  private static String json(Map<String, Object> map) {
    try {
      return MAPPER.writeValueAsString(map);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
