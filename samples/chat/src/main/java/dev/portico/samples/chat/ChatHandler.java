package dev.portico.samples.chat;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import dev.portico.websocket.WebSocketApi;

/**
 * The chat function of template.yaml ({@code dev.portico.samples.chat.ChatHandler::handleRequest}):
 * one handler for the WebSocket API's routes ({@link ChatController}) and the HTTP route of the
 * browser page ({@link PageController}).
 */
public final class ChatHandler extends ApiHandler {
  /** Reads the settings from the environment (see {@link ChatSettings}). */
  public ChatHandler() {
    this(ChatSettings.fromEnvironment());
  }

  /** A handler with these settings. */
  public ChatHandler(ChatSettings settings) {
    super(
        Api.builder()
            .controller(new PageController())
            .webSocket(
                WebSocketApi.builder()
                    .controller(new ChatController())
                    .registry(settings.registry())
                    .customizeClient(settings.client())
                    .build())
            .build());
  }
}
