package dev.portico.authorizer.saml.internal;

import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.ParserPool;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenSAML's one-time start-up and the secure parser pool every SAML document goes through.
 *
 * <p>{@link InitializationService#initialize()} loads OpenSAML's object providers and default
 * security configuration; it takes a noticeable part of a cold start, so it runs once, when the
 * first SAML validator or metadata reader is built (at configuration load), never on a JWT-only
 * path and never per request. The time it took is logged and kept in {@link #initMillis()}.
 *
 * <p>The parser pool: namespace aware, DOCTYPE declarations refused (so no DTD, no entity, no
 * billion laughs), external general and parameter entities and external DTDs off, JAXP secure
 * processing on, XInclude off, entity references not expanded. Comments are dropped while parsing,
 * so text split by a comment is one value (see the NameID handling).
 */
public final class OpenSaml {

  private static final Logger LOG = LoggerFactory.getLogger(OpenSaml.class);
  private static final Object LOCK = new Object();
  private static volatile BasicParserPool pool;
  private static volatile long initMillis = -1;

  private OpenSaml() {}

  /** Initializes OpenSAML once and installs the secure parser pool as its global pool. */
  public static ParserPool parserPool() {
    BasicParserPool p = pool;
    if (p != null) {
      return p;
    }
    synchronized (LOCK) {
      if (pool == null) {
        long start = System.nanoTime();
        try {
          InitializationService.initialize();
        } catch (InitializationException e) {
          throw new IllegalStateException("OpenSAML could not be initialized", e);
        }
        BasicParserPool created = newSecurePool();
        // Decrypted assertions are parsed by OpenSAML with its global pool: make it this one.
        XMLObjectProviderRegistrySupport.setParserPool(created);
        initMillis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("OpenSAML initialized in {} ms", initMillis);
        pool = created;
      }
      return pool;
    }
  }

  /** How long OpenSAML's initialization took, or -1 before it ran. */
  public static long initMillis() {
    return initMillis;
  }

  /** Turns every parser warning and error into the exception that rejects the document. */
  private static final class SilentErrors implements org.xml.sax.ErrorHandler {
    @Override
    public void warning(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
      throw e;
    }

    @Override
    public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
      throw e;
    }

    @Override
    public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
      throw e;
    }
  }

  private static BasicParserPool newSecurePool() {
    BasicParserPool p = new BasicParserPool();
    p.setNamespaceAware(true);
    p.setExpandEntityReferences(false);
    p.setXincludeAware(false);
    // OpenSAML refuses comment nodes; dropped by the parser, the text around a comment is one
    // value (and the NameID is read as the element's whole text content anyway).
    p.setIgnoreComments(true);
    p.setCoalescing(false);
    p.setDTDValidating(false);
    Map<String, Boolean> features = new HashMap<>();
    features.put(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    features.put("http://apache.org/xml/features/disallow-doctype-decl", true);
    features.put("http://xml.org/sax/features/external-general-entities", false);
    features.put("http://xml.org/sax/features/external-parameter-entities", false);
    features.put("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    p.setBuilderFeatures(features);
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    attributes.put(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    p.setBuilderAttributes(attributes);
    // Parse errors are the client's input: rejected and counted by the caller, not logged as ERROR.
    p.setErrorHandler(new SilentErrors());
    p.setMaxPoolSize(8);
    try {
      p.initialize();
    } catch (ComponentInitializationException e) {
      throw new IllegalStateException("the secure XML parser pool could not be created", e);
    }
    return p;
  }
}
