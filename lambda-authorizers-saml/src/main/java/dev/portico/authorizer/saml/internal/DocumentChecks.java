package dev.portico.authorizer.saml.internal;

import dev.portico.authorizer.saml.SamlRejectedException;
import dev.portico.authorizer.saml.SamlRejection;
import java.util.HashSet;
import java.util.Set;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Counts taken over a whole parsed document before anything in it is trusted: every SAML assertion,
 * encrypted assertion, response and XML signature element wherever it hides (extensions, advice,
 * signature objects), and every ID-like attribute, which must be unique.
 *
 * <p>Signature wrapping attacks need a second copy of something: a second assertion beside, inside
 * or under the signed one, or a second element with the signed ID. With exactly one assertion in
 * the document and unique IDs, the element a signature reference resolves to and the object the
 * validator reads are the same.
 *
 * @param assertions {@code saml:Assertion} elements anywhere
 * @param encryptedAssertions {@code saml:EncryptedAssertion} elements anywhere
 * @param responses {@code samlp:Response} elements anywhere
 * @param signatures {@code ds:Signature} elements anywhere
 */
public record DocumentChecks(
    int assertions, int encryptedAssertions, int responses, int signatures) {

  /**
   * Counts the elements of {@code document}.
   *
   * @throws SamlRejectedException {@link SamlRejection#STRUCTURE_INVALID} on a duplicate ID
   */
  public static DocumentChecks of(Document document) throws SamlRejectedException {
    int[] counts = new int[4];
    Set<String> ids = new HashSet<>();
    walk(document.getDocumentElement(), counts, ids);
    return new DocumentChecks(counts[0], counts[1], counts[2], counts[3]);
  }

  private static void walk(Element element, int[] counts, Set<String> ids)
      throws SamlRejectedException {
    // Iterative depth-first walk: a deeply nested document cannot exhaust the stack.
    java.util.ArrayDeque<Element> stack = new java.util.ArrayDeque<>();
    stack.push(element);
    while (!stack.isEmpty()) {
      Element e = stack.pop();
      count(e, counts);
      NamedNodeMap attributes = e.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr a = (Attr) attributes.item(i);
        String name = a.getLocalName() != null ? a.getLocalName() : a.getName();
        if (a.getNamespaceURI() == null
            && (name.equals("ID") || name.equals("Id") || name.equals("id"))) {
          if (!ids.add(a.getValue())) {
            throw new SamlRejectedException(
                SamlRejection.STRUCTURE_INVALID,
                "the ID " + Quote.of(a.getValue()) + " appears more than once in the document");
          }
        }
      }
      for (Node c = e.getLastChild(); c != null; c = c.getPreviousSibling()) {
        if (c instanceof Element child) {
          stack.push(child);
        }
      }
    }
  }

  private static void count(Element e, int[] counts) {
    String ns = e.getNamespaceURI();
    String name = e.getLocalName();
    if (SAMLConstants.SAML20_NS.equals(ns)) {
      if ("Assertion".equals(name)) {
        counts[0]++;
      } else if ("EncryptedAssertion".equals(name)) {
        counts[1]++;
      }
    } else if (SAMLConstants.SAML20P_NS.equals(ns) && "Response".equals(name)) {
      counts[2]++;
    } else if (SignatureConstants.XMLSIG_NS.equals(ns) && "Signature".equals(name)) {
      counts[3]++;
    }
  }
}
