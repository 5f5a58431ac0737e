package dev.portico.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code --extra}: another commit's deployable measured in the same run as the known variants. */
class VariantExtraTest {

  @Test
  void withoutLikeItAnswersGetPetAsAnApiVariant() {
    Variant v = Variant.extra("old=old.jar=dev.example.Handler");

    assertThat(v)
        .isEqualTo(
            new Variant(
                "old",
                "old.jar",
                "dev.example.Handler",
                "events/get-pet.json",
                "\"statusCode\":200",
                java.util.Map.of(),
                Variant.API));
  }

  @Test
  void likeTakesTheNamedVariantsEventAnswerEnvironmentGroupAndRuntime() {
    Variant like =
        Variant.all().stream().filter(v -> v.name().equals("jwt-authorizer")).findFirst().get();

    Variant v = Variant.extra("jwt-old=jwt-old.jar=dev.example.Authorizer=jwt-authorizer");

    assertThat(v)
        .isEqualTo(
            new Variant(
                "jwt-old",
                "jwt-old.jar",
                "dev.example.Authorizer",
                like.event(),
                like.expected(),
                like.env(),
                like.group(),
                like.runtime()));
  }

  @Test
  void aMalformedSpecOrAnUnknownLikeIsRefusedNamingIt() {
    assertThatThrownBy(() -> Variant.extra("old=old.jar"))
        .hasMessage("--extra wants NAME=JAR=HANDLER[=LIKE], got old=old.jar");
    assertThatThrownBy(() -> Variant.extra("a=a.jar=H=nope"))
        .hasMessage("--extra a=a.jar=H=nope: no variant nope");
  }
}
