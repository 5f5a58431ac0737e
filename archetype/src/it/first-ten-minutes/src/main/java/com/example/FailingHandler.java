package com.example;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;

/** A handler with a bug, for HelloJarIT: its unhandled exception must reach the log. */
public final class FailingHandler extends ApiHandler {
  public FailingHandler() {
    super(
        Api.builder()
            .get(
                "/boom",
                request -> {
                  throw new IllegalStateException("boom: a bug in the handler");
                })
            .build());
  }
}
