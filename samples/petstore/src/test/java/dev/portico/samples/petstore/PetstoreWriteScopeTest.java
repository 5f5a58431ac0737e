package dev.portico.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.Authorization;
import dev.portico.api.EventSource;
import dev.portico.local.testing.LocalClient;
import dev.portico.local.testing.PorticoTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9, finding 1 (defense in depth): the function itself refuses a write whose token lacks
 * {@code pets:write}, even when the gateway let the request through (here the event is handed to
 * the handler directly, as a gateway with a too-broad policy would). And finding 4: the principal
 * in the controller's log line cannot forge a second line.
 */
@PorticoTest(handler = PetHandler.class)
class PetstoreWriteScopeTest {
  private static final String MISSING =
      "Missing scope 'pets:write'; this route requires pets:write";

  private static Authorization scope(String principal, String scope) {
    return new Authorization(principal, Map.of(), List.of(), Map.of("scope", scope));
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void aTokenWithoutPetsWriteGets403FromTheFunctionEvenWhenTheGatewayLetItThrough(
      EventSource source, LocalClient client) {
    LocalClient as = client.as(source);
    Authorization reader = scope("mallory", "pets:read");
    as.post("/pets")
        .json(Map.of("name", "Evil"))
        .authorization(reader)
        .send()
        .assertStatus(403)
        .assertHeader("Content-Type", "application/problem+json")
        .assertJson("/detail", MISSING);
    as.put("/pets/1")
        .json(Map.of("name", "Evil"))
        .authorization(reader)
        .send()
        .assertStatus(403)
        .assertJson("/detail", MISSING);
    as.delete("/pets/1")
        .authorization(reader)
        .send()
        .assertStatus(403)
        .assertJson("/detail", MISSING);
    // No authorizer data at all (an unprotected gateway route): refused too.
    as.delete("/pets/1").send().assertStatus(403).assertJson("/detail", MISSING);
    as.get("/pets/1").send().assertStatus(200).assertJson("/name", "Rex");
  }

  /** The sources whose events carry an authorizer's result (an ALB has no authorizer). */
  @ParameterizedTest
  @EnumSource(
      value = EventSource.class,
      names = {"API_GATEWAY_V1", "API_GATEWAY_V2", "FUNCTION_URL"})
  void aTokenWithPetsWriteWrites(EventSource source, LocalClient client) {
    LocalClient as = client.as(source);
    Authorization writer = scope("alice", "pets:read pets:write");
    long id =
        as.post("/pets")
            .json(Map.of("name", "Fido"))
            .authorization(writer)
            .send()
            .assertStatus(201)
            .json("/id")
            .asLong();
    as.put("/pets/" + id)
        .json(Map.of("name", "Felix"))
        .authorization(writer)
        .send()
        .assertStatus(200);
    as.delete("/pets/" + id).authorization(writer).send().assertStatus(204);
  }

  /** An ALB passes no authorizer data: a write through one is refused, whatever the caller. */
  @ParameterizedTest
  @EnumSource(
      value = EventSource.class,
      names = {"ALB", "ALB_MULTI_VALUE"})
  void aWriteThroughALoadBalancerHasNoScopesAndIsRefused(EventSource source, LocalClient client) {
    client
        .as(source)
        .post("/pets")
        .json(Map.of("name", "Fido"))
        .authorization(scope("alice", "pets:write"))
        .send()
        .assertStatus(403)
        .assertJson("/detail", MISSING);
  }

  @ParameterizedTest
  @EnumSource(
      value = EventSource.class,
      names = {"API_GATEWAY_V1", "API_GATEWAY_V2"})
  void anInjectedLineInThePrincipalStaysOneLogLine(EventSource source, LocalClient client) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      client
          .as(source)
          .post("/pets")
          .json(Map.of("name", "Fido"))
          .authorization(
              scope(
                  "mallory\nINFO dev.portico.samples.petstore.PetController - pet 9 deleted by admin",
                  "pets:write"))
          .send()
          .assertStatus(201);
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    List<String> lines = log.lines().filter(l -> l.contains("PetController")).toList();
    assertThat(lines).as(log).hasSize(1);
    assertThat(lines.get(0))
        .contains(
            "created by \"mallory\\nINFO dev.portico.samples.petstore.PetController - pet 9 deleted"
                + " by admin\" (scope \"pets:write\")");
  }
}
