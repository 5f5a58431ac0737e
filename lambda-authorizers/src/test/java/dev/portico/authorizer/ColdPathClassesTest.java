package dev.portico.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.testing.ColdPathMain;
import dev.portico.authorizer.testing.Jwts;
import dev.portico.authorizer.testing.TestIssuerServer;
import dev.portico.authorizer.testing.TestKey;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Portico class the config-file JWT authorizer's cold start loads when it answers one valid
 * REST {@code TOKEN} event (the configuration read from {@code PORTICO_AUTHORIZER_CONFIG},
 * discovery and the JWKS fetched from an issuer on 127.0.0.1), against the list in {@code
 * cold-path/token-allow-classes.txt}: each one costs a cold start about a third of a millisecond in
 * a C1-only JVM (docs/architecture.md, "JSON without databind on the cold path"). A change that
 * adds one fails here, so that it is added on purpose: update the list when it is.
 */
class ColdPathClassesTest {

  private static final TestKey KEY = TestKey.rsa("cold-key");

  @TempDir Path dir;

  /** The issuer's JWKS and discovery requests during the last {@link #coldValidToken()}. */
  private int jwksHits;

  private int discoveryHits;

  @Test
  void aValidTokenLoadsExactlyTheListedPorticoClasses() throws Exception {
    List<String> loaded =
        classesOfAColdValidToken().stream()
            .filter(name -> name.startsWith("dev.portico."))
            .filter(name -> !name.startsWith(ColdPathMain.class.getName()))
            .map(ColdPathClassesTest::withoutLambdaNumber)
            .sorted()
            .toList();
    List<String> expected = golden("/cold-path/token-allow-classes.txt");
    List<String> added = minus(loaded, expected);
    List<String> gone = minus(expected, loaded);
    // Both lists reported at once, separately: what to add to the file and what to remove.
    SoftAssertions.assertSoftly(
        softly -> {
          softly
              .assertThat(added)
              .as("Portico classes a valid token's cold start now loads that the list lacks")
              .isEmpty();
          softly
              .assertThat(gone)
              .as("listed classes a valid token's cold start no longer loads (remove them)")
              .isEmpty();
        });
  }

  @Test
  void afterTheReadyHandlersConstructorTheFirstTokenFetchesNothingAndLoadsOnlyTheListedClasses()
      throws Exception {
    List<String> lines = coldValidToken();
    int initialised = lines.indexOf("@@initialised");
    int done = lines.indexOf("@@done");
    assertThat(initialised).as("@@initialised before @@done").isNotNegative().isLessThan(done);
    List<String> loaded =
        loaded(lines.subList(initialised, done)).stream()
            .filter(name -> name.startsWith("dev.portico."))
            .map(ColdPathClassesTest::withoutLambdaNumber)
            .sorted()
            .toList();
    List<String> expected = golden("/cold-path/token-allow-after-init-classes.txt");

    // The keys were fetched in the constructor (discovery, then the JWKS), once.
    assertThat(discoveryHits).isEqualTo(1);
    assertThat(jwksHits).isEqualTo(1);
    SoftAssertions.assertSoftly(
        softly -> {
          softly
              .assertThat(minus(loaded, expected))
              .as("Portico classes the first token now loads after initialisation (list them)")
              .isEmpty();
          softly
              .assertThat(minus(expected, loaded))
              .as("listed classes the first token no longer loads after initialisation (remove)")
              .isEmpty();
        });
  }

  private static List<String> golden(String resource) throws Exception {
    try (InputStream in = ColdPathClassesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the test class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .sorted()
          .toList();
    }
  }

  @Test
  void aValidTokenOverHttpLoadsNeitherTheJdksHttpClientNorTlsNorAYamlLibrary() throws Exception {
    // Each of these costs a cold start tens of milliseconds (docs/performance.md, "The
    // authorizer's cold start without the JDK's HttpClient and SnakeYAML"): the JDK's HttpClient
    // builds a TLS context when it is created, even for an http URL (key fetches use their own
    // socket, HttpJson, and TLS loads only for an https URL); a plain YAML file is read by
    // SimpleYaml.
    List<String> heavy =
        classesOfAColdValidToken().stream()
            .filter(
                name ->
                    name.startsWith("java.net.http.")
                        || name.startsWith("jdk.internal.net.http.")
                        || name.startsWith("javax.net.ssl.")
                        || name.startsWith("sun.security.ssl.")
                        || name.startsWith("org.yaml.snakeyaml.")
                        || name.startsWith("com.fasterxml.jackson.dataformat.yaml."))
            .toList();

    assertThat(heavy).isEmpty();
  }

