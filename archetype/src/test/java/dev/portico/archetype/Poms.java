package dev.portico.archetype;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads the few things the consistency tests compare from the build's pom files. */
final class Poms {
  /** The repository's root (this module's parent directory). */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private Poms() {}

  static Document read(String relativePath) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(ROOT.resolve(relativePath).toFile());
  }

  /** The {@code <properties>} of the project element. */
  static Map<String, String> properties(Document pom) {
    Map<String, String> result = new LinkedHashMap<>();
    Element properties = child(pom.getDocumentElement(), "properties");
    if (properties == null) {
      return result;
    }
    NodeList nodes = properties.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e) {
        result.put(e.getTagName(), e.getTextContent().trim());
      }
    }
    return result;
  }

  /** The project's own {@code <version>}. */
  static String version(Document pom) {
    Element version = child(pom.getDocumentElement(), "version");
    if (version == null) {
      version = child(child(pom.getDocumentElement(), "parent"), "version");
    }
    return version.getTextContent().trim();
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }
}
