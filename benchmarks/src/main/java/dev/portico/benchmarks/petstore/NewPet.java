package dev.portico.benchmarks.petstore;

import dev.portico.api.Nullable;

/**
 * The body of {@code POST /pets} and {@code PUT /pets/{id}}.
 *
 * @param name the pet's name
 * @param tag a free-form tag, or {@code null}
 */
public record NewPet(String name, @Nullable String tag) {}
