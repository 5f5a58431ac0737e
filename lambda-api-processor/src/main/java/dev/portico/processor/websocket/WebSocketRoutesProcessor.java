package dev.portico.processor.websocket;

import dev.portico.processor.PorticoAnnotation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Generates a {@code WebSocketRouteProvider} ({@code <Controller>_WebSocketRoutes}) for every class
 * with {@code @OnConnect}, {@code @OnDisconnect} or {@code @OnMessage} methods (lambda-websocket),
 * and reports binding mistakes as compile errors on the offending element, each message starting
 * with the method it concerns. Registered next to {@code RoutesProcessor}; it claims only {@code
 * dev.portico.websocket} annotations.
 */
public final class WebSocketRoutesProcessor extends AbstractProcessor {
  static final String PACKAGE = "dev.portico.websocket";

  private final Set<String> deferred = new LinkedHashSet<>();
  private WebSocketAnalyzer analyzer;

  /** Creates the processor; javac calls this through the service loader. */
  public WebSocketRoutesProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    analyzer = new WebSocketAnalyzer(processingEnv);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // Exactly Portico's WebSocket annotations, from the shared table (not the whole package).
    return PorticoAnnotation.webSocketProcessorNames();
  }

  @Override
  public Set<String> getSupportedOptions() {
    // Types converted by user-registered converters, shared with RoutesProcessor.
    return Set.of("portico.convertibleTypes");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Set<TypeElement> controllers = new LinkedHashSet<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        controllers.add(type);
      }
    }
    deferred.clear();
    for (TypeElement annotation : annotations) {
      if (!WebSocketAnalyzer.ROUTE_ANNOTATIONS.contains(annotation.getQualifiedName().toString())) {
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (element.getEnclosingElement() instanceof TypeElement type
            && type.getKind() != ElementKind.INTERFACE) {
          // An interface's routes are served by the classes implementing it (below).
          controllers.add(type);
        }
      }
    }
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      addInheritingControllers(type, controllers);
    }
    for (TypeElement controller : controllers) {
      if (round.processingOver()) {
        continue;
      }
      if (WebSocketAnalyzer.mentionsMissingTypes(controller)) {
        deferred.add(controller.getQualifiedName().toString());
        continue;
      }
      try {
        WebSocketModel.Controller model = analyzer.analyze(controller);
        if (model != null) {
          write(controller, model);
        }
      } catch (RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        processingEnv
            .getMessager()
            .printMessage(
                Diagnostic.Kind.ERROR,
                "Portico's WebSocket annotation processor failed on "
                    + controller.getQualifiedName()
                    + "; please report this: "
                    + trace,
                controller);
      }
    }
    return true;
  }

  /**
   * Adds the classes, among this type and its member types, that inherit WebSocket routes from a
   * superclass or an interface: they serve them even without annotations of their own.
   */
  private static void addInheritingControllers(TypeElement type, Set<TypeElement> controllers) {
    if (type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.ABSTRACT)
        && WebSocketAnalyzer.servesRoutes(type)) {
      controllers.add(type);
    }
    for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) {
      addInheritingControllers(member, controllers);
    }
  }

  private void write(TypeElement controller, WebSocketModel.Controller model) {
    String name =
        model.packageName().isEmpty()
            ? model.generatedName()
            : model.packageName() + "." + model.generatedName();
    try (Writer out = processingEnv.getFiler().createSourceFile(name, controller).openWriter()) {
      out.write(WebSocketRoutesWriter.write(model));
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              model.displayName() + ": cannot write " + name + ": " + e.getMessage(),
              controller);
    }
  }
}
