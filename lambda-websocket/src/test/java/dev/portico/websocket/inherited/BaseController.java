package dev.portico.websocket.inherited;

import dev.portico.api.http.Body;
import dev.portico.api.http.HeaderParam;
import dev.portico.websocket.ConnectResponse;
import dev.portico.websocket.ConnectionId;
import dev.portico.websocket.OnConnect;
import dev.portico.websocket.OnDisconnect;
import dev.portico.websocket.OnMessage;
import java.util.ArrayList;
import java.util.List;

/** Routes declared on an abstract superclass of the controller. */
public abstract class BaseController {
  /** What the routes saw, in order. */
  public final List<String> seen = new ArrayList<>();

  /** Accepts every connection, recording its Host header. */
  @OnConnect
  public ConnectResponse connect(@HeaderParam("Host") String host, @ConnectionId String id) {
    seen.add("connect:" + id + ":" + host);
    return ConnectResponse.accept();
  }

  /** The fallback route; the subclass overrides it without the annotation. */
  @OnMessage
  public String fallback(@Body String text) {
    return "base:" + text;
  }

  /** Route {@code ping} here; the subclass overrides it with {@code @OnMessage("pong")}. */
  @OnMessage("ping")
  public String ping() {
    return "ping";
  }

  /** Records the disconnect. */
  @OnDisconnect
  public void gone(@ConnectionId String id) {
    seen.add("gone:" + id);
  }
}
