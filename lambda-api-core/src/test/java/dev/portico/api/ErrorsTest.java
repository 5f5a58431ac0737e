package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorsTest {
  static class StoreException extends RuntimeException {
    StoreException(String message) {
      super(message);
    }
  }

  static final class LockedException extends StoreException {
    LockedException() {
      super("row locked by session 42 at db-host-7");
    }
  }

  private static final Api API =
      Api.builder()
          .get(
              "/status/{code}",
              r -> {
                int code = Integer.parseInt(r.pathParam("code"));
                throw switch (code) {
                  case 400 -> new BadRequestException("bad");
                  case 401 -> new UnauthorizedException("who?");
                  case 403 -> new ForbiddenException("no");
                  case 404 -> new NotFoundException("no pet 7");
                  case 409 -> new ConflictException("taken");
                  case 415 -> new UnsupportedMediaTypeException("xml?");
                  case 422 -> new UnprocessableEntityException("name is blank");
                  case 429 -> new TooManyRequestsException("slow down");
                  default -> new InternalServerErrorException("failed");
                };
              })
          .get(
              "/locked",
              r -> {
                throw new LockedException();
              })
          .get(
              "/store",
              r -> {
                throw new StoreException("store down");
              })
          .get(
              "/crash",
              r -> {
                throw new IllegalStateException("password=hunter2 at com.example.Secret");
              })
          .get(
              "/retry",
              r -> {
                throw new TooManyRequestsException("slow down").withHeader("Retry-After", "30");
              })
          .exceptionMapper(
              StoreException.class,
              (e, r) -> Response.status(503).withBody(Problem.of(503, "store unavailable")))
          .exceptionMapper(
              LockedException.class,
              (e, r) -> Response.status(409).withBody(Problem.of(409, "locked, try again")))
          .build();

  private static ProxyResponse send(String path, EventSource source) {
    return Fixtures.send(API, TestRequest.get(path).requestId("rid-9"), source);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 415, 422, 429, 500})
  void httpExceptionsBecomeProblemDetailsWithTheRequestIdAsInstance(int status) {
    ProxyResponse response = send("/status/" + status, EventSource.API_GATEWAY_V1);
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.json().path("status").asInt()).isEqualTo(status);
    assertThat(response.json().path("title").asText()).isEqualTo(HttpStatus.reason(status));
    assertThat(response.json().path("instance").asText()).isEqualTo("rid-9");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void theMostSpecificMapperWins(EventSource source) {
    assertThat(send("/locked", source).status()).isEqualTo(409);
    assertThat(send("/locked", source).json().path("detail").asText())
        .isEqualTo("locked, try again");
    assertThat(send("/store", source).status()).isEqualTo(503);
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void anUnmappedExceptionIsAGeneric500ThatLeaksNothing(EventSource source) {
    ProxyResponse response = send("/crash", source);
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.bodyAsString())
        .doesNotContain("hunter2")
        .doesNotContain("IllegalStateException")
        .doesNotContain("at dev.portico");
    assertThat(response.json().path("detail").asText())
        .isEqualTo("The server failed to handle the request; quote the instance when reporting it");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void errorsThrownByUserCodeAreA500TooNotALambdaFailure(EventSource source) {
    Api api =
        Api.builder()
            .get(
                "/assert",
                r -> {
                  throw new AssertionError("invariant broken");
                })
            .get(
                "/linkage",
                r -> {
                  throw new NoClassDefFoundError("com/example/Gone");
                })
            .build();
    for (String path : List.of("/assert", "/linkage")) {
      ProxyResponse response = Fixtures.send(api, TestRequest.get(path), source);
      assertThat(response.status()).isEqualTo(500);
      assertThat(response.bodyAsString()).doesNotContain("invariant").doesNotContain("com/example");
    }
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void exceptionHeadersAreSent(EventSource source) {
    ProxyResponse response = send("/retry", source);
    assertThat(response.status()).isEqualTo(429);
    assertThat(response.header("Retry-After")).isEqualTo("30");
  }
}
