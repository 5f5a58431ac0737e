package dev.portico.samples.httpapi;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory, thread-safe shelf of books. Each Lambda execution environment has its own.
 *
 * <pre>{@code
 * Shelf shelf = Shelf.seeded();
 * Book added = shelf.add(new NewBook("Dune", "Frank Herbert"));
 * }</pre>
 */
public final class Shelf {
  private final ConcurrentSkipListMap<Long, Book> books = new ConcurrentSkipListMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  /** An empty shelf. */
  public Shelf() {}

  /** A shelf holding two books with ids 1 and 2. */
  public static Shelf seeded() {
    Shelf shelf = new Shelf();
    shelf.add(new NewBook("Dune", "Frank Herbert"));
    shelf.add(new NewBook("Solaris", "Stanisław Lem"));
    return shelf;
  }

  /** Adds a book under a new id. */
  public Book add(NewBook book) {
    long id = nextId.getAndIncrement();
    Book created = new Book(id, book.title(), book.author());
    books.put(id, created);
    return created;
  }

  /** The book with this id. */
  public Optional<Book> find(long id) {
    return Optional.ofNullable(books.get(id));
  }

  /** At most {@code limit} books in id order. */
  public List<Book> list(int limit) {
    return books.values().stream().limit(limit).toList();
  }
}