  @Test
  void withoutAnSlf4jProviderTheDecisionLineGoesToLambdasLoggerAndSlf4jNeverLoads()
      throws Exception {
    // The benchmarks' deployable has no SLF4J provider: SLF4J would spend tens of milliseconds
    // finding none and then drop every line. Lambda's own logger prints it (outside a runtime, on
    // standard output as LEVEL owner - line).
    List<String> lines = coldValidToken();
    List<String> classes = loaded(lines);

    assertThat(classes).noneMatch(name -> name.startsWith("org.slf4j."));
    assertThat(lines)
        .filteredOn(l -> l.contains("authorizer decision="))
        .singleElement()
        .asString()
        .matches(
            "INFO dev\\.portico\\.authorizer\\.AuthorizerHandler - authorizer decision=allow"
                + " principal=\"user-1\" reason=\"allowed\" event=TOKEN method=\"GET\""
                + " path=\"/pets/1\" routeKey=- requestId=- latencyMs=\\d+");
  }

  /**
   * The classes a fresh JVM loads, in order, from its start until it has answered one valid token
   * (the checks of the answer done on the way).
   */
  private List<String> classesOfAColdValidToken() throws Exception {
    List<String> lines = coldValidToken();
    int done = lines.indexOf("@@done");
    assertThat(done).as("@@done in the child's output").isNotNegative();
    return loaded(lines.subList(0, done));
  }

  /**
   * What a fresh JVM prints ({@code -verbose:class} and the handler's lines) answering one valid
   * token, with this module's test class path minus slf4j-simple: a deployable without an SLF4J
   * provider, as the benchmarks' is.
   */
  private List<String> coldValidToken() throws Exception {
    try (TestIssuerServer server = TestIssuerServer.start(KEY)) {
      // The configuration of the benchmarks' config-file JWT authorizer (LocalIssuer).
      Path config = dir.resolve("authorizer.yaml");
      Files.writeString(
          config,
          """
          jwt:
            issuer: ${env:ISSUER_URL}
            audience: pets-api
            principalClaim: sub
            context:
              scope: scope
              email: email
          """);
      long now = Instant.now().getEpochSecond();
      String token =
          Jwts.token(KEY)
              .standard(server.issuer(), "pets-api", now)
              .claim("scope", "pets:read pets:write")
              .claim("email", "user-1@example.com")
              .sign(KEY);
      Path event = dir.resolve("token.json");
      Files.writeString(
          event,
          "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer "
              + token
              + "\",\"methodArn\":"
              + "\"arn:aws:execute-api:us-east-1:123456789012:1234567890/prod/GET/pets/1\"}");

      String withoutProvider =
          Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
              .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("slf4j-simple"))
              .collect(Collectors.joining(File.pathSeparator));
      List<String> lines =
          NoDatabindColdPathTest.coldRunOn(
              withoutProvider,
              "token-allow",
              config,
              Map.of("ISSUER_URL", server.issuer()),
              event.toString());

      List<String> answers = lines.stream().filter(l -> l.startsWith("ANSWER ")).toList();
      assertThat(answers).as(String.join("\n", lines)).hasSize(1);
      assertThat(answers.get(0))
          .contains("\"principalId\":\"user-1\"")
          .contains("\"Effect\":\"Allow\"")
          .contains("\"email\":\"user-1@example.com\"");
      jwksHits = server.hits("/jwks.json");
      discoveryHits = server.hits("/.well-known/openid-configuration");
      return lines;
    }
  }

  /**
   * {@code from} without one occurrence of each name in {@code names}: two lambdas of one class are
   * two classes, listed twice.
   */
  private static List<String> minus(List<String> from, List<String> names) {
    List<String> rest = new ArrayList<>(from);
    for (String name : names) {
      rest.remove(name);
    }
    return rest;
  }

  /** The class names in a {@code -verbose:class} log, in loading order. */
  private static List<String> loaded(List<String> lines) {
    List<String> loaded = new ArrayList<>();
    for (String line : lines) {
      int at = line.indexOf("[class,load] ");
      if (at >= 0) {
        String rest = line.substring(at + "[class,load] ".length());
        int space = rest.indexOf(' ');
        loaded.add(space < 0 ? rest : rest.substring(0, space));
      }
    }
    return loaded;
  }

  /** {@code Foo$$Lambda$12/0x0000...} (Java 17) and {@code Foo$$Lambda/0x...} (Java 21+). */
  private static String withoutLambdaNumber(String name) {
    int at = name.indexOf("$$Lambda");
    return at < 0 ? name : name.substring(0, at) + "$$Lambda";
  }
}
