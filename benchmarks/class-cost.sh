#!/usr/bin/env bash
# What one class costs a cold start (docs/performance.md, "What one class costs"): the floor
# handler, and the floor handler after it loads and calls 40 generated classes of three sizes
# (one trivial method, about 240 bytes; 12 methods, about 2.7 KB; 48 methods, about 9.4 KB).
# The difference in "first request" between each variant and the floor is the cost of 40 classes.
#
#   benchmarks/class-cost.sh                 # after mvn -B -q -pl benchmarks -am package -DskipTests
#   benchmarks/class-cost.sh --runs 60
#
# Writes benchmarks/target/class-cost/cold-start.md. Needs javac and zip.
set -euo pipefail
cd "$(dirname "$0")/.."
variants=benchmarks/target/variants
work=benchmarks/target/class-cost
rm -rf "$work" && mkdir -p "$work"

method() { # a method of about 220 bytes of bytecode
  cat <<JAVA
  public int m$1(String s, int x) {
    if (s == null) { return x; }
    int h = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '/' || c == '%') { h = h * 31 + x; } else { h += c; }
    }
    return new StringBuilder(s).append(x).append(h).length() + h;
  }
JAVA
}

generate() { # package, methods per class, handler name
  local pkg=$1 methods=$2 handler=$3 dir="$work/src/$1"
  mkdir -p "$dir"
  for i in $(seq 0 39); do
    {
      echo "package $pkg;"
      echo "public final class C$i {"
      if [[ $methods == 0 ]]; then
        echo "  public static int touch() { return $i; }"
      else
        echo "  public static int touch() { return new C$i().m0(\"a\", $i); }"
        for m in $(seq 0 $((methods - 1))); do method "$m"; done
      fi
      echo "}"
    } > "$dir/C$i.java"
  done
  {
    echo "package $pkg;"
    echo "public final class $handler implements com.amazonaws.services.lambda.runtime.RequestStreamHandler {"
    echo "  private final com.amazonaws.services.lambda.runtime.RequestStreamHandler floor ="
    echo "      new dev.portico.benchmarks.baseline.FloorHandler();"
    echo "  static int n;"
    echo "  @Override public void handleRequest(java.io.InputStream in, java.io.OutputStream out,"
    echo "      com.amazonaws.services.lambda.runtime.Context context) throws java.io.IOException {"
    for i in $(seq 0 39); do echo "    n += C$i.touch();"; done
    echo "    floor.handleRequest(in, out, context);"
    echo "  }"
    echo "}"
  } > "$dir/$handler.java"
  mkdir -p "$work/classes-$pkg" "$work/jar-$pkg"
  javac --release 17 -XDstringConcat=inline -cp "$variants/floor.jar" -d "$work/classes-$pkg" "$dir"/*.java
  (cd "$work/jar-$pkg" && unzip -q ../../variants/floor.jar && cp -r "../classes-$pkg/$pkg" . \
    && zip -q -r "../../variants/floor-$pkg.jar" .)
}

generate tiny 0 Tiny
generate medium 12 Medium
generate large 48 Large

args=("$@")
[[ ${#args[@]} -eq 0 ]] && args=(--runs 40)
SKIP_BUILD=1 SKIP_NODE=1 benchmarks/cold-start.sh "${args[@]}" --modes plain \
  --variants floor,floor-tiny,floor-medium,floor-large \
  --extra floor-tiny=floor-tiny.jar=tiny.Tiny=floor,floor-medium=floor-medium.jar=medium.Medium=floor,floor-large=floor-large.jar=large.Large=floor \
  --out "$work/cold-start.md"
