package dev.portico.api.validation;

import dev.portico.api.http.Body;
import dev.portico.api.http.GET;
import dev.portico.api.http.HeaderParam;
import dev.portico.api.http.POST;
import dev.portico.api.http.Path;
import dev.portico.api.http.PathParam;
import dev.portico.api.http.QueryParam;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Orders with constraints on their body and parameters, validated by generated code. */
@Path("/orders")
public final class OrderController {
  /** An order: a customer and its items. */
  public record Order(
      @NotBlank @Size(max = 20) String customer,
      @Email String email,
      @NotEmpty @Valid List<Item> items,
      @Size(max = 3) List<@NotBlank @Size(max = 10) String> tags,
      @Valid Address address) {}

  /** One line of an order. */
  public record Item(
      @NotNull @Pattern(regexp = "[A-Z]{3}-\\d{3}", message = "must be a SKU like ABC-123")
          String sku,
      @Min(1) @Max(100) int quantity,
      @DecimalMin("0.01") @DecimalMax(value = "10000", inclusive = false) BigDecimal price) {}

  /** Where an order goes. */
  public record Address(@NotBlank String city, @Size(min = 5, max = 5) String zip) {}

  @POST
  public String create(@Valid @Body Order order) {
    return "created for " + order.customer();
  }

  @GET
  @Path("/{id}")
  public String get(
      @PathParam("id") @Positive long id,
      @QueryParam("limit") @Min(1) @Max(50) Integer limit,
      @HeaderParam("X-Trace") @Size(min = 8) String trace) {
    return "order " + id + " limit " + limit;
  }
}
