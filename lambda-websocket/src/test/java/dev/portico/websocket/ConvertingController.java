package dev.portico.websocket;

import dev.portico.api.Nullable;
import dev.portico.api.http.DefaultValue;
import dev.portico.api.http.HeaderParam;
import dev.portico.api.http.QueryParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A {@code $connect} whose headers and query parameters convert like HTTP parameters. */
public class ConvertingController {
  /** A header converted to an enum. */
  public enum Mode {
    FAST,
    SAFE
  }

  /** What each accepted connection bound. */
  final List<Map<String, Object>> seen = new ArrayList<>();

  /** Records the converted values. */
  @OnConnect
  public void connect(
      @QueryParam("limit") int limit,
      @QueryParam("session") UUID session,
      @QueryParam("verbose") @DefaultValue("true") boolean verbose,
      @QueryParam("since") @Nullable Long since,
      @QueryParam("room") List<String> rooms,
      @HeaderParam("X-Mode") Optional<Mode> mode,
      @HeaderParam("X-Size") @DefaultValue("7") long size,
      @HeaderParam("X-Tags") List<Mode> tags) {
    seen.add(
        Map.of(
            "limit", limit,
            "session", session,
            "verbose", verbose,
            "since", String.valueOf(since),
            "rooms", rooms,
            "mode", mode,
            "size", size,
            "tags", tags));
  }
}
