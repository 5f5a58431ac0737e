package dev.portico.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portico.api.Api;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyMapperTest {

  @Test
  void porticosDefaultMapperIsMadeOnFirstNeedStrictOrLenientAsAsked() throws Exception {
    LazyMapper strict = LazyMapper.lazyDefault(false);
    LazyMapper lenient = LazyMapper.lazyDefault(true);
    assertThat(strict.lazyDefault()).isTrue();
    assertThat(strict.created()).isFalse();

    // Strict scalars: 1.5 is no int; the lenient mapper truncates as Jackson does.
    assertThatThrownBy(() -> strict.get().readValue("1.5", int.class))
        .isInstanceOf(com.fasterxml.jackson.databind.exc.InvalidFormatException.class);
    assertThat(lenient.get().readValue("1.5", int.class)).isEqualTo(1);
    assertThat(strict.created()).isTrue();
    assertThat(strict.get()).isSameAs(strict.get());
  }

  @Test
  void theMapperIsCreatedOnFirstNeedOnlyAndOnce() throws Exception {
    LazyMapper lazy = LazyMapper.lazyDefault(false);
    assertThat(lazy.created()).isFalse();
    assertThat(lazy.factory().createParser("{}").nextToken()).isNotNull();
    assertThat(lazy.created()).isFalse();

    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Set<ObjectMapper> seen = ConcurrentHashMap.newKeySet();
      List<Future<?>> all =
          java.util.stream.IntStream.range(0, threads)
              .<Future<?>>mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            start.await();
                            return seen.add(lazy.get());
                          }))
              .toList();
      start.countDown();
      for (Future<?> f : all) {
        f.get();
      }
      assertThat(seen).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(lazy.created()).isTrue();
  }

  @Test
  void aGeneratorLentTheCodecHandsUnknownObjectsToTheMapperWhichIsCreatedOnlyThen()
      throws Exception {
    LazyMapper lazy = LazyMapper.lazyDefault(false);
    // No codec on the factory: a cold start that writes only generated records never loads
    // jackson-core's ObjectCodec.
    assertThat(lazy.factory().getCodec()).isNull();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var g = lazy.factory().createGenerator(out)) {
      lazy.lendCodec(g);
      assertThat(g.getCodec()).isNotNull();
      assertThat(lazy.created()).isFalse();
      g.writeObject(Map.of("when", java.time.LocalDate.of(2026, 12, 7)));
    }
    assertThat(out.toString()).isEqualTo("{\"when\":\"2026-12-07\"}");
    assertThat(lazy.created()).isTrue();
  }

  @Test
  void aGeneratorOfAGivenMappersFactoryKeepsThatMapperAsItsCodec() throws Exception {
    ObjectMapper given = new ObjectMapper();
    LazyMapper lazy = LazyMapper.of(given);
    try (var g = lazy.factory().createGenerator(new ByteArrayOutputStream())) {
      lazy.lendCodec(g);
      assertThat(g.getCodec()).isSameAs(given);
    }
  }

  @Test
  void apiObjectMapperStillHandsOutTheDefaultMapperWithItsConfiguration() {
    Api api = Api.builder().get("/x", request -> "x").build();
    ObjectMapper mapper = api.objectMapper();
    assertThat(mapper).isSameAs(api.objectMapper());
    assertThat(mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
    assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
    assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)).isTrue();
    assertThat(mapper.getRegisteredModuleIds()).hasSize(2);
  }

  @Test
  void aGivenOrCustomisedMapperExistsFromBuildOn() {
    ObjectMapper given = new ObjectMapper();
    assertThat(Api.builder().objectMapper(given).get("/x", r -> "x").build().objectMapper())
        .isSameAs(given);
    AtomicInteger customised = new AtomicInteger();
    Api.builder()
        .configureObjectMapper(m -> customised.incrementAndGet())
        .get("/x", r -> "x")
        .build();
    assertThat(customised).as("customizers run at build").hasValue(1);
    assertThat(LazyMapper.of(given).lazyDefault()).isFalse();
  }
}
