package dev.portico.api.internal;

import dev.portico.api.InternalServerErrorException;

/** A proxy response over what Lambda (6 MB) or an ALB (1 MB) accepts. */
final class ResponseTooLargeException extends InternalServerErrorException {
  private static final long serialVersionUID = 1L;

  /**
   * The exception, typed as a JDK superclass so that the class throwing it does not load this one
   * (and its superclasses) when it is verified, on every cold start (docs/performance.md, "Classes
   * on the cold path").
   */
  static RuntimeException of(int size, boolean alb) {
    return new ResponseTooLargeException(size, alb);
  }

  ResponseTooLargeException(int size, boolean alb) {
    super(
        alb
            ? "The response is larger than the 1 MB an Application Load Balancer accepts from Lambda"
            : "The response is larger than the 6 MB AWS Lambda allows",
        new IllegalStateException(
            "proxy response of "
                + size
                + " bytes, over the "
                + (alb ? "ALB 1 MB" : "Lambda 6 MB")
                + " limit"));
  }
}
