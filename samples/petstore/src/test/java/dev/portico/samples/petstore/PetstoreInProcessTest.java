package dev.portico.samples.petstore;

import dev.portico.api.Authorization;
import dev.portico.api.EventSource;
import dev.portico.local.testing.LocalClient;
import dev.portico.local.testing.PorticoTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The petstore handler in-process, through the event of every proxy source. */
@PorticoTest(handler = PetHandler.class)
class PetstoreInProcessTest {

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void getsAPet(EventSource source, LocalClient client) {
    client
        .as(source)
        .get("/pets/2")
        .send()
        .assertStatus(200)
        .assertJsonBody("{\"id\":2,\"name\":\"Tom\",\"tag\":\"cat\"}");
  }

  @ParameterizedTest
  @EnumSource(
      value = EventSource.class,
      names = {"API_GATEWAY_V1", "API_GATEWAY_V2", "FUNCTION_URL"}) // an ALB passes no scopes
  void rejectsABodyWithoutAName(EventSource source, LocalClient client) {
    // A missing name is a binding problem (strict binding: name is not @Nullable)...
    client
        .as(source)
        .post("/pets")
        .json(Map.of("tag", "dog"))
        .authorization(
            new Authorization("alice", Map.of(), List.of(), Map.of("scope", "pets:write")))
        .send()
        .assertStatus(400)
        .assertHeader("Content-Type", "application/problem+json")
        .assertJson("/detail", "Invalid JSON body at name: is required (line 1, column 13)")
        .assertJson("/errors/0/in", "body")
        .assertJson("/errors/0/field", "name")
        .assertJson("/errors/0/pointer", "#/name")
        .assertJson("/errors/0/detail", "is required (line 1, column 13)");
    // ...and a blank one breaks NewPet's @NotBlank, checked by the generated validation.
    client
        .as(source)
        .post("/pets")
        .json(Map.of("name", " ", "tag", "dog"))
        .authorization(
            new Authorization("alice", Map.of(), List.of(), Map.of("scope", "pets:write")))
        .send()
        .assertStatus(400)
        .assertHeader("Content-Type", "application/problem+json")
        .assertJson("/detail", "Invalid request: 1 problem")
        .assertJson("/errors/0/in", "body")
        .assertJson("/errors/0/field", "name")
        .assertJson("/errors/0/pointer", "#/name")
        .assertJson("/errors/0/detail", "must not be blank");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void filtersByTag(EventSource source, LocalClient client) {
    client
        .as(source)
        .get("/pets?tag=dog&limit=5")
        .send()
        .assertStatus(200)
        .assertJson("/0/name", "Rex")
        .assertJson("/0/id", 1);
  }
}
