package dev.portico.processor;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Generates a {@code RouteProvider} for every controller class whose methods carry Portico's route
 * annotations ({@code @GET}, {@code @POST}, ..., {@code @ANY}, {@code @Path}), and reports binding
 * mistakes as compile errors: a {@code @PathParam} without its {@code {name}} in the path, two
 * routes for the same method and path, a parameter type Portico cannot convert, and so on.
 *
 * <p>For {@code com.example.PetController} it writes {@code com.example.PetController_Routes}
 * ({@code Outer_Inner_Routes} for a nested class), which {@code Api.Builder#controller} finds by
 * name. The generated code calls the controller directly: no reflection at run time.
 *
 * <p>Route methods are inherited: a class serves those of its superclasses and interfaces (an
 * annotated override replaces an inherited route). Interfaces and abstract generic classes get no
 * routes class of their own; every concrete class implementing them does, with type arguments
 * resolved.
 *
 * <p>Option {@code -Aportico.convertibleTypes=com.example.Money,com.example.ids.*} names parameter
 * types that a {@code ParamConverter.Factory} registered with the API converts, so that the
 * processor accepts them although they have no {@code valueOf(String)} or similar.
 *
 * <pre>{@code
 * <annotationProcessorPaths>
 *   <path>
 *     <groupId>dev.portico</groupId>
 *     <artifactId>lambda-api-processor</artifactId>
 *   </path>
 * </annotationProcessorPaths>
 * }</pre>
 */
public final class RoutesProcessor extends AbstractProcessor {
  private final Set<String> deferred = new LinkedHashSet<>();
  private ControllerAnalyzer analyzer;
  private RoutesWriter writer;

  /** Creates the processor; javac calls this through the service loader. */
  public RoutesProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    analyzer = new ControllerAnalyzer(processingEnv);
    writer = new RoutesWriter(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // Claiming @Nullable and the @Generated of generated files too keeps -Xlint:processing quiet
    // in users' builds.
    return Set.of(
        ControllerAnalyzer.HTTP_PACKAGE + "*",
        "dev.portico.api.Nullable",
        "javax.annotation.processing.Generated");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(ControllerAnalyzer.CONVERTIBLE_TYPES_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Set<TypeElement> controllers = new LinkedHashSet<>();
    for (String name : deferred) {
      TypeElement controller = processingEnv.getElementUtils().getTypeElement(name);
      if (controller != null) {
        controllers.add(controller);
      }
    }
    deferred.clear();
    for (TypeElement annotation : annotations) {
      String name = annotation.getSimpleName().toString();
      if (!ControllerAnalyzer.HTTP_METHODS.contains(name) && !name.equals("Path")) {
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (element.getKind() == ElementKind.METHOD
            && element.getEnclosingElement() instanceof TypeElement) {
          controllers.add((TypeElement) element.getEnclosingElement());
        } else if (element instanceof TypeElement) {
          // A class-level @Path: the class serves the routes it declares or inherits.
          controllers.add((TypeElement) element);
        }
      }
    }
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      addImplementations(type, controllers);
    }
    // Superclasses first, so that a mistake in an inherited method is reported for its own class.
    List<TypeElement> ordered = new ArrayList<>(controllers);
    ordered.sort(Comparator.comparingInt(type -> ControllerAnalyzer.supertypes(type).size()));
    for (TypeElement controller : ordered) {
      if (round.processingOver()) {
        // Still referring to types that never appeared: javac reports those itself.
        continue;
      }
      if (ControllerAnalyzer.mentionsMissingTypes(controller)) {
        // Perhaps another processor generates them in this round; look again in the next.
        deferred.add(controller.getQualifiedName().toString());
        continue;
      }
      try {
        generate(controller);
      } catch (RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        processingEnv
            .getMessager()
            .printMessage(
                Diagnostic.Kind.ERROR,
                "Portico's annotation processor failed on "
                    + controller.getQualifiedName()
                    + "; please report this: "
                    + trace,
                controller);
      }
    }
    return true;
  }

  /**
   * Adds the classes, among this type and its member types, that implement a route interface or
   * extend a generic route class: they need routes of their own even without annotations.
   */
  private static void addImplementations(TypeElement type, Set<TypeElement> controllers) {
    if (ControllerAnalyzer.inheritsRoutesOnlyItCanServe(type)) {
      controllers.add(type);
    }
    for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) {
      addImplementations(member, controllers);
    }
  }

  private void generate(TypeElement controller) {
    ControllerModel model = analyzer.analyze(controller);
    if (model == null) {
      return;
    }
    String source = writer.write(model);
    String name =
        model.packageName().isEmpty()
            ? model.generatedName()
            : model.packageName() + "." + model.generatedName();
    try (Writer out = processingEnv.getFiler().createSourceFile(name, controller).openWriter()) {
      out.write(source);
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              ControllerAnalyzer.displayName(controller)
                  + ": cannot write "
                  + name
                  + ": "
                  + e.getMessage(),
              controller);
    }
  }
}
