#!/usr/bin/env bash
# Load test of the petstore served by the local gateway: GET /pets/1 with wrk on 127.0.0.1.
# Usage: samples/petstore/load-test.sh [seconds] [connections]   (after `mvn -B -q install -DskipTests`)
# Needs wrk (Debian: apt-get install -y wrk). Bounded: one warm-up and one measured run, then stops.
set -euo pipefail
DURATION="${1:-30}"
CONNECTIONS="${2:-16}"
PORT="${PORT:-3999}"
HERE="$(cd "$(dirname "$0")" && pwd)"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

CP_FILE="$(mktemp)"
(cd "$HERE" && mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null)
java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.log.org.eclipse.jetty=warn \
  -cp "$HERE/target/classes:$(cat "$CP_FILE")" \
  dev.portico.local.LocalGateway "$HERE/template.yaml" --port "$PORT" --quiet &
GATEWAY=$!
trap 'kill "$GATEWAY" 2>/dev/null; rm -f "$CP_FILE"' EXIT

for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/pets/1" && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$PORT/pets/1" >/dev/null

echo "warm-up: 10 s"
wrk -t2 -c"$CONNECTIONS" -d10s "http://127.0.0.1:$PORT/pets/1" >/dev/null
echo "measured: ${DURATION} s, ${CONNECTIONS} connections, GET /pets/1"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT/pets/1"
echo "cores: $(nproc)"
