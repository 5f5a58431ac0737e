package dev.portico.processor;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Runs javac in memory ({@code -proc:only}) on small sources, so that the processor's pieces can be
 * tested against real {@code Elements} and {@code Types}: stubs of Portico's annotations are given
 * as sources like any other.
 */
final class Javac {
  private static final Pattern TYPE_NAME =
      Pattern.compile(
          "package\\s+([\\w.]+);.*?(?:class|interface|record|enum|@interface)\\s+(\\w+)",
          Pattern.DOTALL);

  private Javac() {}

  /** What a run reported. */
  record Result(boolean success, List<String> messages) {}

  /** Compiles the sources with these processors, no others. */
  static Result run(List<Processor> processors, String... sources) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    List<JavaFileObject> units = new ArrayList<>();
    for (String source : sources) {
      Matcher matcher = TYPE_NAME.matcher(source);
      if (!matcher.find()) {
        throw new IllegalArgumentException("no package and type in " + source);
      }
      String name = matcher.group(1) + "." + matcher.group(2);
      units.add(
          new SimpleJavaFileObject(
              URI.create("mem:///" + name.replace('.', '/') + ".java"),
              JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return source;
            }
          });
    }
    JavaCompiler.CompilationTask task =
        compiler.getTask(
            null,
            compiler.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8),
            collector,
            List.of("-proc:only", "-Xlint:all"),
            null,
            units);
    task.setProcessors(processors);
    boolean success = task.call();
    List<String> messages = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : collector.getDiagnostics()) {
      messages.add(diagnostic.getKind() + " " + diagnostic.getMessage(Locale.ROOT));
    }
    return new Result(success, messages);
  }

  /** Runs the action once, in the first round, with the processing environment. */
  static Result inRound(Consumer<Round> action, String... sources) {
    return run(List.of(new OneRound(action)), sources);
  }

  /** The first round's environment. */
  record Round(javax.annotation.processing.ProcessingEnvironment env, RoundEnvironment round) {
    TypeElement type(String qualifiedName) {
      return env.getElementUtils().getTypeElement(qualifiedName);
    }
  }

  private static final class OneRound extends AbstractProcessor {
    private final Consumer<Round> action;
    private boolean done;

    OneRound(Consumer<Round> action) {
      this.action = action;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        action.accept(new Round(processingEnv, round));
      }
      // Claims everything, so that -Xlint:processing stays quiet about the sources' annotations.
      return true;
    }
  }
}
