package dev.portico.authorizer.saml.testing;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** DOM surgery on signed messages, as an attacker who captured one would do it. */
public final class Tamper {

  /** SAML 2.0 assertion namespace. */
  public static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";

  /** SAML 2.0 protocol namespace. */
  public static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";

  /** XML signature namespace. */
  public static final String DS = "http://www.w3.org/2000/09/xmldsig#";

  private Tamper() {}

  /** Every element {@code ns:local} in document order. */
  public static List<Element> all(Node root, String ns, String local) {
    NodeList list =
        root instanceof Document d
            ? d.getElementsByTagNameNS(ns, local)
            : ((Element) root).getElementsByTagNameNS(ns, local);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  /** The first element {@code ns:local}. */
  public static Element first(Node root, String ns, String local) {
    return all(root, ns, local).get(0);
  }

  /** The direct child {@code ns:local} of {@code parent}, or null. */
  public static Element child(Element parent, String ns, String local) {
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e
          && ns.equals(e.getNamespaceURI())
          && local.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  /** A deep copy of {@code assertion} without its signature, with another ID and NameID. */
  public static Element evilCopy(Element assertion, String id, String nameId) {
    Element evil = (Element) assertion.cloneNode(true);
    evil.setAttribute("ID", id);
    Element signature = child(evil, DS, "Signature");
    if (signature != null) {
      evil.removeChild(signature);
    }
    first(evil, SAML, "NameID").setTextContent(nameId);
    return evil;
  }

  /** Inserts {@code node} right after {@code reference}. */
  public static void insertAfter(Node node, Node reference) {
    reference.getParentNode().insertBefore(node, reference.getNextSibling());
  }
}
