package dev.portico.authorizer.oauth2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.Decision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only scalars (and lists of strings and numbers, joined) reach the authorizer context. */
class ContextClaimsTest {

  @Test
  void scalarsPassListsJoinAndEverythingElseIsDropped() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("org", "acme");
    claims.put("admin", true);
    claims.put("level", 3);
    claims.put("groups", List.of("a", 2));
    claims.put("nan", Double.NaN);
    claims.put("obj", Map.of("k", "v"));
    claims.put("mixed", List.of("a", Map.of()));
    Map<String, String> context = new LinkedHashMap<>();
    for (String member : claims.keySet()) {
      context.put("ctx_" + member, member);
    }
    context.put("ctx_absent", "absent");

    Decision d =
        ContextClaims.addTo(Decision.allow("u"), context, Answers.withClaims("u", null, claims));

    assertThat(d.context().values())
        .containsExactly(
            Map.entry("ctx_org", "acme"),
            Map.entry("ctx_admin", true),
            Map.entry("ctx_level", 3),
            Map.entry("ctx_groups", "a,2"));
  }
}
