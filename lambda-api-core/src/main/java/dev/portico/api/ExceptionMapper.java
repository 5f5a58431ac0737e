package dev.portico.api;

/**
 * Turns an exception into a response. The mapper registered for the most specific superclass of a
 * thrown exception wins.
 *
 * <pre>{@code
 * Api.builder().exceptionMapper(OptimisticLockException.class,
 *     (e, request) -> Response.status(409).withBody(Problem.of(409, "the pet changed meanwhile")))
 * }</pre>
 *
 * @param <E> the exception type handled
 */
@FunctionalInterface
public interface ExceptionMapper<E extends Throwable> {
  /** The response for this exception. */
  Response<?> toResponse(E exception, Request request) throws Exception;
}
