package dev.portico.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;

/** A handler whose constructor fails, so the runtime reports an init error. */
public final class FailingInitHandler implements RequestStreamHandler {
  /** Always fails. */
  public FailingInitHandler() {
    throw new IllegalStateException("no database configured");
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) {
    throw new AssertionError("never called");
  }
}
