package dev.portico.authorizer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ArnPattern#overlaps}: checked against every short text over a small alphabet. */
class ArnPatternOverlapTest {

  @Test
  void examples() {
    assertThat(ArnPattern.overlaps("GET/pets/*", "GET/pets/*/owner")).isTrue();
    assertThat(ArnPattern.overlaps("GET/pets", "POST/pets")).isFalse();
    assertThat(ArnPattern.overlaps("*/*", "DELETE/pets/*")).isTrue();
    assertThat(ArnPattern.overlaps("GET/pets/*", "GET/pots/*")).isFalse();
    assertThat(ArnPattern.overlaps("a*b", "*c")).isFalse();
    assertThat(ArnPattern.overlaps("a*", "*b")).isTrue();
    assertThat(ArnPattern.overlaps("a?c", "*b*")).isTrue();
    assertThat(ArnPattern.overlaps("", "*")).isTrue();
    assertThat(ArnPattern.overlaps("", "?")).isFalse();
  }

  @Test
  void agreesWithExhaustiveSearchOnShortPatterns() {
    char[] patternChars = {'a', 'b', '/', '*', '?'};
    List<String> texts = new ArrayList<>();
    texts.add("");
    for (int len = 1, from = 0; len <= 6; len++) {
      int to = texts.size();
      for (int i = from; i < to; i++) {
        for (char c : new char[] {'a', 'b', '/'}) {
          texts.add(texts.get(i) + c);
        }
      }
      from = to;
    }
    Random random = new Random(99L);
    for (int trial = 0; trial < 3000; trial++) {
      String p = pattern(random, patternChars);
      String q = pattern(random, patternChars);
      boolean witness =
          texts.stream().anyMatch(t -> ArnPattern.matches(p, t) && ArnPattern.matches(q, t));
      // Patterns of at most 3 characters: a common text, if any, is at most 6 characters long.
      assertThat(ArnPattern.overlaps(p, q)).as("%s vs %s", p, q).isEqualTo(witness);
    }
  }

  private static String pattern(Random random, char[] chars) {
    StringBuilder s = new StringBuilder();
    int len = random.nextInt(4);
    for (int i = 0; i < len; i++) {
      s.append(chars[random.nextInt(chars.length)]);
    }
    return s.toString();
  }
}
