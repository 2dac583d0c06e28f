#!/usr/bin/env bash
# Runs CI (.ci/run) while two busy processes hog the machine's cores, to prove the tests never fail because the
# machine is slow. Prints how long CI took. Usage: scripts/ci-under-load.sh [HOGS] (default: one per core).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
hogs=${1:-$(nproc)}
pids=()
stop_hogs() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_hogs EXIT
for _ in $(seq "$hogs"); do
  # A pure CPU loop at normal priority: it competes with every test process for the whole run.
  node -e 'for (;;) {}' &
  pids+=($!)
done
echo "ci-under-load: ${#pids[@]} busy processes started ($(nproc) cores)"
start=$SECONDS
rc=0
PULAU_TEST_TIME_SCALE=${PULAU_TEST_TIME_SCALE:-2} bash .ci/run || rc=$?
echo "ci-under-load: .ci/run exited $rc after $((SECONDS - start)) s with ${#pids[@]} busy processes"
exit "$rc"
