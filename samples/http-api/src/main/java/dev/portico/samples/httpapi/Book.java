package dev.portico.samples.httpapi;

/**
 * A book as the API shows it: {@code {"id": 1, "title": "Dune", "author": "Frank Herbert"}}.
 *
 * <pre>{@code
 * Book dune = new Book(1, "Dune", "Frank Herbert");
 * }</pre>
 *
 * @param id the id the shelf assigned
 * @param title the title
 * @param author the author
 */
public record Book(long id, String title, String author) {}
