package dev.portico.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

class CracHookTest {
  static final AtomicInteger PRIMED = new AtomicInteger();

  static final class Handler extends ApiHandler {
    Handler() {
      super(Api.builder().get("/x", r -> "x").build());
    }

    @Override
    protected void prime() {
      PRIMED.incrementAndGet();
      super.prime();
    }
  }

  @Test
  void aHandlerRegistersACheckpointResourceThatPrimesIt() throws Exception {
    int before = Priming.hooks().size();
    System.setProperty("portico.crac", "true");
    try {
      new Handler();
    } finally {
      System.clearProperty("portico.crac");
    }
    List<Object> hooks = Priming.hooks();
    assertThat(hooks).hasSize(before + 1);
    // What the JVM calls before SnapStart takes its snapshot.
    ((Resource) hooks.get(hooks.size() - 1)).beforeCheckpoint(null);
    assertThat(PRIMED).hasValue(1);
  }

  @Test
  void onlySnapStartInitialisationRegistersTheHook() {
    int before = Priming.hooks().size();
    Priming.registerCheckpointHook(() -> {}, "on-demand", null);
    Priming.registerCheckpointHook(() -> {}, null, null);
    assertThat(Priming.hooks()).hasSize(before);
    Priming.registerCheckpointHook(() -> {}, "snap-start", null);
    assertThat(Priming.hooks()).hasSize(before + 1);
  }

  @Test
  void anOrdinaryColdStartRegistersNothing() {
    int before = Priming.hooks().size();
    new Handler();
    assertThat(Priming.hooks()).hasSize(before);
    assertThat(Checkpoint.expected()).isFalse();
  }
}
