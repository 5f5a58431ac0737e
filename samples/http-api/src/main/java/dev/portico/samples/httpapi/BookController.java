package dev.portico.samples.httpapi;

import dev.portico.api.BadRequestException;
import dev.portico.api.LogSafe;
import dev.portico.api.NotFoundException;
import dev.portico.api.Nullable;
import dev.portico.api.Response;
import dev.portico.api.http.Body;
import dev.portico.api.http.DefaultValue;
import dev.portico.api.http.GET;
import dev.portico.api.http.POST;
import dev.portico.api.http.Path;
import dev.portico.api.http.PathParam;
import dev.portico.api.http.Principal;
import dev.portico.api.http.QueryParam;
import dev.portico.api.http.RequiresScopes;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample's routes, the same through the HTTP API and the function URL. The annotation processor
 * generates {@code BookController_Routes} at build time.
 *
 * <pre>{@code
 * Api api = Api.builder().controller(new BookController(Shelf.seeded())).build();
 * }</pre>
 */
@Path("/books")
public final class BookController {
  /** The response header of {@code POST /books} that names the authorizer's principal. */
  public static final String CREATED_BY = "X-Created-By";

  /** The scope {@code POST /books} requires of the caller's token. */
  public static final String WRITE_SCOPE = "books:write";

  private static final Logger LOG = LoggerFactory.getLogger(BookController.class);

  private final Shelf shelf;

  /** A controller over this shelf. */
  public BookController(Shelf shelf) {
    this.shelf = shelf;
  }

  /** {@code GET /books?limit=20}: books in id order. */
  @GET
  public List<Book> list(@QueryParam("limit") @DefaultValue("20") int limit) {
    if (limit < 1 || limit > 100) {
      throw new BadRequestException("limit must be between 1 and 100, got " + limit);
    }
    return shelf.list(limit);
  }

  /** {@code GET /books/{id}}: one book, or a 404 problem. */
  @GET
  @Path("/{id}")
  public Book get(@PathParam("id") long id) {
    return shelf.find(id).orElseThrow(() -> new NotFoundException("no book " + id));
  }

  /**
   * {@code POST /books}: 201 with a {@code Location} header and {@code X-Created-By} naming the
   * authorizer's principal. Requires the scope {@code books:write}, checked here whatever the
   * gateway's authorizer allowed: a function URL call (IAM-signed, no token, so no scope) is 403.
   */
  @POST
  @RequiresScopes(WRITE_SCOPE)
  public Response<Book> create(@Body NewBook book, @Principal @Nullable String principal) {
    Book created = shelf.add(book.validated());
    LOG.info("book {} added by {}", created.id(), LogSafe.quote(principal));
    Response<Book> response = Response.created("/books/" + created.id(), created);
    return principal == null ? response : response.withHeader(CREATED_BY, principal);
  }
}
