package dev.portico.benchmarks.jmh;

import com.amazonaws.services.lambda.runtime.Context;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.portico.api.testing.FakeContext;
import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.Authorizer;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.EventType;
import dev.portico.authorizer.config.AuthorizerConfig;
import dev.portico.authorizer.config.ConfiguredAuthorizerHandler;
import dev.portico.authorizer.policy.MethodArn;
import dev.portico.benchmarks.auth.BareJwtHandler;
import dev.portico.benchmarks.auth.LocalIssuer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Warm RS256 authorization with the JWKS already fetched: Portico's config-file JWT authorizer
 * against a bare java-jwt {@code JWTVerifier.verify}, both on the same token from a local issuer;
 * once for the decision alone and once stream to stream (TOKEN event in, IAM policy out).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar AuthorizerBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 *
 * <p>Logging is at WARN in the forked JVM: Portico's handler writes one INFO line per decision (an
 * audit trail the bare program does not have), and JMH's console is not Lambda's log sink. What
 * that line costs is measured separately in docs/performance.md.
 */
@Fork(jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuthorizerBenchmark {
  private LocalIssuer issuer;
  private String token;
  private BareJwtHandler bare;
  private Authorizer authorizer;
  private AuthorizationRequest request;
  private ConfiguredAuthorizerHandler handler;
  private byte[] event;
  private final Context context = FakeContext.create();

  /** Starts the issuer, builds both authorizers and fetches the keys once. */
  @Setup
  public void setUp() throws Exception {
    issuer = LocalIssuer.start(null);
    token = issuer.token();
    bare = new BareJwtHandler(issuer.url());
    Map<String, String> env = Map.of("ISSUER_URL", issuer.url());
    AuthorizerConfig config =
        AuthorizerConfig.parse("authorizer.yaml", LocalIssuer.authorizerConfig(), env::get);
    authorizer = config.authorizer();
    handler = new ConfiguredAuthorizerHandler(config);
    request =
        AuthorizationRequest.builder(
                EventType.TOKEN,
                MethodArn.parse(
                    "arn:aws:execute-api:us-east-1:123456789012:1234567890/prod/GET/pets/1"))
            .authorizationToken("Bearer " + token)
            .build();
    event = issuer.tokenEvent().getBytes(StandardCharsets.UTF_8);
    Decision first = authorizer.authorize(request);
    if (first.outcome() != Decision.Outcome.ALLOW) {
      throw new IllegalStateException("the benchmark token is not accepted: " + first);
    }
  }

  /** Stops the issuer. */
  @TearDown
  public void tearDown() {
    issuer.close();
  }

  /** java-jwt alone: signature, issuer, audience and time checks. */
  @Benchmark
  public DecodedJWT bareVerify() {
    return bare.verify(token);
  }

  /** Portico's JWT authorizer: validation plus the decision. */
  @Benchmark
  public Decision porticoAuthorize() throws Exception {
    return authorizer.authorize(request);
  }

  /** The bare program stream to stream. */
  @Benchmark
  public int bareHandler() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    bare.handleRequest(new ByteArrayInputStream(event), out, context);
    return out.size();
  }

  /** Portico's configured handler stream to stream. */
  @Benchmark
  public int porticoHandler() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    handler.handleRequest(new ByteArrayInputStream(event), out, context);
    return out.size();
  }
}
