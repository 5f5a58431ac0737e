package dev.portico.local.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks that each function's {@code CodeUri} jar or zip is there and up to date. The local gateway
 * serves the classes on its own class path, so a missing or stale deployment package goes unnoticed
 * locally and fails (or deploys old code) only on {@code sam deploy}; the command line warns about
 * it at startup instead.
 *
 * <pre>{@code
 * CodeUriCheck.check(Path.of("template.yaml")).forEach(LOG::warn);
 * }</pre>
 */
public final class CodeUriCheck {
  private CodeUriCheck() {}

  /**
   * One warning per function whose {@code CodeUri} (its own, or {@code Globals.Function}'s) names a
   * {@code .jar} or {@code .zip} that does not exist, or that is older than the newest file under
   * {@code target/classes} next to the template. Other {@code CodeUri} values (directories, S3
   * locations, intrinsics) are not checked.
   */
  public static List<String> check(Path template) {
    JsonNode root;
    try {
      root = YamlTree.parse(Files.readString(template, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return List.of(); // the template reader reports unreadable templates
    }
    Path dir = template.toAbsolutePath().getParent();
    String global = root.path("Globals").path("Function").path("CodeUri").textValue();
    Optional<FileTime> classes = newestClass(dir.resolve("target").resolve("classes"));
    List<String> warnings = new ArrayList<>();
    for (Map.Entry<String, JsonNode> resource : root.path("Resources").properties()) {
      JsonNode value = resource.getValue();
      if (!value.path("Type").asText("").equals("AWS::Serverless::Function")) {
        continue;
      }
      JsonNode own = value.path("Properties").get("CodeUri");
      String where =
          own != null
              ? "Resources." + resource.getKey() + ".Properties.CodeUri"
              : "Globals.Function.CodeUri (for " + resource.getKey() + ")";
      String codeUri = own != null ? own.textValue() : global;
      if (codeUri == null || !(codeUri.endsWith(".jar") || codeUri.endsWith(".zip"))) {
        continue;
      }
      if (codeUri.startsWith("s3://")) {
        continue;
      }
      Path file = dir.resolve(codeUri);
      if (!Files.isRegularFile(file)) {
        warnings.add(
            where
                + ": "
                + codeUri
                + " does not exist. The local gateway serves the classes on its class path, but"
                + " sam deploy uploads this file: build it with mvn package");
        continue;
      }
      if (classes.isPresent()) {
        try {
          if (Files.getLastModifiedTime(file).compareTo(classes.get()) < 0) {
            warnings.add(
                where
                    + ": "
                    + codeUri
                    + " is older than target/classes, so it does not hold the code served"
                    + " here: rebuild it with mvn package before sam deploy");
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return warnings;
  }

  private static Optional<FileTime> newestClass(Path classes) {
    if (!Files.isDirectory(classes)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(classes)) {
      return files
          .filter(Files::isRegularFile)
          .map(
              f -> {
                try {
                  return Files.getLastModifiedTime(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .max(FileTime::compareTo);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
