#!/usr/bin/env bash
# Cold-start cost of Powertools logging and metrics in a Portico function: whole fresh JVMs, each
# creating one handler and answering one HTTP API event (ColdStartRun), interleaved
#   plain    GreetingApi          Portico + slf4j-simple
#   logging  JsonLoggingHandler   + Powertools logging (log4j2, JsonTemplateLayout)
#   metrics  MetricsHandler       + Powertools metrics (EMF) + slf4j-simple
# and reports, per variant, the median, min and max wall time (ms, the JVM's whole life) and the
# number of classes loaded (-Xlog:class+load).
#
#   mvn -B -q -pl samples/observability -am test-compile    # classes and class paths
#   samples/observability/cold-start.sh [runs, default 10]
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-10}
dir=target/cold-start
for f in plain logging metrics; do
  [[ -f $dir/$f.classpath ]] || { echo "missing $dir/$f.classpath: run mvn test-compile first" >&2; exit 2; }
done
own=target/classes:target/test-classes
declare -A cp=(
  [plain]="$own:$(cat $dir/plain.classpath):$dir/lib/slf4j-simple.jar"
  [logging]="$own:$(cat $dir/logging.classpath)"
  [metrics]="$own:$(cat $dir/metrics.classpath):$dir/lib/slf4j-simple.jar"
)
declare -A handler=(
  [plain]=dev.portico.samples.observability.GreetingApi
  [logging]=dev.portico.samples.observability.JsonLoggingHandler
  [metrics]=dev.portico.samples.observability.MetricsHandler
)
# What a function would have in Lambda; AWS_EMF_ENVIRONMENT=Lambda writes EMF to stdout (no agent).
# AWS_LAMBDA_INITIALIZATION_TYPE=on-demand is what Lambda sets: Powertools then reports the cold
# start (cold_start true in the log line, the ColdStart metric) as on a real first invocation.
export AWS_EMF_ENVIRONMENT=Lambda AWS_LAMBDA_INITIALIZATION_TYPE=on-demand POWERTOOLS_SERVICE_NAME=greetings \
  POWERTOOLS_METRICS_NAMESPACE=Portico/Samples
results=$dir/results.txt
: > "$results"
java -version 2>&1 | head -1
for ((i = 1; i <= runs; i++)); do
  for v in plain logging metrics; do
    start=$(date +%s%N)
    java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 \
      -Xlog:class+load=info:file=$dir/classes-$v.log \
      -cp "${cp[$v]}" dev.portico.samples.observability.ColdStartRun "${handler[$v]}" \
      > $dir/out-$v.txt 2>&1 || { echo "$v failed:" >&2; cat $dir/out-$v.txt >&2; exit 1; }
    end=$(date +%s%N)
    echo "$v $(((end - start) / 1000000)) $(wc -l < $dir/classes-$v.log)" >> "$results"
  done
done
printf '%-8s %6s %6s %6s %8s\n' variant median min max classes
for v in plain logging metrics; do
  grep "^$v " "$results" | sort -k2 -n | awk -v v=$v '
    { t[NR] = $2; c = $3 }
    END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2;
          printf "%-8s %6d %6d %6d %8d\n", v, m, t[1], t[NR], c }'
done
