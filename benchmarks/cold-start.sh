#!/usr/bin/env bash
# Cold start of every variant, a fresh JVM per run (see docs/performance.md).
#
#   benchmarks/cold-start.sh                                   # build, then 15 runs, all modes
#   benchmarks/cold-start.sh --runs 20 --variants baseline,portico --modes plain
#   SKIP_BUILD=1 benchmarks/cold-start.sh ...                  # reuse benchmarks/target
#   CONTAINERS=0 benchmarks/cold-start.sh ...                  # without the Spring/Jersey variants
#   SKIP_NODE=1 benchmarks/cold-start.sh ...                   # without installing the Node.js peer
#
# Groups (docs/performance.md): --variants baseline,floor,portico (API);
# bare-jwt,jwt-floor,jwt-authorizer,authorizer-only,oauth2-introspection,saml,node-aws-jwt-verify
# (authorizers; ratios against bare-jwt); jwt-floor-https,jwt-authorizer-https,
# node-aws-jwt-verify-https (the issuer over https; ratios against jwt-floor-https); connections-jdk,connections-urlconnection,
# connections-apache5 (the WebSocket @connections client; ratios against connections-jdk).
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

# Issue 13's Node.js peer (node-aws-jwt-verify): aws-jwt-verify at the version pinned in
# benchmarks/node/package.json, installed with npm into target/variants/node-jwt/ (never globally).
# Skipped, with the variant, when node or npm is missing or SKIP_NODE=1.
node_dir=benchmarks/target/variants/node-jwt
if [[ "${SKIP_NODE:-0}" != 1 ]] && command -v node >/dev/null && command -v npm >/dev/null; then
  if [[ ! -d "$node_dir/node_modules/aws-jwt-verify" ]] \
      || ! cmp -s benchmarks/node/package.json "$node_dir/package.json"; then
    rm -rf "$node_dir.tmp" && mkdir -p "$node_dir.tmp"
    cp benchmarks/node/package.json "$node_dir.tmp/"
    if (cd "$node_dir.tmp" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error); then
      rm -rf "$node_dir" && mv "$node_dir.tmp" "$node_dir"
    else
      echo "npm install failed: node-aws-jwt-verify will be skipped" >&2
    fi
  fi
  [[ -d "$node_dir" ]] && cp benchmarks/node/authorizer.mjs "$node_dir/"
fi

args=("$@")
[[ ${#args[@]} -eq 0 ]] && args=(--runs 15 --modes plain,appcds,primed)
exec java -cp benchmarks/target/benchmarks.jar dev.portico.benchmarks.coldstart.ColdStartBench "${args[@]}"
