package dev.portico.authorizer.config;

import dev.portico.authorizer.Authorizer;
import dev.portico.authorizer.Decision;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A test-only {@link AuthorizerType}, registered in {@code src/test/resources/META-INF/services}:
 * {@code type: test-static} allows every request whose {@code x-key} header equals the configured
 * secret, as {@code principal}, and exercises every reader of {@link ConfigSection}.
 */
public final class StaticTestType implements AuthorizerType {

  @Override
  public String name() {
    return "test-static";
  }

  @Override
  public Authorizer create(ConfigSection s, ConfigContext ctx) {
    Optional<String> principal = s.requiredString("principal");
    Optional<String> secret = s.secret("secret");
    if (!s.has("secret")) {
      s.problem("secret", "is required");
    }
    Optional<URI> url = s.has("url") ? s.httpsUrl("url", s.bool("allowInsecureHttp")) : null;
    Map<String, Optional<String>> context = s.stringMap("context");
    long limit = s.section("limits").flatMap(l -> l.number("perMinute", 1, 1000)).orElse(60L);
    if (s.has("fail")) {
      throw new IllegalStateException("asked to fail");
    }
    if (principal.isEmpty() || secret.isEmpty() || (url != null && url.isEmpty())) {
      return null;
    }
    String p = principal.get();
    String key = secret.get();
    return request -> {
      if (!request.header("x-key").map(key::equals).orElse(false)) {
        return Decision.unauthorized();
      }
      Decision d = Decision.allow(p).withContext("limit", limit).withContext("file", ctx.file());
      for (Map.Entry<String, Optional<String>> e : context.entrySet()) {
        d = d.withContext(e.getKey(), e.getValue().orElse("(any)"));
      }
      return d;
    };
  }
}
