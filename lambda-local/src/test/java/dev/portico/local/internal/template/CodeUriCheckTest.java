package dev.portico.local.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deployment jar that is missing or older than the classes served is named at startup. */
class CodeUriCheckTest {
  @TempDir Path dir;

  private Path template(String codeUri) throws Exception {
    Path template = dir.resolve("template.yaml");
    Files.writeString(
        template,
        """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            CodeUri: target/global.zip
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.example.Handler
        """
            + (codeUri == null ? "" : "      CodeUri: " + codeUri + "\n")
            + """
          Other:
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.example.Other
              CodeUri: .
        """);
    return template;
  }

  private void classesAt(Instant time) throws Exception {
    Path classes = Files.createDirectories(dir.resolve("target/classes/com/example"));
    Path file = Files.writeString(classes.resolve("Handler.class"), "x");
    Files.setLastModifiedTime(file, FileTime.from(time));
  }

  private void jarAt(String name, Instant time) throws Exception {
    Path jar = dir.resolve(name);
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "jar");
    Files.setLastModifiedTime(jar, FileTime.from(time));
  }

  @Test
  void aMissingJarIsNamedWithTheCommandThatBuildsIt() throws Exception {
    assertThat(CodeUriCheck.check(template("target/app-lambda.jar")))
        .containsExactly(
            "Resources.Fn.Properties.CodeUri: target/app-lambda.jar does not exist. The local"
                + " gateway serves the classes on its class path, but sam deploy uploads this"
                + " file: build it with mvn package");
  }

  @Test
  void aJarOlderThanTheClassesIsStale() throws Exception {
    Instant now = Instant.now();
    classesAt(now);
    jarAt("target/app-lambda.jar", now.minusSeconds(60));
    assertThat(CodeUriCheck.check(template("target/app-lambda.jar")))
        .containsExactly(
            "Resources.Fn.Properties.CodeUri: target/app-lambda.jar is older than target/classes,"
                + " so it does not hold the code served here: rebuild it with mvn package before"
                + " sam deploy");
  }

  @Test
  void aFreshJarAndDirectoriesAreFine() throws Exception {
    Instant now = Instant.now();
    classesAt(now.minusSeconds(60));
    jarAt("target/app-lambda.jar", now);
    assertThat(CodeUriCheck.check(template("target/app-lambda.jar"))).isEmpty();
    assertThat(CodeUriCheck.check(template("s3://bucket/app.jar"))).isEmpty();
  }

  @Test
  void theGlobalCodeUriIsCheckedForFunctionsWithoutTheirOwn() throws Exception {
    assertThat(CodeUriCheck.check(template(null)))
        .containsExactly(
            "Globals.Function.CodeUri (for Fn): target/global.zip does not exist. The local"
                + " gateway serves the classes on its class path, but sam deploy uploads this"
                + " file: build it with mvn package");
  }
}
