package dev.portico.benchmarks.petstore;

/**
 * A pet, as every variant writes it: {@code {"id":1,"name":"Rex","tag":"dog"}}.
 *
 * @param id the identifier the store assigned
 * @param name the pet's name
 * @param tag a free-form tag, or {@code null}
 */
public record Pet(long id, String name, String tag) {}
