#!/usr/bin/env bash
# One row of the issue 10 "before / after" comparison (docs/performance.md, "Redesign (issue 10)"):
# the petstore's GET /pets/1 cold start (fresh C1 JVMs, interleaved with the jackson-core floor and
# the hand-written ObjectMapper baseline) and the warm JMH handler benchmarks, measured the same
# way on whatever commit is checked out.
#
#   benchmarks/before-after.sh before          # measured on main 8e23e19, before the redesign
#   benchmarks/before-after.sh after           # the lead, after merging the redesign
#   RUNS=10 SKIP_BUILD=1 benchmarks/before-after.sh after-recheck
#   SKIP_JMH=1 ...                              # cold start only
#
# On a loaded machine, compare before and after in the SAME run: build the before deployable in a
# worktree and pass it; it is measured interleaved with the others as "portico-before":
#   git worktree add /tmp/portico-before 8e23e19
#   (cd /tmp/portico-before && mvn -B -q -pl samples/petstore -am package -DskipTests)
#   BEFORE_PORTICO_JAR=/tmp/portico-before/samples/petstore/target/petstore-lambda.jar \
#       benchmarks/before-after.sh after
#
# Writes benchmarks/results/<UTC date>-redesign-<label>.md: commit, load average (uptime) before and
# after each part, the cold-start table and JMH's summary. The machine is shared: compare rows only
# with their own interleaved ratios (portico / floor, portico / baseline), not absolute times taken
# under different loads.
set -euo pipefail
cd "$(dirname "$0")/.."

label="${1:?usage: benchmarks/before-after.sh LABEL (e.g. before, after)}"
runs="${RUNS:-20}"
out="benchmarks/results/$(date -u +%Y-%m-%d)-redesign-${label}.md"
work="benchmarks/target/before-after-${label}"
mkdir -p "$work"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi

{
  echo "# Redesign (issue 10): ${label}"
  echo
  echo "Commit \`$(git rev-parse --short HEAD)\` ($(git log -1 --format=%s | cut -c1-100)),"
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs, $(java -version 2>&1 | head -1)."
  echo
  echo "Command: \`benchmarks/before-after.sh ${label}\` (RUNS=${runs})."
  echo
  echo "## Cold start: GET /pets/1, ${runs} fresh C1 JVMs per variant, interleaved"
  echo
  echo "Load average before: \`$(uptime)\`"
  echo
} >"$out"

variants=baseline,floor,portico
extra=()
if [[ -n "${BEFORE_PORTICO_JAR:-}" ]]; then
  cp "$BEFORE_PORTICO_JAR" benchmarks/target/variants/portico-before.jar
  variants+=,portico-before
  extra=(--extra portico-before=portico-before.jar=dev.portico.samples.petstore.PetHandler)
  echo "Interleaved with \`portico-before\`: $BEFORE_PORTICO_JAR." >>"$out"
  echo >>"$out"
fi
java -cp benchmarks/target/benchmarks.jar dev.portico.benchmarks.coldstart.ColdStartBench \
  --runs "$runs" --variants "$variants" --modes plain --out "$work/cold-start.md" "${extra[@]}"
# The driver's table, without its own title lines.
sed -n '/^## Mode/,$p' "$work/cold-start.md" >>"$out"

if [[ "${SKIP_JMH:-0}" == 1 ]]; then
  echo "Load average after: \`$(uptime)\`" >>"$out"
  echo "written to $out (SKIP_JMH=1: no warm figures)"
  exit 0
fi

{
  echo "Load average after: \`$(uptime)\`"
  echo
  echo "## Warm: HandlerBenchmark (JMH, -f 1 -wi 3 -i 5 -w 1s -r 1s), ns/op"
  echo
  echo "Load average before: \`$(uptime)\`"
  echo
  echo '```'
} >>"$out"

java -jar benchmarks/target/benchmarks.jar HandlerBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s \
  -rf text -rff "$work/jmh.txt" >"$work/jmh.log" 2>&1
cat "$work/jmh.txt" >>"$out"

{
  echo '```'
  echo
  echo "Load average after: \`$(uptime)\`"
} >>"$out"
echo "written to $out"
