package dev.portico.api.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Asking for one header reads only that header from the event; the answer must be exactly what the
 * full, case-insensitive header map gives, for every fixture event and every spelling.
 */
class HeaderLookupTest {
  private static final EventReader READER = new EventReader(new ObjectMapper());

  static Stream<Path> fixtureEvents() throws IOException, URISyntaxException {
    Path root = Path.of(HeaderLookupTest.class.getResource("/events").toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  private static void assertLookupsAgreeWithTheMap(byte[] bytes) throws IOException {
    List<String> names = new ArrayList<>();
    ParsedEvent full = READER.read(bytes);
    for (String name : full.headers().keySet()) {
      names.add(name);
      names.add(name.toLowerCase(Locale.ROOT));
      names.add(name.toUpperCase(Locale.ROOT));
    }
    names.add("X-Not-Sent");
    names.add("Content-Type");
    names.add("Cookie");
    for (String name : names) {
      // A fresh event per name, so each lookup runs before the full map is built.
      ParsedEvent lazy = READER.read(bytes);
      assertThat(lazy.header(name)).as(name).isEqualTo(full.headers().get(name));
    }
    // One event asked for every name: lone lookups first, then the whole map.
    ParsedEvent many = READER.read(bytes);
    for (String name : names) {
      assertThat(many.header(name)).as(name).isEqualTo(full.headers().get(name));
    }
  }

  @ParameterizedTest
  @MethodSource("fixtureEvents")
  void oneHeaderIsWhatTheFullMapSaysForEveryFixture(Path event) throws IOException {
    byte[] bytes = Files.readAllBytes(event);
    try {
      READER.read(bytes);
    } catch (UnsupportedEventException e) {
      return; // not a proxy event (WebSocket, authorizer input): no headers to compare
    }
    assertLookupsAgreeWithTheMap(bytes);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // spellings that differ in case are joined, in order
        "{'httpMethod':'GET','path':'/','multiValueHeaders':{'x-a':['1'],'X-A':['2','3']},"
            + "'requestContext':{}}",
        // an empty or all-null list does not replace an earlier value
        "{'httpMethod':'GET','path':'/','multiValueHeaders':{'X-A':['1'],'x-A':[],'x-a':[null]},"
            + "'requestContext':{}}",
        // multi-value headers all empty: the single-value ones count
        "{'httpMethod':'GET','path':'/','multiValueHeaders':{'X-A':[]},"
            + "'headers':{'X-A':'s','x-a':'t','X-B':'u'},'requestContext':{}}",
        // single-value headers are ignored when multi-value ones exist
        "{'httpMethod':'GET','path':'/','headers':{'X-A':'s'},"
            + "'multiValueHeaders':{'X-B':['m']},'requestContext':{}}",
        // HTTP API 2.0: comma-joined single-value headers, cookies apart
        "{'version':'2.0','rawPath':'/','headers':{'content-type':'text/plain','x-a':'1,2'},"
            + "'cookies':['a=1'],'requestContext':{'http':{'method':'GET','path':'/'}}}",
        // no headers at all
        "{'httpMethod':'GET','path':'/','requestContext':{}}",
        // null header maps
        "{'httpMethod':'GET','path':'/','headers':null,'multiValueHeaders':null,'requestContext':{}}"
      })
  void oneHeaderIsWhatTheFullMapSaysForEdgeCases(String json) throws IOException {
    assertLookupsAgreeWithTheMap(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    ParsedEvent event = READER.read(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    List<String> xa = event.header("x-A");
    if (json.contains("'X-A':['2','3']")) {
      assertThat(xa).containsExactly("1", "2", "3");
    } else if (json.contains("'x-a':[null]")) {
      assertThat(xa).containsExactly("1");
    } else if (json.contains("'x-a':'t'")) {
      assertThat(xa).containsExactly("s", "t");
    }
  }

  /**
   * An exact duplicate key used to be read as "the last one wins"; other JSON readers take the
   * first, so since issue 9 (finding 7) the whole event is refused instead.
   */
  @Test
  void anExactDuplicateHeaderKeyIsRefused() {
    byte[] json =
        ("{'httpMethod':'GET','path':'/','multiValueHeaders':{'X-A':['1'],'X-B':['b'],'X-A':['2']},"
                + "'requestContext':{}}")
            .replace('\'', '"')
            .getBytes(StandardCharsets.UTF_8);
    Assertions.assertThatThrownBy(() -> READER.read(json))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageStartingWith(
            "Unsupported event: the payload is not valid JSON (Duplicate field 'X-A'");
  }
}
