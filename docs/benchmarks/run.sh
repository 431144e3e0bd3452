#!/usr/bin/env bash
# Reproduces the runs behind docs/benchmarks.md (one JSON file each, in docs/benchmarks/).
# From the repository root, after `mvn -B -q package -DskipTests`; about 35 minutes on 2 cores.
# The operator's image and chart set -Djava.util.concurrent.ForkJoinPool.common.parallelism=2;
# the runs without it show what it changes.
set -u
OUT=docs/benchmarks
run() {
  local name=$1 jvm=$2; shift 2
  echo "== $name: $jvm $*"
  # shellcheck disable=SC2086 # $jvm holds zero or more JVM options
  java -Xmx3g $jvm -jar target/integrations-operator.jar bench "$@" --out "$OUT/$name.json" > "$OUT/$name.log" 2>&1
  tail -1 "$OUT/$name.log"; rm -f "$OUT/$name.log"
}
run cold-restart-1000-mock     "" --resources 1000  --scenario cold,steady,rotation,restart
run cold-restart-1000-indexed  "" --resources 1000  --scenario cold,steady,rotation,restart --kube-api indexed
run cold-restart-10000-indexed "" --resources 10000 --scenario cold,steady,rotation,restart --kube-api indexed
run cold-restart-10000-mock    "" --resources 10000 --scenario cold,steady,rotation,restart
for mode in "--put-semantics merge" "--secret-mask full" "--secret-mask fixed-prefix" "--url-mask stars" \
    "--nonce-reuse refused" "--product OPS_MANAGER --empty-string ignored"; do
  tag=$(echo "$mode" | tr -d '-' | tr ' ' '-' | tr 'A-Z_' 'a-z-')
  run "restart-1000-$tag" "" --resources 1000 --scenario restart --kube-api indexed $mode
  run "restart-10000-$tag" "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2" \
      --resources 10000 --scenario restart --kube-api indexed $mode
done
run startup-1000-cds "" --resources 1000  --scenario startup --kube-api indexed --cds
run startup-10000    "" --resources 10000 --scenario startup --kube-api indexed
run memory-1000-unrelated          "" --resources 1000 --scenario memory --kube-api indexed --unrelated-secrets 5000
run memory-1000-watchns            "" --resources 1000 --scenario memory --kube-api indexed --watch-namespaces
run memory-1000-watchns-unrelated  "" --resources 1000 --scenario memory --kube-api indexed --watch-namespaces --unrelated-secrets 5000
run cold-restart-1000-indexed-fjp2  "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2" --resources 1000  --scenario cold,restart --kube-api indexed
run cold-restart-10000-indexed-fjp2 "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2" --resources 10000 --scenario cold,restart --kube-api indexed
run exp-c1-cold-1000-indexed   "-XX:TieredStopAtLevel=1" --resources 1000  --scenario cold,restart --kube-api indexed
run exp-c1-cold-10000-indexed  "-XX:TieredStopAtLevel=1" --resources 10000 --scenario cold,restart --kube-api indexed
run exp-warm-cold-1000-indexed "" --resources 1000 --scenario cold,restart --kube-api indexed --warmup 2000
