package dev.portico.local.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.api.EventSource;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a handler: test methods and constructors may declare a {@link
 * LocalClient} parameter (the handler is created once per class and stays warm), or a {@code
 * LocalGateway} parameter when {@link #template()} names a SAM template (started once per class on
 * a free port).
 *
 * <pre>{@code
 * @PorticoTest(handler = PetHandler.class)
 * class PetTest {
 *   @Test
 *   void getsAPet(LocalClient client) {
 *     client.get("/pets/1").send().assertStatus(200).assertJson("/name", "Rex");
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PorticoExtension.class)
public @interface PorticoTest {
  /** The handler class, created with its no-argument constructor. */
  Class<? extends RequestStreamHandler> handler() default RequestStreamHandler.class;

  /** The event source the injected client sends. */
  EventSource source() default EventSource.API_GATEWAY_V1;

  /** A SAM template path (relative to the working directory) to serve with a local gateway. */
  String template() default "";
}
