package dev.portico.processor;

import dev.portico.processor.Diagnostics.Problem;
import java.util.List;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Reads and checks what a class or method declares about its routes besides paths and parameters:
 * {@code @Consumes}, {@code @Produces}, {@code @RequiresScopes} and {@code @RequiresClaim}.
 */
final class RouteAttributes {
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+/[A-Za-z0-9!#$%&'*+.^_`|~-]+(\\s*;.*)?");

  private final Diagnostics diagnostics;

  RouteAttributes(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The element's {@code @Consumes}, each reported when not a media type; {@code null} if none. */
  List<String> consumes(Element element, String owner) {
    return mediaTypes(element, owner, PorticoAnnotation.CONSUMES);
  }

  /** The element's {@code @Produces}, reported when not a media type; {@code null} if none. */
  String produces(Element element, String owner) {
    List<String> produces = mediaTypes(element, owner, PorticoAnnotation.PRODUCES);
    return produces == null ? null : produces.get(0);
  }

  private List<String> mediaTypes(Element element, String owner, PorticoAnnotation annotation) {
    AnnotationMirror mirror = annotation.on(element);
    if (mirror == null) {
      return null;
    }
    List<String> mediaTypes =
        annotation == PorticoAnnotation.PRODUCES
            ? java.util.Collections.singletonList(PorticoAnnotation.string(mirror, "value"))
            : PorticoAnnotation.strings(mirror, "value");
    for (String mediaType : mediaTypes) {
      if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
        diagnostics.error(
            element,
            mirror,
            PorticoAnnotation.member(mirror, "value"),
            Problem.BAD_MEDIA_TYPE,
            owner
                + ": "
                + annotation.display()
                + " '"
                + mediaType
                + "' is not a media type such as "
                + (annotation == PorticoAnnotation.CONSUMES ? "text/csv or text/*" : "text/csv"),
            annotation,
            mediaType);
      }
    }
    return mediaTypes;
  }

  /**
   * Adds an element's {@code @RequiresScopes} and {@code @RequiresClaim} to the lists, reporting
   * each misuse on the element.
   */
  void requirements(
      Element element, String owner, List<String> scopes, List<RouteModel.RequiredClaim> claims) {
    AnnotationMirror requiresScopes = PorticoAnnotation.REQUIRES_SCOPES.on(element);
    if (requiresScopes != null) {
      List<String> declared = PorticoAnnotation.strings(requiresScopes, "value");
      if (declared.isEmpty()) {
        diagnostics.error(
            element,
            requiresScopes,
            null,
            Problem.EMPTY_SCOPES,
            owner
                + ": @RequiresScopes lists no scopes; name at least one, e.g."
                + " @RequiresScopes(\"pets:write\")");
      }
      for (String scope : declared) {
        if (scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
          diagnostics.error(
              element,
              requiresScopes,
              PorticoAnnotation.member(requiresScopes, "value"),
              Problem.BAD_SCOPE,
              owner
                  + ": @RequiresScopes '"
                  + scope
                  + "' is not a scope: scopes are non-empty and contain no spaces",
              scope);
        } else if (!scopes.contains(scope)) {
          scopes.add(scope);
        }
      }
    }
    AnnotationMirror requiresClaim = PorticoAnnotation.REQUIRES_CLAIM.on(element);
    if (requiresClaim == null) {
      return;
    }
    String name = PorticoAnnotation.string(requiresClaim, "name");
    List<String> anyOf = PorticoAnnotation.strings(requiresClaim, "anyOf");
    if (name == null || name.isBlank()) {
      diagnostics.error(
          element,
          requiresClaim,
          PorticoAnnotation.member(requiresClaim, "name"),
          Problem.EMPTY_CLAIM_NAME,
          owner + ": @RequiresClaim has an empty name; name the claim, e.g. \"groups\"");
      return;
    }
    if (anyOf.isEmpty()) {
      diagnostics.error(
          element,
          requiresClaim,
          PorticoAnnotation.member(requiresClaim, "anyOf"),
          Problem.EMPTY_CLAIM_VALUES,
          owner
              + ": @RequiresClaim(name = \""
              + name
              + "\") lists no values in anyOf; name the accepted values",
          name);
      return;
    }
    for (String value : anyOf) {
      if (value.isBlank()) {
        diagnostics.error(
            element,
            requiresClaim,
            PorticoAnnotation.member(requiresClaim, "anyOf"),
            Problem.EMPTY_CLAIM_VALUE,
            owner + ": @RequiresClaim(name = \"" + name + "\") has an empty value in anyOf",
            name);
        return;
      }
    }
    claims.add(new RouteModel.RequiredClaim(name, List.copyOf(anyOf)));
  }
}
