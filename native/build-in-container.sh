#!/usr/bin/env bash
# Compiles target/native-sources (from a "sources-only" build) into a Linux native executable inside the
# Mandrel builder image, the second half of Quarkus' "Separating Java and native image compilation"
# (https://quarkus.io/guides/building-native-image). Needs Docker or Podman; no GraalVM on the host.
#
#   ./mvnw -B package -Dnative -Dquarkus.native.sources-only=true -DskipTests   # step 1: any machine with Java
#   native/build-in-container.sh                                                # step 2: a machine with a container engine
#   docker build -f docker/Dockerfile.native -t autoshop-service:native .       # step 3: the image
#
# Environment (all optional):
#   BUILDER_IMAGE       builder image; default: the Mandrel image matching target/native-sources/graalvm.version
#                       (25.x -> ...:jdk-25, 23.1.x -> ...:jdk-21; Quarkus 3.33.2 generates for 25.0)
#   CONTAINER_RUNTIME   docker or podman; default: whichever is on the PATH, docker first
#   NATIVE_IMAGE_XMX    heap of the native-image builder JVM; default 4g (the build needs 4-6 GB of RAM)
#   SOURCES_DIR         default: target/native-sources under the repository root
#
# Result: target/autoshop-service-<version>-runner, where docker/Dockerfile.native(-micro) pick it up.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SOURCES_DIR="${SOURCES_DIR:-$ROOT/target/native-sources}"
NATIVE_IMAGE_XMX="${NATIVE_IMAGE_XMX:-4g}"
MANDREL="quay.io/quarkus/ubi9-quarkus-mandrel-builder-image"

die() { echo "build-in-container: $*" >&2; exit 1; }

[[ -f "$SOURCES_DIR/native-image.args" ]] \
  || die "no $SOURCES_DIR/native-image.args; run ./mvnw -B package -Dnative -Dquarkus.native.sources-only=true first"

if [[ -z "${CONTAINER_RUNTIME:-}" ]]; then
  for candidate in docker podman; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" info >/dev/null 2>&1; then
      CONTAINER_RUNTIME="$candidate"
      break
    fi
  done
fi
[[ -n "${CONTAINER_RUNTIME:-}" ]] || die "no working container engine (docker or podman with a running daemon/service)"

# The arguments Quarkus wrote are for one GraalVM release (graalvm.version); a builder of another
# release may reject some of them, so by default the builder follows that file.
graal_version="$(tr -d '[:space:]' < "$SOURCES_DIR/graalvm.version" 2>/dev/null || true)"
if [[ -z "${BUILDER_IMAGE:-}" ]]; then
  case "$graal_version" in
    23.1*) BUILDER_IMAGE="$MANDREL:jdk-21" ;;
    25*|"") BUILDER_IMAGE="$MANDREL:jdk-25" ;;
    *) die "sources were generated for GraalVM $graal_version; set BUILDER_IMAGE to a matching builder image" ;;
  esac
fi
echo "build-in-container: $CONTAINER_RUNTIME, $BUILDER_IMAGE, sources for GraalVM ${graal_version:-unknown}"

# Run as the calling user so that the executable in the mounted directory belongs to them (rootless
# Podman maps that user with keep-id). :z relabels the mount on SELinux hosts and is ignored elsewhere.
user_args=(--user "$(id -u):$(id -g)")
if [[ "$CONTAINER_RUNTIME" == podman ]]; then
  user_args+=(--userns=keep-id)
fi

# The args file is expanded inside the container (its paths are relative to /project), exactly as the
# Quarkus guide shows: native-image $(cat native-image.args).
"$CONTAINER_RUNTIME" run --rm \
  "${user_args[@]}" \
  -v "$SOURCES_DIR:/project:z" \
  -w /project \
  --entrypoint /bin/sh \
  "$BUILDER_IMAGE" \
  -c "native-image \$(cat native-image.args) -J-Xmx$NATIVE_IMAGE_XMX"

runner="$(find "$SOURCES_DIR" -maxdepth 1 -type f -name '*-runner' -perm -u+x | head -n 1)"
[[ -n "$runner" ]] || die "native-image finished but no *-runner executable appeared in $SOURCES_DIR"
cp "$runner" "$ROOT/target/"
echo "build-in-container: built target/$(basename "$runner")"
echo "next: docker build -f docker/Dockerfile.native -t autoshop-service:native ."
