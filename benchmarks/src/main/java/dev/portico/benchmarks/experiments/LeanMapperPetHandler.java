package dev.portico.benchmarks.experiments;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import dev.portico.samples.petstore.PetController;
import dev.portico.samples.petstore.PetStore;

/**
 * A profiling experiment, not a variant users would write: the petstore sample exactly, except that
 * the API's ObjectMapper has no {@code JavaTimeModule} and {@code Jdk8Module} (the petstore has no
 * {@code java.time} or {@code Optional} fields). Comparing its cold start with the sample's shows
 * what registering those modules eagerly at init costs (see docs/performance.md).
 */
public final class LeanMapperPetHandler extends ApiHandler {
  /** The Lambda entry point. */
  public LeanMapperPetHandler() {
    super(
        Api.builder()
            .controller(new PetController(PetStore.seeded()))
            .objectMapper(
                new ObjectMapper()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES))
            .compressAbove(Integer.MAX_VALUE)
            .build());
  }
}
