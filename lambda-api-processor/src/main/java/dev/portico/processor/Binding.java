package dev.portico.processor;

import java.util.List;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeMirror;

/**
 * How one controller parameter gets its value: one small type per kind of binding, each writing the
 * expression the generated handler passes for it (as Retrofit's {@code ParameterHandler}s apply
 * themselves). {@link ParameterBinder} creates them; {@link RoutesWriter} asks each for its {@link
 * #argument}.
 */
sealed interface Binding permits Binding.Param, Binding.Body, Binding.Injected {
  /** The parameter. */
  VariableElement element();

  /** The Java expression giving the parameter's value inside {@code handle(Request request)}. */
  String argument(RouteEmission emission);

  /** How the bound value is wrapped. */
  enum Shape {
    /** The value itself. */
    SINGLE,
    /** Every value, as a {@code List}. */
    LIST,
    /** The value in an {@code Optional}. */
    OPTIONAL,
    /** The value or {@code null} (bodies marked {@code @Nullable}). */
    NULLABLE
  }

  /**
   * A value read through a {@code Param}: path, query, header, cookie, stage variable, claim,
   * authorizer context entry or principal. The {@code Param} is created once, at registration.
   *
   * @param valueType the converted type ({@code X} of {@code List<X>} and {@code Optional<X>})
   * @param source the {@code ParamSource} constant
   * @param name the name within the source
   * @param defaultValue the {@code @DefaultValue}, or {@code null}
   * @param optional whether a missing value binds to {@code null}
   */
  record Param(
      VariableElement element,
      Shape shape,
      TypeMirror valueType,
      String source,
      String name,
      String defaultValue,
      boolean optional)
      implements Binding {
    @Override
    public String argument(RouteEmission emission) {
      Imports imports = emission.imports();
      String variable =
          emission.local(
              emission.route().method().getSimpleName()
                  + NameAllocator.capitalized(element.getSimpleName().toString()));
      String boxed =
          valueType.getKind().isPrimitive()
              ? imports.name(emission.types().boxedClass((PrimitiveType) valueType))
              : imports.type(valueType);
      StringBuilder rest =
          new StringBuilder(imports.name("dev.portico.api.runtime.ParamSource"))
              .append('.')
              .append(source)
              .append(", ")
              .append(RoutesWriter.literal(name))
              .append(", ")
              .append(emission.classLiteral(valueType));
      if (defaultValue != null) {
        rest.append(", ").append(RoutesWriter.literal(defaultValue));
      }
      emission.declare(
          Lines.wrap(
              "    "
                  + imports.name("dev.portico.api.runtime.Param")
                  + "<"
                  + boxed
                  + "> "
                  + variable
                  + " = routes."
                  + (optional ? "optionalParam(" : "param("),
              List.of(emission.owner() + ",", rest + ");")));
      switch (shape) {
        case LIST:
          return variable + ".all(request)";
        case OPTIONAL:
          return imports.name("java.util.Optional") + ".ofNullable(" + variable + ".get(request))";
        default:
          return variable + ".get(request)";
      }
    }
  }

  /**
   * The request body.
   *
   * @param kind how it is read
   * @param shape {@link Shape#SINGLE}, {@link Shape#OPTIONAL} or {@link Shape#NULLABLE}
   * @param valueType the body type ({@code X} of {@code Optional<X>})
   */
  record Body(VariableElement element, BodyKind kind, Shape shape, TypeMirror valueType)
      implements Binding {
    @Override
    public String argument(RouteEmission emission) {
      String read = kind.read(this, emission);
      Imports imports = emission.imports();
      switch (shape) {
        case OPTIONAL:
          String optional = imports.name("java.util.Optional");
          return "request.body().length == 0\n    ? "
              + optional
              + ".<"
              + emission.boxedType(valueType)
              + ">empty()\n    : "
              + optional
              + ".of("
              + read
              + ")";
        case NULLABLE:
          return "request.body().length == 0\n    ? null\n    : " + read;
        default:
          return read;
      }
    }
  }

  /** How a body is read. */
  enum BodyKind {
    /** As text. */
    STRING {
      @Override
      String read(Body body, RouteEmission emission) {
        return "request.bodyAsString()";
      }
    },
    /** As bytes. */
    BYTES {
      @Override
      String read(Body body, RouteEmission emission) {
        return "request.body()";
      }
    },
    /** As JSON, with a class literal or, for generic types, a type token constant. */
    JSON {
      @Override
      String read(Body body, RouteEmission emission) {
        TypeMirror type = body.valueType();
        boolean witness = emission.route().overloaded() || type.getKind().isPrimitive();
        String token;
        if (!type.getKind().isPrimitive()
            && !emission.types().isSameType(type, emission.types().erasure(type))) {
          // Generic somewhere (List<Pet>, Map<String, Pet>[]): a class literal would lose that.
          token =
              emission.typeToken(
                  NameAllocator.constantCase(emission.route().method().getSimpleName().toString())
                      + "_"
                      + NameAllocator.constantCase(body.element().getSimpleName().toString())
                      + "_TYPE",
                  type);
          witness = witness || body.shape() != Shape.SINGLE;
        } else {
          token = emission.classLiteral(type);
        }
        return "request."
            + (witness ? "<" + emission.boxedType(type) + ">" : "")
            + "bodyAs("
            + token
            + ")";
      }
    };

    abstract String read(Body body, RouteEmission emission);
  }

  /**
   * A value the request carries, bound by the parameter's type alone.
   *
   * @param kind which one
   * @param type the parameter's type
   */
  record Injected(VariableElement element, Source kind, TypeMirror type) implements Binding {
    @Override
    public String argument(RouteEmission emission) {
      return kind == Source.RAW_EVENT
          ? "request.rawEvent(" + emission.classLiteral(type) + ")"
          : kind.expression;
    }

    /** What is injected. */
    enum Source {
      /** The {@code Request} itself. */
      REQUEST("request"),
      /** The Lambda {@code Context}. */
      CONTEXT("request.lambdaContext()"),
      /** The {@code Authorization}. */
      AUTHORIZATION("request.authorization()"),
      /** The event as an aws-lambda-java-events type. */
      RAW_EVENT(null);

      private final String expression;

      Source(String expression) {
        this.expression = expression;
      }
    }
  }
}
