#!/usr/bin/env bash
# Throughput and latency of the petstore sample served by lambda-local on 127.0.0.1, measured with
# wrk (Debian package `wrk`). Traffic goes to the loopback address only, for a bounded time.
#
#   benchmarks/load-test.sh                       # GET /pets/1 and GET /pets, 20 s each
#   DURATION=30s CONNECTIONS=32 benchmarks/load-test.sh /pets/1
#
# The gateway JVM runs with the flags `mvn -pl samples/petstore exec:exec` uses (C1 only, as on
# Lambda), with request logging off (--quiet).
set -euo pipefail
cd "$(dirname "$0")/.."

port="${PORT:-3077}"
duration="${DURATION:-20s}"
connections="${CONNECTIONS:-16}"
paths=("$@")
[[ ${#paths[@]} -eq 0 ]] && paths=(/pets/1 /pets)

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

mkdir -p benchmarks/target
classpath_file="$PWD/benchmarks/target/petstore-classpath.txt"
mvn -B -q -pl samples/petstore -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"

java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 \
  -cp "samples/petstore/target/classes:$(cat "$classpath_file")" \
  dev.portico.local.LocalGateway samples/petstore/template.yaml --port "$port" --quiet \
  > benchmarks/target/load-test-gateway.log 2>&1 &
gateway=$!
trap 'kill "$gateway" 2>/dev/null || true' EXIT

for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/pets/1" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/pets/1" >/dev/null || {
  echo "the gateway did not start; see benchmarks/target/load-test-gateway.log" >&2
  exit 1
}

echo "warm-up: 5 s on ${paths[0]}"
wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$port${paths[0]}" >/dev/null
for path in "${paths[@]}"; do
  echo "== GET $path: wrk -t2 -c$connections -d$duration --latency"
  wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port$path"
done
