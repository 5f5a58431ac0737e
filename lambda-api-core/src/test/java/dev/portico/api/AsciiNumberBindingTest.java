package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.runtime.Param;
import dev.portico.api.runtime.ParamSource;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9, finding 8: numbers bind from ASCII only, exactly as sent. {@code /pets/2%00} used to
 * return pet 2 (the NUL trimmed away) and {@code limit=١} (an Arabic-Indic digit) parsed as 1.
 */
class AsciiNumberBindingTest {
  private static final AtomicInteger CALLS = new AtomicInteger();
  private static final Api API;

  static {
    Api.Builder b = Api.builder();
    Param<Long> id = b.param("get", ParamSource.PATH, "id", long.class, null, false);
    b.get("/pets/{id}", r -> "pet " + id.get(r) + " " + CALLS.incrementAndGet());
    Class<?>[] types = {
      int.class,
      long.class,
      short.class,
      byte.class,
      BigInteger.class,
      BigDecimal.class,
      double.class,
      float.class,
      Integer.class,
      Double.class
    };
    for (Class<?> type : types) {
      Param<?> query = b.param("n", ParamSource.QUERY, "n", type, null, false);
      b.get("/query/" + type.getSimpleName(), r -> String.valueOf(query.get(r)));
      Param<?> header = b.param("n", ParamSource.HEADER, "X-N", type, null, false);
      b.get("/header/" + type.getSimpleName(), r -> String.valueOf(header.get(r)));
      Param<?> cookie = b.param("n", ParamSource.COOKIE, "n", type, null, false);
      b.get("/cookie/" + type.getSimpleName(), r -> String.valueOf(cookie.get(r)));
    }
    Param<Integer> list = b.param("l", ParamSource.HEADER, "X-L", int.class, null, false);
    b.get("/list", r -> String.valueOf(list.all(r)));
    API = b.build();
  }

  private static ProxyResponse send(TestRequest request, EventSource source) {
    return Fixtures.send(API, request, source);
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(
      value = EventSource.class,
      names = {"API_GATEWAY_V1", "FUNCTION_URL", "ALB", "ALB_MULTI_VALUE"})
  void encodedNulAfterAnIdIsRefusedNotTrimmedIntoAnotherPet(EventSource source) {
    int before = CALLS.get();
    ProxyResponse response = send(TestRequest.get("/pets/2%00"), source);
    assertThat(response.status()).isEqualTo(400);
    assertThat(CALLS).hasValue(before);
    assertThat(send(TestRequest.get("/pets/2"), source).bodyAsString()).startsWith("pet 2 ");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void arabicIndicDigitInLimitIs400(EventSource source) {
    ProxyResponse response = send(TestRequest.get("/query/int?n=" + q("١")), source);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText())
        .isEqualTo("Query parameter 'n' must be an int; got '١'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "int",
        "long",
        "short",
        "byte",
        "BigInteger",
        "BigDecimal",
        "double",
        "float",
        "Integer",
        "Double"
      })
  void everyNumericTypeRefusesNonAsciiDigitsAndControlCharactersInEverySource(String type) {
    String[] refused = {
      "١", "５", "2\u0000", "2\t", " 2", "2 ", "\u00002", "2\n", "", "+", "-", "0x10", "1_000"
    };
    for (String value : refused) {
      assertThat(send(TestRequest.get("/query/" + type + "?n=" + q(value)), EventSource.ALB))
          .as("query %s %s", type, value)
          .extracting(ProxyResponse::status)
          .isEqualTo(400);
      if (!value.contains("\n") && !value.isEmpty()) {
        assertThat(
                send(
                    TestRequest.get("/header/" + type).header("X-N", value),
                    EventSource.API_GATEWAY_V1))
            .as("header %s %s", type, value)
            .extracting(ProxyResponse::status)
            .isEqualTo(400);
      }
      if (!value.isEmpty() && value.indexOf(';') < 0) {
        assertThat(
                send(
                    TestRequest.get("/cookie/" + type).header("Cookie", "n=" + value + "x"),
                    EventSource.API_GATEWAY_V1))
            .as("cookie %s %s", type, value)
            .extracting(ProxyResponse::status)
            .isEqualTo(400);
      }
    }
    assertThat(send(TestRequest.get("/query/" + type + "?n=" + q("+7")), EventSource.ALB).status())
        .isEqualTo(200);
    assertThat(
            send(TestRequest.get("/header/" + type).header("X-N", "-7"), EventSource.API_GATEWAY_V2)
                .status())
        .isEqualTo(200);
    assertThat(
            send(
                    TestRequest.get("/cookie/" + type).header("Cookie", "n=12"),
                    EventSource.API_GATEWAY_V1)
                .bodyAsString())
        .startsWith("12");
  }

  @Test
  void decimalsAcceptAsciiDecimalSyntaxOnly() {
    for (String ok : new String[] {"1.5", "-0.25", ".5", "5.", "1e3", "1.5E-3", "+2"}) {
      assertThat(send(TestRequest.get("/query/double?n=" + q(ok)), EventSource.ALB).status())
          .as(ok)
          .isEqualTo(200);
      assertThat(send(TestRequest.get("/query/BigDecimal?n=" + q(ok)), EventSource.ALB).status())
          .as(ok)
          .isEqualTo(200);
    }
    for (String bad :
        new String[] {"NaN", "Infinity", "1d", "1f", "0x1p3", "1e", ".", "1..2", "١.٥"}) {
      assertThat(send(TestRequest.get("/query/double?n=" + q(bad)), EventSource.ALB).status())
          .as(bad)
          .isEqualTo(400);
      assertThat(send(TestRequest.get("/query/BigDecimal?n=" + q(bad)), EventSource.ALB).status())
          .as(bad)
          .isEqualTo(400);
    }
  }

  @Test
  void headerListElementsLoseSpacesAndTabsOnlyNotControlCharacters() {
    assertThat(
            send(TestRequest.get("/list").header("X-L", " 1,\t2 , 3"), EventSource.API_GATEWAY_V1)
                .bodyAsString())
        .isEqualTo("[1, 2, 3]");
    ProxyResponse nul =
        send(TestRequest.get("/list").header("X-L", "1,\u00002"), EventSource.API_GATEWAY_V1);
    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.json().path("detail").asText())
        .isEqualTo("Header 'X-L' must be an int; got '\u00002'");
  }
}
