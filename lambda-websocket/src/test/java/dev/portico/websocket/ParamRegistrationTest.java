package dev.portico.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.api.runtime.Param;
import dev.portico.api.runtime.ParamSource;
import org.junit.jupiter.api.Test;

/**
 * {@code WebSocketRoutes.param}, which generated {@code $connect} bindings call at init: the user's
 * converters first, then Portico's table; what nothing converts is a {@code build()} error naming
 * the method.
 */
class ParamRegistrationTest {
  /** A type without a text factory. */
  record Money(long cents) {}

  @Test
  void aRegisteredConverterIsAskedBeforePorticosTable() throws Exception {
    WebSocketApi.Builder builder =
        WebSocketApi.builder()
            .converter(
                type -> type == Money.class ? text -> new Money(Long.parseLong(text) * 100) : null);
    Param<Money> money =
        builder.param("Shop.c(Money m)", ParamSource.QUERY, "m", Money.class, "2", false);

    assertThat(money.fromText("3")).isEqualTo(new Money(300));
    assertThat(money.fromText(null)).isEqualTo(new Money(200));
    builder.route("$default", request -> null).build();
  }

  @Test
  void aTypeNothingConvertsAndABadDefaultAreBuildErrorsNamingTheMethod() {
    WebSocketApi.Builder builder = WebSocketApi.builder();
    builder.param("Shop.c(Money m)", ParamSource.HEADER, "X-Money", Money.class, null, false);
    builder.param("Shop.d(int n)", ParamSource.QUERY, "n", int.class, "ten", false);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Invalid WebSocket API (2 problems):\n"
                + "  Shop.c(Money m): no ParamConverter for dev.portico.websocket"
                + ".ParamRegistrationTest$Money (header 'X-Money'); register one with"
                + " WebSocketApi.builder().converter(...)\n"
                + "  Shop.d(int n): @DefaultValue(\"ten\") of query parameter 'n' is not a valid"
                + " int");
  }
}
