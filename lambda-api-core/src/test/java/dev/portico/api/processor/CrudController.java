package dev.portico.api.processor;

import dev.portico.api.http.Body;
import dev.portico.api.http.DefaultValue;
import dev.portico.api.http.GET;
import dev.portico.api.http.POST;
import dev.portico.api.http.Path;
import dev.portico.api.http.PathParam;
import dev.portico.api.http.QueryParam;
import java.util.ArrayList;
import java.util.List;

/**
 * A generic base controller: it gets no routes class of its own; each concrete subclass serves
 * these routes with {@code T} resolved, annotated ({@link PetCrudController}) or not ({@link
 * TagCrudController}).
 *
 * @param <T> the item type, bound from JSON bodies
 */
public abstract class CrudController<T> {
  private final List<T> items = new ArrayList<>();

  @GET
  @Path("/{index}")
  public T get(@PathParam("index") int index) {
    return items.get(index);
  }

  @POST
  public String create(@Body T item) {
    items.add(item);
    return kind() + " " + item.getClass().getSimpleName() + " #" + (items.size() - 1);
  }

  @GET
  public List<T> list(@QueryParam("limit") @DefaultValue("10") int limit) {
    return items.subList(0, Math.min(limit, items.size()));
  }

  /** What the subclass calls its items. */
  protected abstract String kind();
}
