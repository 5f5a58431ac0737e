package dev.portico.api.processor;

import dev.portico.api.http.GET;
import dev.portico.api.http.Path;
import dev.portico.api.http.PathParam;

/** Holds nested controllers, which get {@code Outer_Inner_Routes}. */
public final class Outer {
  private Outer() {}

  /** A nested controller. */
  @Path("/nested")
  public static final class Inner {
    @GET
    @Path("/{name}")
    public String hello(@PathParam("name") String name) {
      return "hello " + name;
    }
  }

  /** An abstract controller, served through its subclass. */
  public abstract static class Base {
    @GET
    @Path("/base")
    public String who() {
      return name();
    }

    /** The subclass's name. */
    protected abstract String name();
  }

  /** A concrete subclass of {@link Base} without annotations of its own. */
  public static final class Concrete extends Base {
    @Override
    protected String name() {
      return "concrete";
    }
  }
}
