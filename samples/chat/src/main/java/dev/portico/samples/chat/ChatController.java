package dev.portico.samples.chat;

import dev.portico.api.Nullable;
import dev.portico.api.http.Body;
import dev.portico.api.http.Principal;
import dev.portico.samples.chat.ChatMessages.Reply;
import dev.portico.samples.chat.ChatMessages.Request;
import dev.portico.samples.chat.ChatMessages.RoomMessage;
import dev.portico.websocket.BroadcastResult;
import dev.portico.websocket.CloseStatus;
import dev.portico.websocket.Connection;
import dev.portico.websocket.Delivery;
import dev.portico.websocket.OnConnect;
import dev.portico.websocket.OnDisconnect;
import dev.portico.websocket.OnMessage;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat rooms over a WebSocket API: {@code join}, {@code leave} and {@code send}. A room is a group
 * of the connection registry ({@code room:NAME}), so a message reaches its members through one
 * registry query (no table scan) and one {@code @connections} post each; members that are gone
 * (410) are removed from the registry by the broadcast itself.
 */
public final class ChatController {
  private static final Logger LOG = LoggerFactory.getLogger(ChatController.class);
  private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** The most characters a chat message may have. */
  public static final int MAX_TEXT = 4000;

  /** Accepts every connection the authorizer let through (the principal is registered). */
  @OnConnect
  public void connect(Connection connection) {
    LOG.info("connected {} as {}", connection.id(), connection.principal());
  }

  /** Nothing to clean up: the registry forgets the connection and its rooms after this. */
  @OnDisconnect
  public void disconnect(Connection connection, CloseStatus status) {
    LOG.info("disconnected {} ({})", connection.id(), status);
  }

  /** Joins a room. */
  @OnMessage("join")
  public Reply join(@Body Request request, Connection connection) {
    String problem = checkRoom(request);
    if (problem != null) {
      return Reply.error(request.room(), problem);
    }
    connection.join(group(request.room()));
    return Reply.of("joined", request.room());
  }

  /** Leaves a room. */
  @OnMessage("leave")
  public Reply leave(@Body Request request, Connection connection) {
    String problem = checkRoom(request);
    if (problem != null) {
      return Reply.error(request.room(), problem);
    }
    connection.leave(group(request.room()));
    return Reply.of("left", request.room());
  }

  /** Sends a message to every member of a room the sender has joined. */
  @OnMessage("send")
  public Reply send(
      @Body Request request, Connection connection, @Principal @Nullable String principal) {
    String problem = checkRoom(request);
    if (problem != null) {
      return Reply.error(request.room(), problem);
    }
    String text = request.text();
    if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
      return Reply.error(request.room(), "text must have 1 to " + MAX_TEXT + " characters");
    }
    String group = group(request.room());
    if (!connection.connections().registry().groups(connection.id()).contains(group)) {
      return Reply.error(request.room(), "join the room first");
    }
    String from = principal == null ? "anonymous" : principal;
    BroadcastResult result =
        connection
            .connections()
            .broadcastToGroup(group, new RoomMessage("message", request.room(), from, text));
    return new Reply(
        "sent",
        request.room(),
        result.with(Delivery.SENT).size(),
        result.with(Delivery.GONE).size(),
        null);
  }

  /** Any other action. */
  @OnMessage
  public Reply unknown() {
    return Reply.error(null, "unknown action; use join, leave or send");
  }

  private static @Nullable String checkRoom(Request request) {
    return request.room() != null && ROOM.matcher(request.room()).matches()
        ? null
        : "room must be 1 to 64 letters, digits, '-' or '_'";
  }

  private static String group(String room) {
    return "room:" + room;
  }
}
