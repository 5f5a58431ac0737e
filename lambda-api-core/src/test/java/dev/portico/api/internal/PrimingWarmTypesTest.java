package dev.portico.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.Api;
import dev.portico.api.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimingWarmTypesTest {
  public record Pet(long id, String name) {}

  public record NewPet(String name) {}

  @Test
  void primingBuildsJsonReadersAndWritersForEveryRoutesTypes() {
    Api api =
        Api.builder()
            .route(Route.of("GET", "/pets/{id}", r -> null).withWarmTypes(List.of(Pet.class)))
            .route(
                Route.of("POST", "/pets", r -> null)
                    .withWarmTypes(List.of(Pet.class, NewPet.class)))
            .get("/plain", r -> "x")
            .build();
    assertThat(Priming.warmJson(api, Api.Builder.defaultMapper())).isEqualTo(2);
  }
}
