package dev.portico.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registry selection fails closed: no silent fallback to memory in a deployment. */
class ChatSettingsTest {
  @Test
  void memoryIsTheJvmWideRegistry() {
    assertThat(ChatSettings.from(Map.of("CONNECTION_STORE", "memory")).registry())
        .isSameAs(ChatSettings.localRegistry());
  }

  @Test
  void missingOrUnknownStoreStopsInitNamingTheVariable() {
    assertThatThrownBy(() -> ChatSettings.from(Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "CONNECTION_STORE must be 'dynamodb' (deployed) or 'memory' (lambda-local); got null");
    assertThatThrownBy(() -> ChatSettings.from(Map.of("CONNECTION_STORE", "Memory")))
        .hasMessage(
            "CONNECTION_STORE must be 'dynamodb' (deployed) or 'memory' (lambda-local); got"
                + " Memory");
  }

  @Test
  void dynamodbWithoutTableStopsInitNamingTheVariable() {
    assertThatThrownBy(() -> ChatSettings.from(Map.of("CONNECTION_STORE", "dynamodb")))
        .hasMessage(
            "CONNECTIONS_TABLE must name the connections table when CONNECTION_STORE is dynamodb");
  }
}
