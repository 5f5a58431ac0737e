package dev.portico.samples.authorizeronly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.DevIssuer;
import dev.portico.local.runtime.InvocationRequest;
import dev.portico.local.runtime.InvocationResult;
import dev.portico.local.runtime.RuntimeApiEmulator;
import dev.portico.local.runtime.RuntimeClientProcess;
import dev.portico.local.testing.AuthorizerEvents;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * target/authorizer-package (the AuthorizerFunction's CodeUri: the YAML and lib/ with the ready
 * jar) under the real runtime interface client, with the class path Lambda's Java runtime builds
 * from /var/task: the directory, then every jar in lib/.
 */
class AuthorizerPackageIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void theYamlAndTheReadyJarAloneAuthorize() throws Exception {
    Path taskRoot = Path.of(System.getProperty("authorizer.package"));
    List<Path> lib;
    try (Stream<Path> files = Files.list(taskRoot.resolve("lib"))) {
      lib = files.toList();
    }
    assertThat(lib).hasSize(1);
    assertThat(lib.get(0).getFileName().toString()).matches("portico-authorizer-.+-lambda\\.jar");
    String runtimeClient =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(
                entry ->
                    // The runtime interface client and its dependencies, as Lambda provides them.
                    entry.contains("aws-lambda-java-runtime-interface-client")
                        || entry.contains("aws-lambda-java-serialization")
                        || entry.contains("utils-lite")
                        || entry.contains("awssdk" + File.separator + "annotations"))
            .collect(Collectors.joining(File.pathSeparator));
    String classPath =
        taskRoot + File.pathSeparator + lib.get(0) + File.pathSeparator + runtimeClient;
    String arn = AuthorizerEvents.methodArn("prod", "POST", "/notes");
    try (DevIssuer issuer = DevIssuer.start("notes-api");
        RuntimeApiEmulator emulator = RuntimeApiEmulator.start("authorizer");
        RuntimeClientProcess runtime =
            RuntimeClientProcess.start(
                emulator,
                "dev.portico.authorizer.config.ConfiguredAuthorizerHandler::handleRequest",
                classPath,
                work,
                false,
                Map.of("OIDC_ISSUER", issuer.issuer(), "OIDC_AUDIENCE", "notes-api"))) {
      assertThat(emulator.awaitReady(Duration.ofSeconds(60))).as(runtime.output()).isTrue();

      // The policy allows exactly the routes the token satisfies (issue 9: fail closed).
      JsonNode allowed =
          policy(emulator, runtime, "Bearer " + issuer.mint("alice", List.of("notes:write")), arn);
      assertThat(allowed.path("principalId").asText()).isEqualTo("alice");
      assertThat(allowedResources(allowed)).contains(arn);
      assertThat(allowed.toString()).doesNotContain("\"Effect\":\"Deny\"");

      JsonNode readOnly =
          policy(emulator, runtime, "Bearer " + issuer.mint("bob", List.of("notes:read")), arn);
      assertThat(readOnly.path("principalId").asText()).isEqualTo("bob");
      assertThat(allowedResources(readOnly))
          .containsExactly(AuthorizerEvents.methodArn("prod", "GET", "/notes"))
          .doesNotContain(arn);

      // No valid token: the function fails with "Unauthorized", which API Gateway answers 401.
      InvocationResult missing =
          emulator.invoke(
              InvocationRequest.of(AuthorizerEvents.token("", arn))
                  .withTimeout(Duration.ofSeconds(20)));
      assertThat(missing.outcome()).isEqualTo(InvocationResult.Outcome.ERROR);
      assertThat(JSON.readTree(missing.payload()).path("errorMessage").asText())
          .isEqualTo("Unauthorized");

      // No SLF4J provider in the ready jar: the decision lines go through Lambda's own logger,
      // one event each with its level (text format: "[INFO]"), and SLF4J never starts.
      try (ZipFile jar = new ZipFile(lib.get(0).toFile())) {
        assertThat(jar.stream().map(ZipEntry::getName))
            .noneMatch(name -> name.startsWith("org/slf4j/simple/"));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!runtime.output().contains("decision=unauthorized") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      List<String> decisions =
          runtime.output().lines().filter(line -> line.contains("authorizer decision=")).toList();
      assertThat(decisions).as(runtime.output()).hasSize(3);
      assertThat(decisions.get(0))
          .contains("[INFO]")
          .contains("authorizer decision=allow principal=\"alice\"");
      assertThat(decisions.get(2)).contains("authorizer decision=unauthorized principal=-");
      assertThat(runtime.output()).doesNotContain("SLF4J");
    }
  }

  /** Every resource an Allow statement of the policy names. */
  private static List<String> allowedResources(JsonNode policy) {
    List<String> resources = new java.util.ArrayList<>();
    for (JsonNode statement : policy.path("policyDocument").path("Statement")) {
      if (statement.path("Effect").asText().equals("Allow")) {
        JsonNode resource = statement.path("Resource");
        if (resource.isArray()) {
          resource.forEach(r -> resources.add(r.asText()));
        } else {
          resources.add(resource.asText());
        }
      }
    }
    return resources;
  }

  private static JsonNode policy(
      RuntimeApiEmulator emulator, RuntimeClientProcess runtime, String token, String arn)
      throws Exception {
    InvocationResult result =
        emulator.invoke(
            InvocationRequest.of(AuthorizerEvents.token(token, arn))
                .withTimeout(Duration.ofSeconds(20)));
    assertThat(result.outcome()).as(runtime.output()).isEqualTo(InvocationResult.Outcome.SUCCESS);
    return JSON.readTree(result.payload());
  }
}
