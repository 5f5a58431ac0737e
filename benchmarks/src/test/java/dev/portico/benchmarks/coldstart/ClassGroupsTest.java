package dev.portico.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.benchmarks.coldstart.ClassGroups.Group;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassGroupsTest {
  private static final List<String> LOG =
      List.of(
          "[0.010s][info][class,load] java.lang.Object source: shared objects file",
          "[0.011s][info][class,load] sun.security.ssl.SSLContextImpl source: jrt:/java.base",
          "[0.020s][info][class,load] com.fasterxml.jackson.core.JsonFactory source: file:/a.jar",
          "[0.021s][info][class,load] com.fasterxml.jackson.databind.ObjectMapper source: file:/b",
          "[0.022s][info][class,load] com.fasterxml.jackson.annotation.JsonInclude source: file:/c",
          "[0.030s][info][class,load] dev.portico.api.ApiHandler source: file:/d.jar",
          "[0.031s][info][class,load] org.slf4j.LoggerFactory source: file:/e.jar",
          "[0.032s][info][class,load] com.amazonaws.services.lambda.runtime.Context source: file:/f",
          "[0.033s][info][class,load] com.auth0.jwt.JWT source: file:/g.jar",
          "[0.034s][info][class,load] dev.portico.X$$Lambda$14/0x0000000800c01000 source:"
              + " dev.portico.X",
          "[0.040s][info][gc] not a class line");

  @Test
  void eachClassCountsInTheFirstGroupWhosePrefixMatches() {
    ClassGroups groups = ClassGroups.of(LOG);

    assertThat(groups.counts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Group.JDK, 2,
                Group.JACKSON_CORE, 1,
                Group.DATABIND, 1,
                Group.JACKSON_OTHER, 1,
                Group.PORTICO, 2,
                Group.SLF4J, 1,
                Group.AWS, 1,
                Group.OTHER, 1));
    assertThat(groups.total()).isEqualTo(10);
  }

  @Test
  void theTableHasARowPerVariantAndAColumnPerGroup() {
    Map<String, ClassGroups> variants = new LinkedHashMap<>();
    variants.put("floor", ClassGroups.of(LOG.subList(0, 3)));
    variants.put("portico", ClassGroups.of(LOG));

    assertThat(ClassGroups.table(variants))
        .isEqualTo(
            "Classes loaded by package group:\n\n"
                + "| variant | JDK | jackson-core | databind | other Jackson | Portico | SLF4J | AWS"
                + " | other | total |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + "| floor | 2 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 3 |\n"
                + "| portico | 2 | 1 | 1 | 1 | 2 | 1 | 1 | 1 | 10 |\n\n");
  }
}
