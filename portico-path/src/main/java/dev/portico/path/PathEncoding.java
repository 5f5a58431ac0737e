package dev.portico.path;

/**
 * How the path of an event is spelled when it reaches Lambda.
 *
 * <p>API Gateway REST APIs ({@code path}), Lambda function URLs ({@code rawPath}) and Application
 * Load Balancers ({@code path}) pass the path percent-encoded as the client sent it. HTTP APIs
 * decode it before routing and pass the decoded text (payload 1.0 {@code path} and 2.0 {@code
 * rawPath} alike). A component that reads a path must say which of the two it holds, because the
 * same text means different things: {@code %41} is the letter {@code A} in an encoded path and
 * three characters in a decoded one.
 */
public enum PathEncoding {
  /** Percent-encoded as the client spelled it: REST API, function URL, ALB. */
  PERCENT_ENCODED,
  /** Already decoded by the gateway: HTTP API payload 1.0 and 2.0. {@code %} is data. */
  DECODED
}
