#!/usr/bin/env bash
# Cold start of every variant, a fresh JVM per run (see docs/performance.md).
#
#   benchmarks/cold-start.sh                                   # build, then 15 runs, all modes
#   benchmarks/cold-start.sh --runs 20 --variants baseline,portico --modes plain
#   SKIP_BUILD=1 benchmarks/cold-start.sh ...                  # reuse benchmarks/target
#   CONTAINERS=0 benchmarks/cold-start.sh ...                  # without the Spring/Jersey variants
#
# Writes benchmarks/target/cold-start.md (tables) and benchmarks/target/cold-start/ (AppCDS
# archives, class-load logs, each variant's stderr).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  profile=()
  [[ "${CONTAINERS:-1}" == 1 ]] && profile=(-Pcontainers)
  mvn -B -q -pl benchmarks -am package -DskipTests "${profile[@]}"
fi

args=("$@")
[[ ${#args[@]} -eq 0 ]] && args=(--runs 15 --modes plain,appcds,primed)
exec java -cp benchmarks/target/benchmarks.jar dev.portico.benchmarks.coldstart.ColdStartBench "${args[@]}"
