package dev.portico.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One annotated controller method: the routes it serves and how its parameters bind.
 *
 * @param method the controller method
 * @param owner how messages and route names call it, e.g. {@code PetController.get(long id)}
 * @param httpMethods {@code GET}, {@code POST}, ..., {@code ANY}: one route each
 * @param path the joined path template
 * @param bindings one per parameter, in order
 * @param consumes the media types the body may have; empty for any
 * @param produces the default response media type, or {@code null}
 * @param overloaded whether the controller has another method of that name and arity, so that
 *     generic calls need explicit type arguments
 * @param requiredScopes {@code @RequiresScopes} of the class chain and the method, all required
 * @param requiredClaims {@code @RequiresClaim} of the class chain and the method, each required
 */
record RouteModel(
    ExecutableElement method,
    String owner,
    List<String> httpMethods,
    String path,
    List<Binding> bindings,
    List<String> consumes,
    String produces,
    boolean overloaded,
    List<String> requiredScopes,
    List<RouteModel.RequiredClaim> requiredClaims) {

  /**
   * One {@code @RequiresClaim}.
   *
   * @param name the claim or context key
   * @param anyOf the accepted values
   */
  record RequiredClaim(String name, List<String> anyOf) {}
}
