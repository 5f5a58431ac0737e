package dev.portico.api.internal.codec;

import dev.portico.api.BadRequestException;
import dev.portico.api.EventSource;
import dev.portico.api.Nullable;
import java.util.List;
import java.util.Map;

/**
 * A proxy event reduced to what routing and binding need; produced by {@link EventReader}.
 *
 * @param source the detected event kind
 * @param method upper-case HTTP method
 * @param rawPath the path as the event carried it
 * @param segments the decoded path segments (no empty ones)
 * @param headers header values by name, case-insensitive keys
 * @param query decoded query parameters, in order
 * @param cookies cookies from the v2 {@code cookies} array or {@code Cookie} headers
 * @param stageVariables stage variables
 * @param body the body bytes (base64-decoded)
 * @param requestContext the event's requestContext
 * @param stage the stage name, or null
 * @param event the whole event bytes, for raw-event binding
 * @param invalid why the request is malformed (bad encoding), or null
 * @param version the event's {@code version} field, or null
 */
public record ParsedEvent(
    EventSource source,
    String method,
    String rawPath,
    List<String> segments,
    Map<String, List<String>> headers,
    Map<String, List<String>> query,
    Map<String, String> cookies,
    Map<String, String> stageVariables,
    byte[] body,
    RequestContext requestContext,
    @Nullable String stage,
    byte[] event,
    @Nullable BadRequestException invalid,
    @Nullable String version) {}
