package dev.portico.api.validation;

import dev.portico.api.Nullable;
import dev.portico.api.http.Body;
import dev.portico.api.http.POST;
import dev.portico.api.http.Path;
import dev.portico.api.http.QueryParam;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/** Validated bodies of every shape: optional, nullable, a list, and a void method. */
@Path("/shapes")
public final class ShapesController {
  /** One line. */
  public record Line(@NotBlank String name, @Min(1) int count) {}

  @POST
  @Path("/optional")
  public String optional(@Valid @Body Optional<Line> line) {
    return line.map(Line::name).orElse("none");
  }

  @POST
  @Path("/nullable")
  public String nullable(@Valid @Body @Nullable Line line) {
    return line == null ? "none" : line.name();
  }

  @POST
  @Path("/list")
  public void list(
      @Valid @Body List<Line> lines,
      @QueryParam("tag") @Size(max = 2) List<@Pattern(regexp = "[a-z]+") String> tags) {}
}
