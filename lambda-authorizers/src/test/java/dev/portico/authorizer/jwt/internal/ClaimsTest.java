package dev.portico.authorizer.jwt.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.internal.tree.Trees;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Claims#toMap} converts every {@link Node.Kind} (tested with {@code ==}, not a switch, so a
 * new kind must be added here on purpose).
 */
class ClaimsTest {

  @Test
  void everyKindOfClaimConverts() throws Exception {
    Node payload =
        Trees.json(
            ("{\"s\":\"text\",\"b\":true,\"i\":7,\"f\":0.5,\"n\":null,"
                    + "\"a\":[\"x\",null,2],\"o\":{\"k\":\"v\",\"z\":null}}")
                .getBytes(UTF_8),
            true);
    // The missing node never comes from a parse; a hand-built tree may hold it.
    payload.set("m", Node.missing());

    Set<Node.Kind> kinds = EnumSet.of(payload.kind());
    for (Node value : payload) {
      kinds.add(value.kind());
    }
    assertThat(kinds).containsExactlyInAnyOrder(Node.Kind.values());

    Map<String, Object> claims = Claims.toMap(payload);

    Map<String, Object> object = new LinkedHashMap<>();
    object.put("k", "v");
    object.put("z", null);
    assertThat(claims)
        .containsExactly(
            Map.entry("s", "text"),
            Map.entry("b", true),
            Map.entry("i", 7),
            Map.entry("f", new BigDecimal("0.5")),
            Map.entry("a", Arrays.asList("x", null, 2)),
            Map.entry("o", object),
            Map.entry("m", ""));
    assertThat(claims).doesNotContainKey("n");
    assertThat((List<?>) claims.get("a")).isUnmodifiable();
    assertThat((Map<?, ?>) claims.get("o")).isUnmodifiable();
  }
}
