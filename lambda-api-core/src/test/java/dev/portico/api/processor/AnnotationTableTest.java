package dev.portico.api.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.http.GET;
import dev.portico.processor.PorticoAnnotation;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The processor's annotation table ({@link PorticoAnnotation}) knows every annotation of {@code
 * dev.portico.api.http}: a new one that is not added to the table would be neither read nor claimed
 * by the processor.
 */
class AnnotationTableTest {

  @Test
  void everyHttpAnnotationIsInTheProcessorsTable() throws IOException, URISyntaxException {
    Path classes = Path.of(GET.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path http = classes.resolve("dev/portico/api/http");
    List<String> annotations;
    try (Stream<Path> files = Files.list(http)) {
      annotations =
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.endsWith(".class") && !name.contains("$"))
              .map(name -> "dev.portico.api.http." + name.substring(0, name.length() - 6))
              .filter(AnnotationTableTest::isAnnotation)
              .toList();
    }

    assertThat(annotations).hasSizeGreaterThan(20);
    assertThat(Arrays.stream(PorticoAnnotation.values()).map(PorticoAnnotation::qualifiedName))
        .containsAll(annotations);
  }

  private static boolean isAnnotation(String name) {
    try {
      return Class.forName(name).isAnnotation();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
