package dev.portico.api.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Api;
import dev.portico.api.EventSource;
import dev.portico.api.internal.codec.EventReader;
import dev.portico.api.internal.codec.ParsedEvent;
import dev.portico.api.internal.codec.SyntheticEvents;
import dev.portico.api.internal.codec.SyntheticRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/** Real requests for unit tests of the pipeline's pieces: an event encoded, read and wrapped. */
final class Requests {
  static final ObjectMapper MAPPER = Api.Builder.defaultMapper();

  private Requests() {}

  static ParsedEvent event(SyntheticRequest request, EventSource source) {
    try {
      return new EventReader(MAPPER).read(SyntheticEvents.toEvent(request, source, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static EventRequest of(SyntheticRequest request, EventSource source) {
    ParsedEvent event = event(request, source);
    return new EventRequest(
        event,
        PathNormaliser.toPath(event.segments()),
        Map.of(),
        SyntheticContext.expiringIn(Duration.ofSeconds(5)),
        new BodyReaders(MAPPER),
        Map.of());
  }

  static EventRequest get(String target) {
    return of(SyntheticRequest.of("GET", target), EventSource.API_GATEWAY_V2);
  }
}
