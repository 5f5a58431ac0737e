package dev.portico.benchmarks.experiments;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import dev.portico.samples.petstore.PetController;
import dev.portico.samples.petstore.PetStore;

/**
 * A profiling experiment, not a variant users would write: the petstore sample exactly, except that
 * the API is given its own plain {@code ObjectMapper}. That isolates two costs: registering
 * Jackson's java.time and Jdk8 modules (it registers none; Portico's default mapper now registers
 * lazy stand-ins), and Jackson's reflective bean serializer on the first response (an application's
 * own mapper turns the build-time JSON writers off, so Jackson writes the {@code Pet}). See
 * docs/performance.md.
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
