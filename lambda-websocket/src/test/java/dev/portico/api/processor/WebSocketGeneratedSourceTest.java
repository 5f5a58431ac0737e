package dev.portico.api.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code <Controller>_WebSocketRoutes} source, compared with a golden file: a change
 * to the generated code shows up in review as a change to that file.
 */
class WebSocketGeneratedSourceTest {
  static final String CHAT =
      """
      package com.example;

      import dev.portico.api.Nullable;
      import dev.portico.api.http.*;
      import dev.portico.websocket.*;
      import java.util.List;
      import java.util.Optional;

      public class Chat {
        public record Msg(String room, String text) {}

        @OnConnect
        public ConnectResponse connect(@QueryParam("room") @Nullable String room, Connection c) {
          return ConnectResponse.accept();
        }

        @OnMessage("send")
        public Msg send(@Body Msg message, @ConnectionId String from) { return message; }

        @OnMessage("batch")
        public int batch(@Body Optional<List<Msg>> messages) { return 0; }

        @OnMessage
        public String echo(@Body String text) { return text; }

        @OnDisconnect
        public void gone(CloseStatus status) {}
      }
      """;

  @Test
  void generatedSourceMatchesTheGoldenFile() throws IOException {
    Compilation compilation = Compilation.compile(CHAT);
    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.generated().get("com.example.Chat_WebSocketRoutes"))
        .isEqualTo(golden("/processor/golden/Chat_WebSocketRoutes.java"));
  }

  private static String golden(String resource) throws IOException {
    try (InputStream in = WebSocketGeneratedSourceTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
