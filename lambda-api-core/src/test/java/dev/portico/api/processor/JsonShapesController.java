package dev.portico.api.processor;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.portico.api.Nullable;
import dev.portico.api.Response;
import dev.portico.api.http.GET;
import dev.portico.api.http.Path;
import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Results of every shape the build-time JSON writers handle, and of shapes they must leave to
 * Jackson; {@link JsonWritersTest} sets the values.
 */
@Path("/shapes")
public final class JsonShapesController {
  /** An enum; Jackson writes its names, whatever {@code toString} says. */
  public enum Color {
    RED,
    GREEN;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT) + "!";
    }
  }

  /** Every scalar kind, boxed and not. */
  public record Scalars(
      boolean flag,
      int i,
      long l,
      short s,
      byte b,
      double d,
      float f,
      @Nullable Boolean boxedFlag,
      @Nullable Integer boxedInt,
      @Nullable Long boxedLong,
      @Nullable Short boxedShort,
      @Nullable Byte boxedByte,
      @Nullable Double boxedDouble,
      @Nullable Float boxedFloat,
      @Nullable String text,
      @Nullable Color color) {}

  /** Nesting and collections. */
  public record Nested(
      String name,
      @Nullable Scalars scalars,
      @Nullable List<String> tags,
      @Nullable Set<Color> colors,
      @Nullable List<Scalars> children,
      @Nullable List<Integer> numbers,
      @Nullable Nested self) {}

  // Records Jackson would write differently from their components alone, or that hold types the
  // writers do not cover: all left to Jackson.

  /** A renamed component. */
  public record Renamed(@JsonProperty("full_name") String name) {}

  /** An ignored accessor. */
  public record Ignoring(String name, String secret) {
    @Override
    @JsonIgnore
    public String secret() {
      return secret;
    }
  }

  /** An extra getter: Jackson adds a property for it. */
  public record ExtraGetter(String name) {
    public String getDisplay() {
      return "<" + name + ">";
    }
  }

  /** An interface whose getter Jackson sees through the record. */
  public interface Labelled {
    default String getLabel() {
      return "label";
    }
  }

  /** Inherits a getter. */
  public record InheritsGetter(String name) implements Labelled {}

  /** An annotation of the application's own that bundles Jackson ones. */
  @Retention(RetentionPolicy.RUNTIME)
  @JacksonAnnotationsInside
  @JsonProperty("bundled")
  public @interface Bundled {}

  /** A bundle on a component. */
  public record Bundle(@Bundled String name) {}

  /** An enum Jackson writes by its {@code @JsonValue}. */
  public enum Size {
    SMALL;

    @JsonValue
    public String code() {
      return "S";
    }
  }

  /** Holds that enum. */
  public record Sized(Size size) {}

  /** A duration, written by Jackson's java.time support as a number of seconds. */
  public record Dated(Duration took) {}

  /** UUIDs and java.time values, written as the default mapper writes them. */
  public record Timed(
      @Nullable UUID id,
      @Nullable Instant at,
      @Nullable LocalDate day,
      @Nullable LocalDateTime local,
      @Nullable LocalTime time,
      @Nullable OffsetDateTime offset,
      @Nullable List<Instant> times) {}

  /** A map. */
  public record Mapped(Map<String, Integer> counts) {}

  /** A char. */
  public record Initial(char letter) {}

  /** Generic. */
  public record Box<T>(T value) {}

  /** An enum with a constant body, where a {@code @JsonValue} can hide from the processor. */
  public enum Mode {
    PLAIN,
    FANCY {
      @JsonValue
      public String code() {
        return "fancy!";
      }
    }
  }

  /** Holds that enum. */
  public record Moded(Mode mode) {}

  /** Writes itself, through Jackson's interface. */
  public record Custom(String name) implements JsonSerializable {
    @Override
    public void serialize(JsonGenerator json, SerializerProvider provider) throws IOException {
      json.writeString("custom:" + name);
    }

    @Override
    public void serializeWithType(
        JsonGenerator json, SerializerProvider provider, TypeSerializer typeSerializer)
        throws IOException {
      serialize(json, provider);
    }
  }

  /** A java.beans marker Jackson honours. */
  public record BeanTransient(String name, String secret) {
    @Override
    @java.beans.Transient
    public String secret() {
      return secret;
    }
  }

  // A cycle in which one record does not qualify: neither may get a writer, whichever route the
  // processor meets first.

  /** Holds a department, and a badge Jackson writes renamed. */
  public record Employee(String name, Department department, Badge badge) {}

  /** Holds its manager. */
  public record Department(String name, Employee manager) {}

  /** Renamed by an annotation. */
  public record Badge(@JsonProperty("badge_id") String id) {}

  /** A collection class of the application's own, written as an object. */
  @JsonFormat(shape = JsonFormat.Shape.OBJECT)
  public static final class Page extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    public int getTotal() {
      return 99;
    }
  }

  /** Qualifies; its list may be a {@link Page} at run time. */
  public record Listing(String name, List<String> items) {}

  /** Qualifies; its writer reaches the mapper only through {@link Listing}'s writer. */
  public record Shelf(String name, Listing listing) {}

  /** Qualifies; its accessor fails when the name is "boom". */
  public record Fragile(String name) {
    @Override
    public String name() {
      if (name.equals("boom")) {
        throw new IllegalStateException("accessor failed");
      }
      return name;
    }
  }

  /** Qualifies, but only through another record that does not. */
  public record HoldsDated(String name, Dated dated) {}

  private Object next;

  /** The next result, set by the test. */
  public void next(Object value) {
    this.next = value;
  }

  @SuppressWarnings("unchecked")
  private <T> T next() {
    return (T) next;
  }

  @GET
  @Path("/scalars")
  public Scalars scalars() {
    return next();
  }

  @GET
  @Path("/nested")
  public Response<Nested> nested() {
    return Response.ok(next());
  }

  @GET
  @Path("/list")
  public List<Scalars> list() {
    return next();
  }

  @GET
  @Path("/renamed")
  public Renamed renamed() {
    return next();
  }

  @GET
  @Path("/ignoring")
  public Ignoring ignoring() {
    return next();
  }

  @GET
  @Path("/extra")
  public ExtraGetter extra() {
    return next();
  }

  @GET
  @Path("/inherits")
  public InheritsGetter inherits() {
    return next();
  }

  @GET
  @Path("/bundle")
  public Bundle bundle() {
    return next();
  }

  @GET
  @Path("/sized")
  public Sized sized() {
    return next();
  }

  @GET
  @Path("/dated")
  public Dated dated() {
    return next();
  }

  @GET
  @Path("/timed")
  public Timed timed() {
    return next();
  }

  @GET
  @Path("/mapped")
  public Mapped mapped() {
    return next();
  }

  @GET
  @Path("/initial")
  public Initial initial() {
    return next();
  }

  @GET
  @Path("/box")
  public Box<String> box() {
    return next();
  }

  @GET
  @Path("/holds-dated")
  public HoldsDated holdsDated() {
    return next();
  }

  @GET
  @Path("/moded")
  public Moded moded() {
    return next();
  }

  @GET
  @Path("/custom")
  public Custom custom() {
    return next();
  }

  @GET
  @Path("/bean-transient")
  public BeanTransient beanTransient() {
    return next();
  }

  @GET
  @Path("/employee")
  public Employee employee() {
    return next();
  }

  @GET
  @Path("/department")
  public Department department() {
    return next();
  }

  @GET
  @Path("/listing")
  public Listing listing() {
    return next();
  }

  @GET
  @Path("/shelf")
  public Shelf shelf() {
    return next();
  }

  @GET
  @Path("/listings")
  public List<Listing> listings() {
    return next();
  }

  @GET
  @Path("/fragile")
  public Fragile fragile() {
    return next();
  }

  @GET
  @Path("/object")
  public Object object() {
    return next();
  }
}
