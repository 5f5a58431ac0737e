package dev.portico.local.internal.gateway;

/**
 * An answer the gateway generates itself instead of the function's: the status, the JSON body and
 * the {@code x-amzn-ErrorType} header. The one shape of an error answer: the flavours' integration
 * errors, timeouts and unknown routes ({@link ApiFlavour}) and the authorizers' denials ({@code
 * AuthorizerAnswers}) are all written as one, and {@code GatewayResponses} sends it.
 *
 * <pre>{@code
 * ErrorAnswer noRoute = new ErrorAnswer(404, "{\"message\":\"Not Found\"}", null);
 * }</pre>
 *
 * @param status the status code
 * @param body the JSON body
 * @param errorType the {@code x-amzn-ErrorType} header, or {@code null} for none
 */
public record ErrorAnswer(int status, String body, String errorType) {

  /** The same answer without its {@code x-amzn-ErrorType} header. */
  public ErrorAnswer withoutErrorType() {
    return errorType == null ? this : new ErrorAnswer(status, body, null);
  }
}
