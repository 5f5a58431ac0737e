package dev.portico.path.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnumConstantsTest {

  @Test
  void exactNameWinsThenCaseIsIgnored() {
    List<String> names = List.of("DOG", "dog", "CAT");
    assertThat(EnumConstants.indexOf(names, "dog")).isEqualTo(1);
    assertThat(EnumConstants.indexOf(names, "DOG")).isEqualTo(0);
    assertThat(EnumConstants.indexOf(names, "Cat")).isEqualTo(2);
    assertThat(EnumConstants.indexOf(names, "cow")).isEqualTo(-1);
    assertThat(EnumConstants.indexOf(names, "")).isEqualTo(-1);
  }

  @Test
  void messagesNameTheConstants() {
    assertThat(EnumConstants.runtimeWording(List.of("DOG", "CAT"))).isEqualTo("one of [DOG, CAT]");
    assertThat(EnumConstants.defaultValueWording("Color", List.of("RED", "GREEN")))
        .isEqualTo("Color (one of RED, GREEN)");
  }
}
