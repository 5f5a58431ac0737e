package ${package};

import dev.portico.api.Response;
import dev.portico.api.http.Body;
import dev.portico.api.http.GET;
import dev.portico.api.http.POST;
import dev.portico.api.http.Path;
import dev.portico.api.http.PathParam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's routes. Portico's annotation processor generates {@code GreetingController_Routes}
 * at build time: routing and binding need no reflection.
 */
@Path("/greetings")
public final class GreetingController {
  private static final Logger LOG = LoggerFactory.getLogger(GreetingController.class);

  private final GreetingStore store;

  /** A controller over this store. */
  public GreetingController(GreetingStore store) {
    this.store = store;
  }

  /** {@code GET /greetings/{name}}: the saved greeting, or a default one. */
  @GET
  @Path("/{name}")
  public Greeting get(@PathParam("name") String name) {
    return store.find(name).orElseGet(() -> new Greeting(name, "Hello, " + name));
  }

  /**
   * {@code POST /greetings}: saves a greeting and answers 201 with its {@code Location}; a body
   * without a valid name or message is a 422 problem, malformed JSON a 400 problem.
   */
  @POST
  public Response<Greeting> create(@Body NewGreeting body) {
    Greeting greeting = body.validated();
    store.save(greeting);
    LOG.info("greeting saved for {}", greeting.name());
    return Response.created("/greetings/" + greeting.name(), greeting);
  }
}
