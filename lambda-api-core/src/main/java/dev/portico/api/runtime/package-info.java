/**
 * Support for the code {@code lambda-api-processor} generates. Stable for generated code, but not
 * meant to be called by hand.
 *
 * <pre>{@code
 * long id = idParam.get(request); // what a generated handler does per parameter
 * }</pre>
 */
package dev.portico.api.runtime;
