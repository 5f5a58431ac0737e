package dev.portico.local.internal.websocket;

import dev.portico.local.LocalStartupException;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalWebSocketApi;
import dev.portico.local.config.LocalWebSocketRoute;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks the WebSocket APIs of a configuration: functions exist, stages are unique. */
public final class WebSocketConfigCheck {
  private WebSocketConfigCheck() {}

  /**
   * Validates.
   *
   * @throws LocalStartupException naming the API and route or authorizer at fault
   */
  public static void validate(Map<String, LocalFunction> functions, List<LocalWebSocketApi> apis) {
    Map<String, String> stages = new HashMap<>();
    for (LocalWebSocketApi api : apis) {
      String other = stages.putIfAbsent(api.stage(), api.name());
      if (other != null) {
        throw new LocalStartupException(
            "WebSocket APIs "
                + other
                + " and "
                + api.name()
                + " both use the stage "
                + api.stage()
                + "; locally each WebSocket API is served at /{stage}, so their stages must differ");
      }
      for (LocalWebSocketRoute route : api.routes().values()) {
        if (!functions.containsKey(route.function())) {
          throw new LocalStartupException(
              "WebSocket API "
                  + api.name()
                  + ", route "
                  + route.routeKey()
                  + ": function "
                  + route.function()
                  + " is not defined");
        }
      }
      LocalAuthorizer authorizer = api.connectAuthorizer();
      if (authorizer != null) {
        if (!functions.containsKey(authorizer.function())) {
          throw new LocalStartupException(
              "WebSocket API "
                  + api.name()
                  + ", authorizer "
                  + authorizer.name()
                  + ": function "
                  + authorizer.function()
                  + " is not defined");
        }
        if (authorizer.type() != LocalAuthorizer.Type.REQUEST) {
          throw new LocalStartupException(
              "WebSocket API "
                  + api.name()
                  + ", authorizer "
                  + authorizer.name()
                  + ": WebSocket APIs take REQUEST authorizers only, got "
                  + authorizer.type());
        }
      }
    }
  }
}
