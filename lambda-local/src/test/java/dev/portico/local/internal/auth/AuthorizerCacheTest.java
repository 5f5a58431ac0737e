package dev.portico.local.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.internal.gateway.FunctionInvoker;
import dev.portico.local.internal.gateway.FunctionPool;
import dev.portico.local.internal.gateway.GatewayRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The local authorizer result cache evicts expired entries and stays bounded. */
class AuthorizerCacheTest {
  private static final String ALLOW =
      "{\"principalId\":\"u\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":"
          + "[{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}]}}";

  private final AtomicInteger calls = new AtomicInteger();
  private final FunctionInvoker allow =
      (event, requestId, timeout) -> {
        calls.incrementAndGet();
        return new FunctionPool.Returned(ALLOW.getBytes(StandardCharsets.UTF_8));
      };
  private final String methodArn = LocalAuthorizers.methodArn("Prod", "GET", "/pets");

  private LocalAuthorizers.Decision authorize(
      LocalAuthorizers authorizers, LocalAuthorizer authorizer, String token) throws Exception {
    GatewayRequest request =
        new GatewayRequest(
            "GET",
            "/pets",
            "/pets",
            "",
            List.of(Map.entry("Authorization", token)),
            new byte[0],
            "203.0.113.7",
            null,
            "Prod",
            Map.of(),
            null,
            "$default",
            Map.of(),
            "r",
            1_700_000_000_000L);
    return authorizers.authorize(LocalApi.rest("Api"), authorizer, request, methodArn);
  }

  @Test
  void expiredResultsAreEvictedOnLookup() throws Exception {
    LocalAuthorizers authorizers =
        new LocalAuthorizers(Map.of("Auth", allow), Duration.ofSeconds(5));
    LocalAuthorizer authorizer =
        LocalAuthorizer.token("Token", "Auth", "Authorization").withTtl(Duration.ofMillis(50));
    assertThat(authorize(authorizers, authorizer, "a"))
        .isInstanceOf(LocalAuthorizers.Allowed.class);
    assertThat(authorizers.cachedResults()).isEqualTo(1);
    authorize(authorizers, authorizer, "a");
    assertThat(calls.get()).isEqualTo(1);
    Thread.sleep(120);
    authorize(authorizers, authorizer, "a");
    assertThat(calls.get()).isEqualTo(2);
    assertThat(authorizers.cachedResults()).isEqualTo(1);
  }

  @Test
  void theCacheIsBoundedAndDropsExpiredEntriesFirst() throws Exception {
    LocalAuthorizers authorizers =
        new LocalAuthorizers(Map.of("Auth", allow), Duration.ofSeconds(5), 3);
    LocalAuthorizer shortLived =
        LocalAuthorizer.token("Short", "Auth", "Authorization").withTtl(Duration.ofMillis(50));
    LocalAuthorizer longLived =
        LocalAuthorizer.token("Long", "Auth", "Authorization").withTtl(Duration.ofSeconds(300));
    authorize(authorizers, shortLived, "a");
    authorize(authorizers, shortLived, "b");
    authorize(authorizers, longLived, "c");
    Thread.sleep(120);
    authorize(authorizers, longLived, "d");
    assertThat(authorizers.cachedResults()).isEqualTo(2);
    int before = calls.get();
    authorize(authorizers, longLived, "c");
    assertThat(calls.get()).as("the unexpired entry was kept").isEqualTo(before);
    for (String token : new String[] {"e", "f", "g", "h"}) {
      authorize(authorizers, longLived, token);
      assertThat(authorizers.cachedResults()).isLessThanOrEqualTo(3);
    }
    assertThat(LocalAuthorizers.MAX_CACHE_ENTRIES).isEqualTo(10_000);
  }
}
