package dev.portico.samples.chat;

/**
 * The chat's messages. Clients send {@code {"action": "join"|"leave"|"send", "room": ..., "text":
 * ...}}; the server answers each with a {@link Reply} and delivers room messages as {@link
 * RoomMessage}.
 */
public final class ChatMessages {
  private ChatMessages() {}

  /** What a client sends: the action selects the route; {@code text} only for {@code send}. */
  public record Request(String action, String room, String text) {}

  /**
   * The answer to the sender of an action: {@code joined}, {@code left}, {@code sent} (with how
   * many members the message reached and how many were gone) or {@code error}.
   */
  public record Reply(String type, String room, int delivered, int gone, String message) {
    static Reply of(String type, String room) {
      return new Reply(type, room, 0, 0, null);
    }

    static Reply error(String room, String message) {
      return new Reply("error", room, 0, 0, message);
    }
  }

  /** A message delivered to every member of a room, the sender included. */
  public record RoomMessage(String type, String room, String from, String text) {}
}
