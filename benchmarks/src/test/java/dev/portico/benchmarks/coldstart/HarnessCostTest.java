package dev.portico.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.benchmarks.coldstart.harness.ColdStartMain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The cold-start harness runs in every Java variant's process and not in the Node.js peer's, so it
 * must cost each JVM as little as it can: no invokedynamic (string concatenation with {@code +} or
 * a lambda spins method handles for about 30 ms on its first use in a fresh C1 JVM).
 */
class HarnessCostTest {

  @Test
  void theHarnessUsesNoInvokedynamic() throws IOException {
    for (String name : new String[] {"ColdStartMain", "ColdStartMain$HarnessContext"}) {
      String classFile;
      try (InputStream in = ColdStartMain.class.getResourceAsStream(name + ".class")) {
        assertThat(in).as(name + ".class").isNotNull();
        classFile = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      }

      assertThat(classFile)
          .as(name)
          .doesNotContain("java/lang/invoke/StringConcatFactory")
          .doesNotContain("java/lang/invoke/LambdaMetafactory");
    }
  }
}
