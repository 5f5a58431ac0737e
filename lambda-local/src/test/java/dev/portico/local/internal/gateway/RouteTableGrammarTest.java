package dev.portico.local.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.local.LocalStartupException;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RouteTable reads route paths with portico-path's one path-template grammar. */
class RouteTableGrammarTest {
  private static RouteTable table(String method, String path) {
    return new RouteTable(
        List.of(LocalApi.rest("Api").withRoute(LocalRoute.of(method, path, "F"))));
  }

  @Test
  void aGreedyVariableBeforeTheLastSegmentKeepsItsMessage() {
    assertThatThrownBy(() -> table("GET", "/files/{path+}/meta"))
        .isInstanceOf(LocalStartupException.class)
        .hasMessage(
            "API Api, route GET /files/{path+}/meta: a greedy {name+} must be the last segment");
  }

  @Test
  void aPathTheGrammarRefusesStopsStartUpNamingApiRouteAndRule() {
    assertThatThrownBy(() -> table("GET", "/files/{name}.json"))
        .isInstanceOf(LocalStartupException.class)
        .hasMessage(
            "API Api, route GET /files/{name}.json: path '/files/{name}.json' has segment"
                + " '{name}.json' that mixes text and a variable; a {variable} must be a whole"
                + " segment");
  }

  @Test
  void aTrailingSlashIsIgnoredAndVariablesMatch() {
    RouteTable table = table("GET", "/pets/{id}/");
    RouteTable.Match match = table.match("GET", "/pets/7");
    assertThat(match).isNotNull();
    assertThat(match.pathParameters()).containsEntry("id", "7");
    assertThat(table("ANY", "/{proxy+}").match("DELETE", "/a/b").pathParameters())
        .containsEntry("proxy", "a/b");
  }
}
