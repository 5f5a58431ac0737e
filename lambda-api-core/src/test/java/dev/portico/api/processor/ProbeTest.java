package dev.portico.api.processor;

import org.junit.jupiter.api.Test;

class ProbeTest {
  @Test
  void probe() {
    Compilation c =
        Compilation.compile(
            """
            package com.example;

            import dev.portico.api.http.*;

            @Path("/pets")
            public final class PetController {
              @GET public String get(@PathParam("id") long id) { return ""; }
              @GET @Path("/{x}") public String find(@QueryParam("m") Object m, Object o) { return ""; }
              @GET @Path("/{y}") private String dup() { return ""; }
            }
            """);
    System.out.println(c.success() + " " + c.messages() + " " + c.errorSites());
  }
}
