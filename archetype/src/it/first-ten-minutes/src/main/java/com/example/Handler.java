package com.example;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;

public final class Handler extends ApiHandler {
  public Handler() {
    super(Api.builder().controller(new HelloController()).build());
  }
}
