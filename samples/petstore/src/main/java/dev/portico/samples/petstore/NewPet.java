package dev.portico.samples.petstore;

import dev.portico.api.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /pets} and {@code PUT /pets/{id}}: {@code {"name": "Rex", "tag": "dog"}}.
 * Its constraints are checked by code the annotation processor generates (the controller's
 * parameters are {@code @Valid @Body NewPet pet}): a body that breaks any of them is a 400 problem
 * listing every violation, before the controller method runs.
 *
 * @param name required, not blank, at most 100 characters
 * @param tag optional, at most 50 characters
 */
public record NewPet(
    @NotBlank @Size(max = 100) String name, @Nullable @Size(max = 50) String tag) {}
