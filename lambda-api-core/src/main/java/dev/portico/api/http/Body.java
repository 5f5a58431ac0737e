package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the request body: JSON into records, POJOs, {@code List} or {@code Map} with the API's
 * ObjectMapper; raw into {@code String} or {@code byte[]}.
 *
 * <pre>{@code
 * @POST public Response<Pet> create(@Body NewPet pet) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER})
public @interface Body {}
