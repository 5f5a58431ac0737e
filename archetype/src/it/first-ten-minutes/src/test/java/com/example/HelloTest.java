package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portico.api.EventSource;
import dev.portico.api.testing.InProcessClient;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import org.junit.jupiter.api.Test;

class HelloTest {
  @Test
  void saysHello() {
    ProxyResponse response =
        InProcessClient.of(new Handler(), EventSource.API_GATEWAY_V2)
            .send(TestRequest.get("/hello/world"));
    assertEquals(200, response.status());
    assertEquals("{\"message\":\"Hello, world\"}", response.bodyAsString());
  }
}
