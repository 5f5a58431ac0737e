// Issue 13's Node.js peer of the config-file JWT authorizer, run by the cold-start driver in a
// fresh process: `node authorizer.mjs EVENT_FILE`, with ISSUER_URL set (and ISSUER_JWKS for the
// static-key variant). It does what the Java
// variants do on a cold start, the same way: reads the TOKEN event, loads aws-jwt-verify, fetches
// the issuer's discovery document and then its JWKS from jwks_uri (once), verifies the RS256
// token (issuer, audience, exp/nbf) and answers an IAM policy, or "Unauthorized".
//
// It prints the driver's protocol: one RESULT line (times in microseconds since the script began,
// peak RSS from /proc/self/status) and then the RESPONSE line, and exits without waiting.
import { readFileSync } from "node:fs";

const start = process.hrtime.bigint();
const us = (t) => Number((t - start) / 1000n);
const event = JSON.parse(readFileSync(process.argv[2], "utf8"));
const read = process.hrtime.bigint();

const { JwtRsaVerifier } = await import("aws-jwt-verify");
const { SimpleJwksCache } = await import("aws-jwt-verify/jwk");
const issuer = process.env.ISSUER_URL;
// With ISSUER_JWKS (the static-key variant), the issuer's JWKS is given, as the Java variants'
// jwt.jwks is: aws-jwt-verify's cacheJwks, and nothing is fetched.
const staticJwks = process.env.ISSUER_JWKS ? JSON.parse(process.env.ISSUER_JWKS) : null;
const discovery = staticJwks
  ? { jwks_uri: `${issuer}/jwks.json` }
  : await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
// aws-jwt-verify's own fetcher speaks https only: over https (the https variant, its certificate
// trusted through NODE_EXTRA_CA_CERTS) it fetches the JWKS itself, as it would in Lambda; for the
// plain-http issuer on 127.0.0.1 the JWKS cache gets Node's built-in fetch (the client the
// discovery call above uses). Parsing, caching and verification stay aws-jwt-verify's.
const fetcher = {
  async fetch(uri) {
    const res = await fetch(uri);
    if (res.status !== 200) throw new Error(`${uri} answered ${res.status}`);
    return res.arrayBuffer();
  },
};
const verifier = JwtRsaVerifier.create(
  { issuer, audience: "pets-api", jwksUri: discovery.jwks_uri },
  issuer.startsWith("https:") ? undefined : { jwksCache: new SimpleJwksCache({ fetcher }) },
);
if (staticJwks) {
  verifier.cacheJwks(staticJwks);
} else {
  await verifier.hydrate(); // the JWKS, fetched once, as the Java variants do at their start
}
const init = process.hrtime.bigint();

let response;
const header = typeof event.authorizationToken === "string" ? event.authorizationToken : "";
try {
  if (!header.startsWith("Bearer ")) throw new Error("no bearer token");
  const payload = await verifier.verify(header.substring(7));
  response = {
    principalId: payload.sub,
    policyDocument: {
      Version: "2012-10-17",
      Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: event.methodArn }],
    },
    context: { scope: payload.scope, email: payload.email },
  };
} catch {
  response = "Unauthorized";
}
const done = process.hrtime.bigint();

const hwm = /VmHWM:\s*(\d+)/.exec(readFileSync("/proc/self/status", "utf8"));
process.stdout.write(
  `RESULT init_us=${us(init) - us(read)} prime_us=0 first_us=${Number((done - init) / 1000n)}` +
    ` main_to_response_us=${us(done) - us(read)} hwm_kb=${hwm ? hwm[1] : -1}\n` +
    `RESPONSE ${JSON.stringify(response)}\n`,
  () => process.exit(0),
);
