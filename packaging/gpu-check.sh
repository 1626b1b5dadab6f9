#!/usr/bin/env bash
# One visit to a CUDA machine (python3 + torch 2.11 cu130, no Java), about 5 minutes on an H200 and never more than
# BUDGET_S (default 480 s): every step's time limit is cut to what is left, and each writes its file as it goes, so
# whatever finishes comes back:
#   1. device.txt    GPU, driver, torch, CPU count.
#   2. parity.txt    the fixture checks on the GPU: fp32 (1e-3 on every tensor, 32/32 greedy ids), fp16 (1e-2 on
#      parity-torch.txt  every tensor, logits included, same top-1), int8 (logits cosine >= 0.99, same top-1), with the
#                    GPU's default decode step (TorchScript: one libtorch call per token; its decode-step logits also
#                    held to the op-by-op step's, 'vs op-op') and then with libtorch op by op.
#   3. bench-7b.txt  LLaVA-1.5-7B's shape, random weights, fp16 then int8, both decode steps token for token in turn:
#      bench-7b.json load time, weights, KV cache, GPU memory in use, vision + prefill, decode ms/token (median)
#                    against the bandwidth floor (bytes a token reads / the GPU's read bandwidth, measured in the same
#                    run: sums over a 4 GiB float16 tensor), libtorch calls per token, matrix-vector floor.
#   4. load-7b.txt   the 7B loaded twice per precision: first load, load from the page cache, peak GPU memory.
#   5. cpu-small.txt if there is time left: the small shape on this machine's CPU, libtorch and Vector API kernels.
#
# Stage on the build machine (JDK 25, Maven; about 2 minutes, 48 MiB, under the 64 MiB a run may carry):
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 packaging/gpu-stage.sh
# (the default build, then ../shared/gpu/stage.sh into .gpu/ with java.instrument and jdk.incubator.vector added to
# its jlink modules; see that script). Smoke-test the bundle on the build machine's CPU with the stock libtorch:
#   TORCH_LIB=~/.djl.ai/pytorch/2.7.1-20250812-cpu-linux-x86_64 bash packaging/gpu-check.sh --cpu-smoke
# On the CUDA machine, from the checkout's root (results under $OUT, else gpu-results/):
#   bash packaging/gpu-check.sh [FIXTURES] [OUT]
set -u
if [ "${1:-}" = "--cpu-smoke" ]; then
  SMOKE=1
  shift
else
  SMOKE=0
fi
FIXTURES=${1:-}
if [ -z "$FIXTURES" ]; then
  for f in src/engine/src/test/fixtures shared/fixtures ../shared/fixtures; do
    if [ -f "$f/reference.safetensors" ] || [ -f "$f/reference.safetensors.index.json" ]; then FIXTURES=$f; break; fi
  done
fi
OUT=${2:-${OUT:-gpu-results}}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/adreview-bench-7b}
mkdir -p "$OUT"
bundle=$(cd .gpu && pwd) || { echo "no .gpu bundle here (stage it first: packaging/gpu-stage.sh)" >&2; exit 2; }
engine_jar=$(ls "$bundle"/lib/engine-*.jar | head -n 1)
# the engine jar is also the agent that counts libtorch calls per token; the Vector API is for the CPU steps
export JAVA_OPTS="${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -javaagent:$engine_jar --add-modules jdk.incubator.vector"
start=$(date +%s)
BUDGET_S=${BUDGET_S:-480}
left() { echo $(( BUDGET_S - ($(date +%s) - start) )); }

# step NAME LIMIT_S ARGS...: one desk command (its limit cut to the budget left), output and exit status in $OUT/NAME.txt
step() {
  local name=$1 limit=$2 t
  shift 2
  [ "$(left)" -lt "$limit" ] && limit=$(left)
  if [ "$limit" -lt 20 ]; then echo "skipped: out of time" > "$OUT/$name.txt"; return; fi
  t=$(date +%s)
  {
    echo "\$ ad-review-desk $*"
    date -u
    timeout "$limit" bash "$bundle/run.sh" adreview.app.Main "$@"
    echo "exit $? after $(( $(date +%s) - t )) s"
  } > "$OUT/$name.txt" 2>&1
  tail -n 3 "$OUT/$name.txt"
}

if [ "$SMOKE" = 1 ]; then
  # the bundle on this CPU: every command of the visit, on the tiny shape
  step smoke-parity 300 parity --device cpu --fixtures "$FIXTURES" --kernel script
  step smoke-bench 300 bench --device cpu --shape tiny --dir "${TMPDIR:-/tmp}/adreview-bench-tiny" \
      --precisions fp32,int8 --kernels torch,script,vector --decode-tokens 16 --prompt-tokens 600 \
      --json-file "$OUT/smoke-bench.json"
  step smoke-load 300 bench --device cpu --shape tiny --dir "${TMPDIR:-/tmp}/adreview-bench-tiny" \
      --precisions fp16,int8 --load-only
  exit 0
fi

{
  nvidia-smi --query-gpu=name,memory.total,memory.used,driver_version --format=csv,noheader
  python3 -c 'import torch; print("torch", torch.__version__, torch.version.cuda)'
  echo "cpus $(nproc)"; uptime; date -u
} > "$OUT/device.txt" 2>&1
cat "$OUT/device.txt"
if [ -n "$FIXTURES" ]; then
  step parity 150 parity --device gpu --fixtures "$FIXTURES"
  step parity-torch 120 parity --device gpu --fixtures "$FIXTURES" --kernel torch
else
  echo "no fixtures found (give the folder as the first argument)" > "$OUT/parity.txt"
fi
step bench-7b 330 bench --device gpu --shape 7b --dir "$BENCH_DIR" --precisions fp16,int8 --kernels script,torch \
    --json-file "$OUT/bench-7b.json"
step load-7b 200 bench --device gpu --shape 7b --dir "$BENCH_DIR" --precisions fp16,int8 --load-only
if [ "$(left)" -gt 100 ]; then
  step cpu-small 120 bench --device cpu --shape small --precisions fp32,int8 --kernels vector,script,torch \
      --decode-tokens 48 --json-file "$OUT/cpu-small.json"
fi
echo "gpu-check done in $(( $(date +%s) - start )) s; results in $OUT"
