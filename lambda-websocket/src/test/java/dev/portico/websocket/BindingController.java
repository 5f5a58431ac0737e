package dev.portico.websocket;

import com.amazonaws.services.lambda.runtime.Context;
import dev.portico.api.BadRequestException;
import dev.portico.api.Nullable;
import dev.portico.api.UnauthorizedException;
import dev.portico.api.http.AuthorizerParam;
import dev.portico.api.http.Body;
import dev.portico.api.http.HeaderParam;
import dev.portico.api.http.Principal;
import dev.portico.api.http.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A controller using every binding; compiled by the annotation processor in this build. */
public class BindingController {
  /** What handlers saw, for the tests to read. */
  final List<Map<String, Object>> seen = new ArrayList<>();

  /** A JSON message. */
  public record Chat(String action, String room, String text) {}

  /** A reply. */
  public record Ack(String room, int length, String from) {}

  @OnConnect
  public ConnectResponse connect(
      @ConnectionId String id,
      @QueryParam("room") @Nullable String room,
      @QueryParam("token") Optional<String> token,
      @HeaderParam("User-Agent") String agent,
      @Principal @Nullable String principal,
      @AuthorizerParam("tenant") Optional<String> tenant,
      @RequestTime Instant at,
      Connection connection,
      Context context) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", id);
    s.put("room", room);
    s.put("token", token.orElse("-"));
    s.put("agent", agent);
    s.put("principal", principal);
    s.put("tenant", tenant.orElse("-"));
    s.put("at", at.toString());
    s.put(
        "connection",
        connection.id() + " " + connection.sourceIp() + " " + connection.connectedAt());
    s.put("function", context.getFunctionName());
    seen.add(s);
    if ("bad".equals(room)) {
      return ConnectResponse.reject(403);
    }
    if ("secret".equals(room)) {
      throw new UnauthorizedException("no token");
    }
    if ("boom".equals(room)) {
      throw new IllegalStateException("database password is hunter2");
    }
    if ("proto".equals(room)) {
      return ConnectResponse.accept().subprotocol("chat.v2");
    }
    if (room != null) {
      connection.join("room:" + room);
      return ConnectResponse.accept().metadata("room", room);
    }
    return ConnectResponse.accept();
  }

  @OnMessage("sendmessage")
  public Ack send(
      @Body Chat chat,
      @ConnectionId String from,
      @RequestTime long millis,
      @Principal Optional<String> principal,
      WebSocketRequest request) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("millis", millis);
    s.put("messageId", request.messageId());
    s.put("principal", principal.orElse("-"));
    seen.add(s);
    if (chat.text().equals("fail")) {
      throw new BadRequestException("text must not be 'fail'");
    }
    if (chat.text().equals("crash")) {
      throw new IllegalArgumentException("secret internals");
    }
    return new Ack(chat.room(), chat.text().length(), from);
  }

  @OnMessage("many")
  public int count(@Body List<Chat> chats) {
    return chats.size();
  }

  @OnMessage("maybe")
  public String maybe(@Body Optional<Chat> chat) {
    return chat.map(Chat::text).orElse("nothing");
  }

  @OnMessage("bytes")
  public byte[] bytes(@Body byte[] data, WebSocketRequest request) {
    byte[] reversed = new byte[data.length];
    for (int i = 0; i < data.length; i++) {
      reversed[i] = data[data.length - 1 - i];
    }
    seen.add(Map.of("binary", request.binary()));
    return reversed;
  }

  @OnMessage
  public String fallback(@Body String text, @AuthorizerParam("tenant") @Nullable String tenant) {
    return "default:" + text + ":" + tenant;
  }

  @OnDisconnect
  public void disconnect(@ConnectionId String id, CloseStatus status) {
    seen.add(Map.of("closed", id, "code", status.code(), "reason", status.reason()));
  }
}
