package dev.portico.benchmarks.coldstart;

import java.util.List;
import java.util.Map;

/**
 * One thing whose cold start is measured: a deployable (jar) and the handler class in it, the event
 * it answers, and what a correct answer contains.
 *
 * @param name the short name used on the command line and in tables
 * @param jar the deployable's file name in the variants directory: a jar, or a directory holding an
 *     unpacked zip deployable (classes at the root, jars in {@code lib/})
 * @param handler the handler class, as it would be configured in Lambda
 * @param event the class-path resource of the event it answers
 * @param expected text the response must contain for the run to count
 * @param env extra environment variables of the process; {@code ${issuer}} and {@code ${config}}
 *     become the local issuer's URL and the authorizer configuration file
 * @param group which baseline its ratios are computed against
 */
public record Variant(
    String name,
    String jar,
    String handler,
    String event,
    String expected,
    Map<String, String> env,
    String group) {

  /** The API variants compare with {@code baseline}. */
  public static final String API = "api";

  /** The authorizer variants compare with {@code bare-jwt}. */
  public static final String AUTHORIZER = "authorizer";

  /** Every known variant; those whose jar was not built are skipped by the runner. */
  public static List<Variant> all() {
    String okPet = "\"statusCode\":200";
    Map<String, String> issuer =
        Map.of("PORTICO_AUTHORIZER_CONFIG", "${config}", "ISSUER_URL", "${issuer}");
    return List.of(
        new Variant(
            "baseline",
            "baseline.jar",
            "dev.portico.benchmarks.baseline.BaselineHandler",
            "events/get-pet.json",
            okPet,
            Map.of(),
            API),
        new Variant(
            "floor",
            "floor.jar",
            "dev.portico.benchmarks.baseline.FloorHandler",
            "events/get-pet.json",
            okPet,
            Map.of(),
            API),
        new Variant(
            "portico",
            "portico.jar",
            "dev.portico.samples.petstore.PetHandler",
            "events/get-pet.json",
            okPet,
            Map.of(),
            API),
        new Variant(
            "portico-lean-mapper",
            "portico-lean-mapper.jar",
            "dev.portico.benchmarks.experiments.LeanMapperPetHandler",
            "events/get-pet.json",
            okPet,
            Map.of(),
            API),
        new Variant(
            "jersey",
            "jersey.jar",
            "dev.portico.benchmarks.containers.jersey.JerseyHandler",
            "events/get-pet.json",
            okPet,
            Map.of(),
            API),
        new Variant(
            "springboot3",
            "springboot3",
            "dev.portico.benchmarks.containers.springboot.SpringBootHandler",
            "events/get-pet.json",
            okPet,
            Map.of(),
            API),
        new Variant(
            "bare-jwt",
            "bare-jwt.jar",
            "dev.portico.benchmarks.auth.BareJwtHandler",
            "events/authorizer-token.json",
            "\"Allow\"",
            issuer,
            AUTHORIZER),
        new Variant(
            "jwt-authorizer",
            "jwt-authorizer.jar",
            "dev.portico.authorizer.config.ConfiguredAuthorizerHandler",
            "events/authorizer-token.json",
            "\"Allow\"",
            issuer,
            AUTHORIZER));
  }
}
