package dev.portico.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NameAllocatorTest {

  @Test
  void takenNamesGetANumberSuffix() {
    NameAllocator names = new NameAllocator(NameAllocator.Suffix.NUMBER, Set.of("routes"));

    assertThat(names.newName("getId")).isEqualTo("getId");
    assertThat(names.newName("getId")).isEqualTo("getId2");
    assertThat(names.newName("getId")).isEqualTo("getId3");
    assertThat(names.newName("routes")).isEqualTo("routes2");
  }

  @Test
  void underscoreStyleAppendsUnderscores() {
    NameAllocator names = new NameAllocator(NameAllocator.Suffix.UNDERSCORE, Set.of("value"));

    assertThat(names.newName("value")).isEqualTo("value_");
    assertThat(names.newName("value_")).isEqualTo("value__");
    assertThat(names.newName("name")).isEqualTo("name");
  }

  @Test
  void keywordsAndInvalidCharactersNeverComeOut() {
    NameAllocator names = new NameAllocator(NameAllocator.Suffix.NUMBER, Set.of());

    assertThat(names.newName("class")).isEqualTo("class_");
    assertThat(names.newName("int")).isEqualTo("int_");
    assertThat(names.newName("a-b")).isEqualTo("a_b");
    assertThat(names.newName("1st")).isEqualTo("_st");
  }

  @Test
  void caseHelpers() {
    assertThat(NameAllocator.capitalized("id")).isEqualTo("Id");
    assertThat(NameAllocator.constantCase("createPet")).isEqualTo("CREATE_PET");
    assertThat(NameAllocator.constantCase("URLPath")).isEqualTo("URLPATH");
  }
}
