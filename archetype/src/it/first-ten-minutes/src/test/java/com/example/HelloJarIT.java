package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** target/hello-lambda.jar alone (plus the runtime interface client) under Lambda's runtime. */
class HelloJarIT {
  @Test
  void theDeploymentJarServesAndLogsAnUnhandledException() throws Exception {
    String jar = System.getProperty("portico.lambda.jar");
    assertTrue(new File(jar).isFile(), jar);
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
    try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("hello");
        RuntimeClientProcess runtime =
            RuntimeClientProcess.start(
                emulator, "com.example.Handler::handleRequest", classPath, work("hello"))) {
      assertTrue(emulator.awaitReady(Duration.ofSeconds(60)), runtime.output());
      InvocationResult hello = emulator.invoke(event("/hello/world"));
      assertEquals(InvocationResult.Outcome.SUCCESS, hello.outcome(), runtime.output());
      ProxyResponse ok = ProxyResponse.parse(hello.payload());
      assertEquals(200, ok.status());
      assertEquals("{\"message\":\"Hello, world\"}", ok.bodyAsString());
    }
    try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("failing");
        RuntimeClientProcess runtime =
            RuntimeClientProcess.start(
                emulator, "com.example.FailingHandler::handleRequest", classPath, work("failing"))) {
      assertTrue(emulator.awaitReady(Duration.ofSeconds(60)), runtime.output());
      InvocationResult boom = emulator.invoke(event("/boom"));
      assertEquals(500, ProxyResponse.parse(boom.payload()).status(), runtime.output());
      // The service parent's SLF4J backend logs it (Lambda sends the output to CloudWatch).
      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!runtime.output().contains("boom: a bug in the handler") && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      String output = runtime.output();
      assertTrue(output.contains("ERROR dev.portico.api - Unhandled exception in \"GET\" \"/boom\""), output);
      assertTrue(
          output.contains("java.lang.IllegalStateException: boom: a bug in the handler"), output);
    }
  }

  private static Path work(String name) throws Exception {
    return Files.createDirectories(Path.of("target", "ric-" + name));
  }

  private static InvocationRequest event(String path) {
    return InvocationRequest.of(ProxyEvents.toEvent(TestRequest.get(path), EventSource.API_GATEWAY_V2))
        .withTimeout(Duration.ofSeconds(30));
  }
}
