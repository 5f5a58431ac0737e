package dev.portico.api.processor;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.portico.api.Handler;
import dev.portico.api.Request;
import dev.portico.api.RouteProvider;
import dev.portico.api.RouteRegistry;
import dev.portico.api.runtime.GeneratedRoutes;
import dev.portico.api.runtime.JsonWriter;
import dev.portico.api.runtime.Param;
import dev.portico.api.runtime.ParamSource;
import java.io.IOException;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Golden fixture: the routes class of {@link VersionOneController} in the shape the processor
 * generated for generated-code version 1 (JSON writers, no JSON readers). Do not regenerate it.
 */
@Generated("dev.portico.processor.RoutesProcessor")
public final class VersionOneController_Routes implements RouteProvider {
  private final VersionOneController controller;

  /** Serves the routes of the given controller instance. */
  public VersionOneController_Routes(VersionOneController controller) {
    this.controller = Objects.requireNonNull(controller, "controller");
  }

  @Override
  public void register(RouteRegistry registry) {
    GeneratedRoutes routes = GeneratedRoutes.open(registry, 1, this);

    routes
        .route(
            "POST",
            "/v1/notes",
            "VersionOneController.create(Note note)",
            new Handler() {
              @Override
              public Object handle(Request request) throws Exception {
                return controller.create(request.bodyAs(VersionOneController.Note.class));
              }
            })
        .consumes("application/json", "application/*+json")
        .produces("application/json")
        .warmTypes(VersionOneController.Note.class)
        .add();

    Param<Long> getId =
        routes.param("VersionOneController.get(long id)", ParamSource.PATH, "id", long.class);
    routes
        .route(
            "GET",
            "/v1/{id}",
            "VersionOneController.get(long id)",
            new Handler() {
              @Override
              public Object handle(Request request) throws Exception {
                return controller.get(getId.get(request));
              }
            })
        .produces("text/plain")
        .add();

    routes.jsonWriter(VersionOneController.Note.class, Json_VersionOneController_Note.INSTANCE);
  }

  /** {@link VersionOneController.Note} as the default mapper writes it, without reflection. */
  static final class Json_VersionOneController_Note
      implements JsonWriter<VersionOneController.Note> {
    static final Json_VersionOneController_Note INSTANCE = new Json_VersionOneController_Note();

    @Override
    public void writeFields(VersionOneController.Note value, JsonGenerator json)
        throws IOException {
      json.writeFieldName("text");
      String text = value.text();
      if (text == null) {
        json.writeNull();
      } else {
        json.writeString(text);
      }
      json.writeNumberField("stars", value.stars());
    }
  }
}
