package com.example;

import dev.portico.api.http.GET;
import dev.portico.api.http.Path;
import dev.portico.api.http.PathParam;

@Path("/hello")
public final class HelloController {
  public record Greeting(String message) {}

  @GET
  @Path("/{name}")
  public Greeting hello(@PathParam("name") String name) {
    return new Greeting("Hello, " + name);
  }
}
