package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.EventSource;
import dev.portico.api.testing.ProxyEvents;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import dev.portico.local.runtime.InvocationRequest;
import dev.portico.local.runtime.InvocationResult;
import dev.portico.local.runtime.RuntimeApiEmulator;
import dev.portico.local.runtime.RuntimeClientProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment jar (what template.yaml's CodeUri uploads) run by the real AWS Lambda runtime
 * interface client, against Portico's Runtime API emulator: run by `mvn verify` after `package`.
 */
class DeploymentJarIT {
  @TempDir Path work;

  @Test
  void theDeploymentJarServesUnderTheRuntimeInterfaceClient() throws Exception {
    Path jar = Path.of(System.getProperty("portico.lambda.jar"));
    assertThat(jar).exists();
    // The jar alone, plus the runtime interface client that Lambda's java21 runtime provides.
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
    String classPath = jar + File.pathSeparator + runtimeClient;
    try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("${artifactId}");
        RuntimeClientProcess runtime =
            RuntimeClientProcess.start(
                emulator, "${package}.Handler::handleRequest", classPath, work)) {
      assertThat(emulator.awaitReady(Duration.ofSeconds(60))).as(runtime.output()).isTrue();
#if( $apiType == "http" )
      EventSource source = EventSource.API_GATEWAY_V2;
#else
      EventSource source = EventSource.API_GATEWAY_V1;
#end
      InvocationResult result =
          emulator.invoke(
              InvocationRequest.of(
                      ProxyEvents.toEvent(
                          TestRequest.postJson("/greetings", "{\"name\":\"ada\",\"message\":\"Hi\"}"),
                          source))
                  .withTimeout(Duration.ofSeconds(30)));
      assertThat(result.outcome()).as(runtime.output()).isEqualTo(InvocationResult.Outcome.SUCCESS);
      ProxyResponse response = ProxyResponse.parse(result.payload());
      assertThat(response.status()).isEqualTo(201);
      // The SLF4J backend in the jar writes the controller's log line to stdout (CloudWatch).
      assertThat(runtime.output()).contains("[INFO] ${package}.GreetingController - greeting saved for ada");
    }
  }
}
