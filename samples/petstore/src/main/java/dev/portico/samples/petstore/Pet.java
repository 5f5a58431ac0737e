package dev.portico.samples.petstore;

import dev.portico.api.Nullable;

/**
 * A pet as the API shows it: {@code {"id": 1, "name": "Rex", "tag": "dog"}}.
 *
 * <pre>{@code
 * Pet rex = new Pet(1, "Rex", "dog");
 * }</pre>
 *
 * @param id the id the store assigned
 * @param name the name
 * @param tag a free-form tag such as {@code dog}, or {@code null}
 */
public record Pet(long id, String name, @Nullable String tag) {}
