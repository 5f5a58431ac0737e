package dev.portico.authorizer.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.internal.tree.Trees;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simple-response cache rule on its own: which rules it refuses, under the {@code response} key
 * (whole messages: AuthorizerConfigTest).
 */
class SimpleResponseCacheSafetyTest {

  private static List<String> problems(String yaml) throws Exception {
    Node root = Trees.yaml(yaml);
    List<String> problems = new ArrayList<>();
    Section top = new Section("f.yaml", root, problems);
    Section response = top.section("response").orElseThrow();
    SimpleResponseCacheSafety.check(response, "cacheKeyCoversRules", root);
    return problems;
  }

  @Test
  void tokenOnlyRulesPass() throws Exception {
    assertThat(problems("response: {httpApi: simple}\njwt: {issuer: x, audience: a}\n")).isEmpty();
    assertThat(problems("response: {httpApi: simple}\njwt: {routes: {}}\n")).isEmpty();
    assertThat(
            problems("response: {httpApi: simple}\nrequestParameters: {sourceIp: {allow: []}}\n"))
        .isEmpty();
  }

  @Test
  void routeSourceIpAndHeaderRulesAreEachRefusedUnderResponseHttpApi() throws Exception {
    List<String> problems =
        problems(
            """
            response: {httpApi: simple}
            jwt: {routes: {"GET /pets": {anyValidToken: true}}}
            requestParameters:
              sourceIp: {deny: 10.0.0.0/8}
              headers: {x-tenant: acme}
            """);

    assertThat(problems).hasSize(3);
    assertThat(problems.get(0))
        .startsWith("f.yaml: response.httpApi simple cannot be combined with jwt.routes:")
        .contains("set response.cacheKeyCoversRules: true only when");
    assertThat(problems.get(1))
        .startsWith(
            "f.yaml: response.httpApi simple cannot be combined with requestParameters.sourceIp:");
    assertThat(problems.get(2))
        .startsWith(
            "f.yaml: response.httpApi simple cannot be combined with requestParameters.headers:");
  }
}
