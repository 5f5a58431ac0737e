package dev.portico.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.api.EventSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathNormaliserTest {
  private static final List<String> PROD_PETS = List.of("prod", "pets");

  @Test
  void anHttpApisStageIsStrippedForNamedStagesOnly() {
    PathNormaliser paths = new PathNormaliser(true, List.of());
    assertThat(paths.segments(PROD_PETS, "prod", EventSource.API_GATEWAY_V2, "2.0"))
        .containsExactly("pets");
    assertThat(paths.segments(PROD_PETS, "prod", EventSource.API_GATEWAY_V1, "1.0"))
        .containsExactly("pets");
    assertThat(paths.segments(PROD_PETS, "$default", EventSource.API_GATEWAY_V2, "2.0"))
        .containsExactly("prod", "pets");
    assertThat(paths.segments(PROD_PETS, "beta", EventSource.API_GATEWAY_V2, "2.0"))
        .containsExactly("prod", "pets");
    assertThat(paths.segments(PROD_PETS, null, EventSource.API_GATEWAY_V2, "2.0"))
        .containsExactly("prod", "pets");
  }

  @Test
  void restApisFunctionUrlsAndAlbsKeepTheirPath() {
    PathNormaliser paths = new PathNormaliser(true, List.of());
    // A REST API (no payload version) never puts the stage in the path.
    assertThat(paths.segments(PROD_PETS, "prod", EventSource.API_GATEWAY_V1, null))
        .containsExactly("prod", "pets");
    assertThat(paths.segments(PROD_PETS, "prod", EventSource.FUNCTION_URL, "2.0"))
        .containsExactly("prod", "pets");
    assertThat(paths.segments(PROD_PETS, "prod", EventSource.ALB, null))
        .containsExactly("prod", "pets");
  }

  @Test
  void strippingCanBeTurnedOff() {
    PathNormaliser paths = new PathNormaliser(false, List.of());
    assertThat(paths.segments(PROD_PETS, "prod", EventSource.API_GATEWAY_V2, "2.0"))
        .containsExactly("prod", "pets");
  }

  @Test
  void theLongestBasePathWins() {
    PathNormaliser paths = new PathNormaliser(false, List.of("/v1", "/v1/admin/", "other"));
    assertThat(paths.segments(List.of("v1", "admin", "users"), null, EventSource.ALB, null))
        .containsExactly("users");
    assertThat(paths.segments(List.of("v1", "pets"), null, EventSource.ALB, null))
        .containsExactly("pets");
    assertThat(paths.segments(List.of("other"), null, EventSource.ALB, null)).isEmpty();
    assertThat(paths.segments(List.of("v2", "pets"), null, EventSource.ALB, null))
        .containsExactly("v2", "pets");
    // A base path is whole segments: /v1x is not under /v1.
    assertThat(paths.segments(List.of("v1x"), null, EventSource.ALB, null)).containsExactly("v1x");
  }

  @Test
  void stageThenBasePath() {
    PathNormaliser paths = new PathNormaliser(true, List.of("/v1"));
    assertThat(
            paths.segments(
                List.of("prod", "v1", "pets"), "prod", EventSource.API_GATEWAY_V2, "2.0"))
        .containsExactly("pets");
  }

  @Test
  void anEmptyBasePathIsRefusedNamingIt() {
    assertThatThrownBy(() -> new PathNormaliser(true, List.of("/v1", "//")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Base path '//' is empty");
  }

  @Test
  void theRoutedPathIsTheSegmentsJoined() {
    assertThat(PathNormaliser.toPath(List.of())).isEqualTo("/");
    assertThat(PathNormaliser.toPath(List.of("pets", "a b"))).isEqualTo("/pets/a b");
  }
}
