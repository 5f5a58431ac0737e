package dev.portico.samples.observability;

import dev.portico.api.BadRequestException;
import dev.portico.api.LogSafe;
import dev.portico.api.http.GET;
import dev.portico.api.http.Path;
import dev.portico.api.http.PathParam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one route of the observability sample; it logs one line per greeting through SLF4J.
 *
 * <pre>{@code
 * Api api = Api.builder().controller(new GreetingController()).build();
 * }</pre>
 */
@Path("/greetings")
public final class GreetingController {
  private static final Logger LOG = LoggerFactory.getLogger(GreetingController.class);

  /** A controller without state. */
  public GreetingController() {}

  /** {@code GET /greetings/{name}}: a greeting, or a 400 problem for a name over 50 characters. */
  @GET
  @Path("/{name}")
  public Greeting greet(@PathParam("name") String name) {
    if (name.length() > 50) {
      throw new BadRequestException("name must be at most 50 characters");
    }
    LOG.info("greeting {}", LogSafe.quote(name));
    return new Greeting("Hello, " + name);
  }
}
