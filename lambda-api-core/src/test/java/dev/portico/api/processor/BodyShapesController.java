package dev.portico.api.processor;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.portico.api.Nullable;
import dev.portico.api.http.Body;
import dev.portico.api.http.POST;
import dev.portico.api.http.Path;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code @Body} records of every shape the build-time JSON readers handle, and of shapes they must
 * leave to the mapper; {@link JsonReadersTest} reads bodies through both paths.
 */
@Path("/bodies")
public final class BodyShapesController {
  /** An enum. */
  public enum Size {
    SMALL,
    LARGE
  }

  /** A list element. */
  public record Item(String sku, int quantity, @Nullable String note) {}

  /** Every scalar and collection kind a reader reads. */
  public record Order(
      String customer,
      List<Item> items,
      @Nullable Size size,
      Set<String> tags,
      long total,
      double weight,
      float ratio,
      short small,
      byte tiny,
      boolean gift,
      @Nullable Integer boxed,
      @Nullable BigDecimal price,
      @Nullable BigInteger big,
      @Nullable Boolean flag,
      @Nullable Item extra,
      @Nullable List<@Nullable String> notes,
      Collection<Size> sizes) {}

  /** A record whose constructor checks its value. */
  public record Checked(String name) {
    /** Refuses a blank name. */
    public Checked {
      if (name.isBlank()) {
        throw new IllegalArgumentException("blank name for java.lang.String");
      }
    }
  }

  /** A record that holds itself. */
  public record Tree(String name, @Nullable List<Tree> children) {}

  /** UUIDs, java.time values and maps with String keys, which readers read as text and objects. */
  public record Stamped(
      UUID id,
      Instant at,
      LocalDate day,
      LocalDateTime local,
      LocalTime time,
      OffsetDateTime offset,
      Duration took,
      Map<String, Integer> counts,
      @Nullable Map<String, Item> items,
      @Nullable Map<String, @Nullable LocalDate> days,
      @Nullable Map<String, Size> sizes,
      @Nullable UUID other,
      @Nullable List<Instant> times) {}

  /** Optional components: never required, JSON null is empty. */
  public record Maybe(
      Optional<String> note,
      Optional<LocalDate> day,
      Optional<Item> item,
      Optional<Size> size,
      Optional<Integer> count,
      int n) {}

  /** Left to the mapper: a java.time type readers do not read. */
  public record Dated(String name, ZonedDateTime day) {}

  /** Left to the mapper: a Jackson annotation. */
  public record Renamed(@JsonProperty("full_name") String name) {}

  /** Echoes the order. */
  @POST
  @Path("/order")
  public Order order(@Body Order order) {
    return order;
  }

  /** Echoes the orders. */
  @POST
  @Path("/orders")
  public List<Order> orders(@Body List<Order> orders) {
    return orders;
  }

  /** Echoes the value. */
  @POST
  @Path("/checked")
  public List<Checked> checked(@Body List<Checked> checked) {
    return checked;
  }

  /** Echoes the tree. */
  @POST
  @Path("/tree")
  public Tree tree(@Body Tree tree) {
    return tree;
  }

  /** Echoes the value. */
  @POST
  @Path("/stamped")
  public Stamped stamped(@Body Stamped stamped) {
    return stamped;
  }

  /** Echoes the value. */
  @POST
  @Path("/maybe")
  public Maybe maybe(@Body Maybe maybe) {
    return maybe;
  }

  /** Echoes the value. */
  @POST
  @Path("/dated")
  public Dated dated(@Body Dated dated) {
    return dated;
  }

  /** Echoes the value. */
  @POST
  @Path("/renamed")
  public Renamed renamed(@Body Renamed renamed) {
    return renamed;
  }
}
