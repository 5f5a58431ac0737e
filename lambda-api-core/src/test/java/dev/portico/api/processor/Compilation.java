package dev.portico.api.processor;

import dev.portico.processor.RoutesProcessor;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with Portico's annotation processor on the processor path (found
 * through its {@code META-INF/services} entry, as in a user's build) and this test's classpath.
 */
final class Compilation {
  private static final Pattern TYPE_NAME =
      Pattern.compile(
          "^\\s*package\\s+([\\w.]+);.*?\\b(?:class|interface|record|enum)\\s+(\\w+)",
          Pattern.DOTALL | Pattern.MULTILINE);

  private final boolean success;
  private final List<Diagnostic<? extends JavaFileObject>> diagnostics;
  private final Map<String, String> generated;

  private Compilation(
      boolean success,
      List<Diagnostic<? extends JavaFileObject>> diagnostics,
      Map<String, String> generated) {
    this.success = success;
    this.diagnostics = diagnostics;
    this.generated = generated;
  }

  /** Compiles the sources with {@code -Xlint:all -Werror}, as a strict user build would. */
  static Compilation compile(String... sources) {
    return compile(List.of(), sources);
  }

  /**
   * Compiles the sources with Portico's processor and other processors, all given as instances
   * (then the processor path is not searched).
   */
  static Compilation compile(List<Processor> otherProcessors, String... sources) {
    return compile(otherProcessors, List.of(), sources);
  }

  /** Compiles the sources with extra compiler options such as {@code -Akey=value}. */
  static Compilation compileWithOptions(List<String> extraOptions, String... sources) {
    return compile(List.of(), extraOptions, sources);
  }

  private static Compilation compile(
      List<Processor> otherProcessors, List<String> extraOptions, String... sources) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    StandardJavaFileManager standard =
        compiler.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8);
    InMemoryFiles files = new InMemoryFiles(standard);
    List<JavaFileObject> units = new ArrayList<>();
    for (String source : sources) {
      Matcher matcher = TYPE_NAME.matcher(source);
      if (!matcher.find()) {
        throw new IllegalArgumentException("no package and type in " + source);
      }
      units.add(new Source(matcher.group(1) + "." + matcher.group(2), source));
    }
    List<String> options = new ArrayList<>(extraOptions);
    options.addAll(
        List.of(
            "-Xlint:all",
            "-Werror",
            "-parameters",
            "-classpath",
            System.getProperty("java.class.path"),
            "-processorpath",
            processorPath()));
    StringWriter out = new StringWriter();
    JavaCompiler.CompilationTask task =
        compiler.getTask(out, files, collector, options, null, units);
    if (!otherProcessors.isEmpty()) {
      List<Processor> processors = new ArrayList<>(otherProcessors);
      processors.add(0, new RoutesProcessor());
      task.setProcessors(processors);
    }
    boolean success = task.call();
    return new Compilation(success, List.copyOf(collector.getDiagnostics()), files.sources());
  }

  /** Where the processor was loaded from: its jar, or its classes directory in the reactor. */
  private static String processorPath() {
    try {
      return Path.of(
              RoutesProcessor.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean success() {
    return success;
  }

  /** The processor's notes as {@code line:column: message}, in source order. */
  List<String> notes() {
    List<String> notes = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
      String message = diagnostic.getMessage(Locale.ROOT);
      if (diagnostic.getKind() == Diagnostic.Kind.NOTE && message.contains("jackson-databind")) {
        notes.add(diagnostic.getLineNumber() + ":" + diagnostic.getColumnNumber() + ": " + message);
      }
    }
    return notes;
  }

  /** Every error and warning as {@code line:column: message}, in source order. */
  List<String> messages() {
    List<String> messages = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
      if (diagnostic.getKind() == Diagnostic.Kind.NOTE) {
        continue;
      }
      messages.add(
          (diagnostic.getKind() == Diagnostic.Kind.ERROR ? "" : diagnostic.getKind() + " ")
              + diagnostic.getLineNumber()
              + ":"
              + diagnostic.getColumnNumber()
              + ": "
              + diagnostic.getMessage(Locale.ROOT));
    }
    return messages;
  }

  /**
   * The source text each error points at: the offending element's name, or the annotation
   * ({@code @QueryParam}) or its value (a string literal, an array's <code>{</code>) it concerns.
   */
  List<String> errorSites() {
    List<String> sites = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
      if (diagnostic.getKind() != Diagnostic.Kind.ERROR || diagnostic.getSource() == null) {
        continue;
      }
      try {
        String text = diagnostic.getSource().getCharContent(true).toString();
        int start = (int) diagnostic.getPosition();
        for (String keyword : List.of("class", "interface", "record", "enum")) {
          if (text.startsWith(keyword + " ", start)) {
            start += keyword.length() + 1;
          }
        }
        int end = start;
        if (text.startsWith("\"", start)) {
          end = text.indexOf('"', start + 1) + 1;
        } else if (text.startsWith("{", start)) {
          end = start + 1;
        } else {
          if (text.startsWith("@", start)) {
            end++;
          }
          while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++;
          }
        }
        sites.add(text.substring(start, end));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sites;
  }

  /** Generated sources by qualified type name. */
  Map<String, String> generated() {
    return generated;
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String typeName, String text) {
      super(URI.create("mem:///" + typeName.replace('.', '/') + ".java"), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  private static final class Output extends SimpleJavaFileObject {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Output(String name, Kind kind) {
      super(URI.create("mem:///out/" + name.replace('.', '/') + kind.extension), kind);
    }

    @Override
    public OutputStream openOutputStream() {
      bytes.reset();
      return bytes;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  private static final class InMemoryFiles extends ForwardingJavaFileManager<JavaFileManager> {
    private final Map<String, Output> sources = new LinkedHashMap<>();

    InMemoryFiles(JavaFileManager delegate) {
      super(delegate);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      Output output = new Output(className, kind);
      if (location == StandardLocation.SOURCE_OUTPUT) {
        sources.put(className, output);
      }
      return output;
    }

    @Override
    public FileObject getFileForOutput(
        Location location, String packageName, String relativeName, FileObject sibling) {
      return new Output(packageName + File.separator + relativeName, JavaFileObject.Kind.OTHER);
    }

    Map<String, String> sources() {
      Map<String, String> texts = new LinkedHashMap<>();
      sources.forEach((name, output) -> texts.put(name, output.getCharContent(true).toString()));
      return texts;
    }
  }
}
