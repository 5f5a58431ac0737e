package dev.portico.samples.httpapi;

import dev.portico.api.Authorization;
import dev.portico.api.EventSource;
import dev.portico.local.testing.LocalClient;
import dev.portico.local.testing.PorticoTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The handler in-process through the events of its two ways in: HTTP API 2.0 and function URL. */
@PorticoTest(handler = BookHandler.class)
class BooksInProcessTest {
  /** What the simple-response authorizer passes on: {@code requestContext.authorizer.lambda}. */
  private static final Authorization WRITER =
      new Authorization(
          null, Map.of(), List.of(), Map.of("principalId", "alice", "scope", "books:write"));

  @ParameterizedTest
  @EnumSource(
      value = EventSource.class,
      names = {"API_GATEWAY_V2", "FUNCTION_URL"})
  void getsABook(EventSource source, LocalClient client) {
    client
        .as(source)
        .get("/books/2")
        .send()
        .assertStatus(200)
        .assertJsonBody("{\"id\":2,\"title\":\"Solaris\",\"author\":\"Stanisław Lem\"}");
  }

  @ParameterizedTest
  @EnumSource(
      value = EventSource.class,
      names = {"API_GATEWAY_V2", "FUNCTION_URL"})
  void aWriterAddsABook(EventSource source, LocalClient client) {
    client
        .as(source)
        .post("/books")
        .json(Map.of("title", "Ubik", "author", "Philip K. Dick"))
        .authorization(WRITER)
        .send()
        .assertStatus(201)
        .assertHeader(BookController.CREATED_BY, "alice")
        .assertJson("/title", "Ubik");
  }

  @ParameterizedTest
  @EnumSource(
      value = EventSource.class,
      names = {"API_GATEWAY_V2", "FUNCTION_URL"})
  void rejectsABookWithoutATitle(EventSource source, LocalClient client) {
    client
        .as(source)
        .post("/books")
        .json(Map.of("author", "Anonymous"))
        .authorization(WRITER)
        .send()
        .assertStatus(422)
        .assertHeader("Content-Type", "application/problem+json")
        .assertJson("/detail", "title is required");
  }
}
