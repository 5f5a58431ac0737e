package dev.portico.api.coldpath;

import dev.portico.api.Nullable;
import dev.portico.api.http.Body;
import dev.portico.api.http.POST;
import dev.portico.api.http.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A body of UUID, java.time values and a map, read by a generated reader, and a result of the same
 * kinds written by a generated writer: {@link ColdTextBodyTest}.
 */
@Path("/events")
public final class EventsController {
  /** What the client sends. */
  public record NewEvent(
      UUID id,
      Instant at,
      LocalDate day,
      LocalDateTime local,
      LocalTime time,
      OffsetDateTime offset,
      Duration took,
      Map<String, Integer> counts,
      @Nullable Map<String, LocalDate> days) {}

  /** What the route answers. */
  public record Event(
      UUID id,
      Instant at,
      LocalDate day,
      LocalDateTime local,
      LocalTime time,
      OffsetDateTime offset,
      int total) {}

  /** Echoes the event's values, with the sum of the counts and the duration in seconds. */
  @POST
  public Event create(@Body NewEvent event) {
    int total = event.counts().values().stream().mapToInt(Integer::intValue).sum();
    return new Event(
        event.id(),
        event.at().plus(event.took()),
        event.day(),
        event.local(),
        event.time(),
        event.offset(),
        total + (event.days() == null ? 0 : event.days().size()));
  }
}
