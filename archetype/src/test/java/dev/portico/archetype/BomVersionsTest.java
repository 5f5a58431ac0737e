package dev.portico.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * portico-bom and portico-service-parent have no parent (users import or inherit them without
 * Portico's build), so they repeat versions the root pom pins; this fails when they drift apart.
 */
class BomVersionsTest {
  @Test
  void theBomManagesTheRootPomsVersions() throws Exception {
    Map<String, String> root = Poms.properties(Poms.read("pom.xml"));
    Map<String, String> bom = Poms.properties(Poms.read("portico-bom/pom.xml"));
    assertThat(bom).isNotEmpty();
    bom.forEach(
        (name, version) ->
            assertThat(version).as("portico-bom's %s", name).isEqualTo(root.get(name)));
  }

  @Test
  void theServiceParentUsesThisVersionOfPorticoAndTheRootPomsPluginVersions() throws Exception {
    Document rootPom = Poms.read("pom.xml");
    Document parentPom = Poms.read("portico-service-parent/pom.xml");
    Map<String, String> root = Poms.properties(rootPom);
    Map<String, String> parent = Poms.properties(parentPom);
    assertThat(parent.get("portico.version")).isEqualTo(Poms.version(rootPom));
    assertThat(Poms.version(parentPom)).isEqualTo(Poms.version(rootPom));
    assertThat(Poms.version(Poms.read("portico-bom/pom.xml"))).isEqualTo(Poms.version(rootPom));
    assertThat(parent.get("maven.compiler.release")).isEqualTo(root.get("maven.compiler.release"));
    parent.entrySet().stream()
        .filter(e -> e.getKey().endsWith("-plugin.version"))
        .forEach(
            e ->
                assertThat(e.getValue())
                    .as("portico-service-parent's %s", e.getKey())
                    .isEqualTo(root.get(e.getKey())));
  }
}
