package dev.portico.authorizer.jwt.internal;

import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.internal.tree.Trees;
import dev.portico.authorizer.jwt.JwtRejectedException;
import dev.portico.authorizer.jwt.Rejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test helpers for the split-out JWT checks: a JSON object as a tree, and one rejection. */
final class ClaimNodes {

  private ClaimNodes() {}

  /** Parses JSON written with single quotes for readability. */
  static Node json(String singleQuoted) {
    try {
      return Trees.json(singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertRejected(ThrowingCallable call, Rejection rejection, String message) {
    Assertions.assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            JwtRejectedException.class,
            e -> Assertions.assertThat(e.rejection()).isEqualTo(rejection))
        .hasMessage(message);
  }
}
