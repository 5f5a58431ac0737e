package dev.portico.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.api.Authorization;
import dev.portico.api.internal.codec.SyntheticRequest;
import org.junit.jupiter.api.Test;

class TestRequestTest {

  @Test
  void ofHasTheDefaultsOfTheInternalRequest() {
    TestRequest request = TestRequest.of("get", "/pets?limit=2");
    SyntheticRequest internal = SyntheticRequest.of("GET", "/pets?limit=2");
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.sourceIp()).isEqualTo(internal.sourceIp()).isEqualTo("203.0.113.7");
    assertThat(request.stage()).isEqualTo("$default");
    assertThat(request.requestId()).isEqualTo(SyntheticRequest.DEFAULT_REQUEST_ID);
    assertThat(request.requestTimeEpochMillis()).isEqualTo(1_700_000_000_000L);
    assertThat(request.authorization()).isEqualTo(Authorization.NONE);
    assertThat(request.headers()).isEmpty();
    assertThat(request.body()).isEmpty();
    assertThat(request.resource()).isNull();
    assertThat(request.domainName()).isNull();
  }

  @Test
  void pathQueryAndHeadersAreReadAsTheInternalRequestReadsThem() {
    TestRequest request =
        TestRequest.get("/pets/a%2Fb?x=1&y").header("X-One", "1").header("x-one", "2");
    assertThat(request.path()).isEqualTo("/pets/a%2Fb");
    assertThat(request.rawQuery()).isEqualTo("x=1&y");
    assertThat(request.header("X-ONE")).isEqualTo("1");
    assertThat(request.header("X-Two")).isNull();
    assertThat(TestRequest.get("/pets").rawQuery()).isEmpty();
    assertThat(TestRequest.get("/pets?").path()).isEqualTo("/pets");
  }

  @Test
  void targetWithoutSlashIsRefusedWithItsText() {
    assertThatThrownBy(() -> TestRequest.of("GET", "pets"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target must start with '/': pets");
  }
}
