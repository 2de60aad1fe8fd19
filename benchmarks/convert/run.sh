#!/usr/bin/env bash
# Benchmarks `insights convert --format sarif` against a Python reference converter, and `insights publish` of
# 10,000 findings capped to 1,000 against a local `insights serve`; writes the "Converting SARIF" section of
# docs/PERFORMANCE.md.
#
# Input: ruff (`--select ALL`) over the `django/` package of Django's sdist from PyPI. One pass gives ~46 MB;
# when a pass gives less than MIN_BYTES the package is copied again (copy-2/, copy-3/, …) and ruff rerun over
# all copies until the log is large enough. Downloads and generated files stay in benchmarks/out/ (git-ignored).
#
# Usage: bash benchmarks/convert/run.sh
# Env: RUNS=3, DJANGO_VERSION=5.1.4, MIN_BYTES=41943040, BENCH_OUT (default benchmarks/out/convert),
#      PERF_DOC (default docs/PERFORMANCE.md of this checkout), SWIFT_BUILD_FLAGS (extra `swift build` flags,
#      e.g. `--scratch-path DIR`).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${BENCH_OUT:-$ROOT/benchmarks/out/convert}"
RUNS="${RUNS:-3}"
DJANGO_VERSION="${DJANGO_VERSION:-5.1.4}"
MIN_BYTES="${MIN_BYTES:-41943040}"
PERF_DOC="${PERF_DOC:-$ROOT/docs/PERFORMANCE.md}"
SERVER_PID=""
mkdir -p "$OUT"
cd "$ROOT"

log() { printf '==> %s\n' "$*" >&2; }
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

# --- tools -----------------------------------------------------------------------------------------------------
command -v ruff >/dev/null || python3 -m pip install --quiet ruff
if [[ ! -x /usr/bin/time ]]; then apt-get update -qq && apt-get install -y -qq time; fi

# --- input: ruff over Django -----------------------------------------------------------------------------------
SRC="$OUT/src"
SARIF="$OUT/ruff.sarif"
if [[ ! -s "$SARIF" || "$(stat -c %s "$SARIF")" -lt "$MIN_BYTES" ]]; then
    if ! ls "$OUT"/dl/[Dd]jango-"$DJANGO_VERSION".tar.gz >/dev/null 2>&1; then
        log "downloading Django $DJANGO_VERSION sdist"
        python3 -m pip download --quiet --no-deps --no-binary :all: "django==$DJANGO_VERSION" -d "$OUT/dl"
    fi
    rm -rf "$SRC" && mkdir -p "$SRC"
    tar -xzf "$OUT"/dl/[Dd]jango-"$DJANGO_VERSION".tar.gz -C "$SRC"
    PACKAGE="$(echo "$SRC"/[Dd]jango-"$DJANGO_VERSION")/django"
    COPIES=1
    while :; do
        log "ruff check --select ALL over $COPIES cop(y/ies) of django/"
        (cd "$SRC" && ruff check --select ALL --output-format sarif --exit-zero --no-cache \
            "$PACKAGE" $(for ((i = 2; i <= COPIES; i++)); do echo "copy-$i"; done) >"$SARIF" 2>/dev/null)
        [[ "$(stat -c %s "$SARIF")" -ge "$MIN_BYTES" ]] && break
        COPIES=$((COPIES + 1))
        cp -r "$PACKAGE" "$SRC/copy-$COPIES"
    done
fi
SARIF_BYTES="$(stat -c %s "$SARIF")"
RESULTS="$(python3 -c 'import json,sys; print(sum(len(r.get("results") or []) for r in json.load(open(sys.argv[1]))["runs"]))' "$SARIF")"
log "input: $SARIF ($SARIF_BYTES bytes, $RESULTS results)"

# --- build -----------------------------------------------------------------------------------------------------
log "swift build -c release --product insights"
# shellcheck disable=SC2086 # SWIFT_BUILD_FLAGS is a list of flags
swift build -c release --product insights ${SWIFT_BUILD_FLAGS:-} >&2
# shellcheck disable=SC2086
BIN="$(swift build -c release ${SWIFT_BUILD_FLAGS:-} --show-bin-path)/insights"

# --- measure ---------------------------------------------------------------------------------------------------
# measure NAME COMMAND…: RUNS runs with stdout to /dev/null; prints the medians "wall_seconds cpu_seconds rss_kb"
# (CPU = user + system, reported because the machine is shared and wall time includes waiting for a core).
measure() {
    local name="$1"
    shift
    local times=() cpus=() rss=()
    for ((run = 1; run <= RUNS; run++)); do
        /usr/bin/time -v -o "$OUT/$name.time" "$@" >/dev/null
        times+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$OUT/$name.time")")
        cpus+=("$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$OUT/$name.time")")
        rss+=("$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$OUT/$name.time")")
        log "$name run $run: ${times[-1]} s wall, ${cpus[-1]} s CPU, ${rss[-1]} KB"
    done
    median() { printf '%s\n' "$@" | sort -g | sed -n "$(((RUNS + 1) / 2))p"; }
    printf '%s %s %s\n' "$(median "${times[@]}")" "$(median "${cpus[@]}")" "$(median "${rss[@]}")"
}

# Both converters run from the same directory with the same repository root, so their outputs are comparable.
read -r SWIFT_S SWIFT_CPU SWIFT_KB < <(measure swift "$BIN" convert --format sarif "$SARIF" --compact)
read -r PY_S PY_CPU PY_KB < <(measure python python3 "$ROOT/benchmarks/convert/reference_converter.py" "$SARIF" --root "$ROOT")

"$BIN" convert --format sarif "$SARIF" --compact >"$OUT/swift.json"
python3 "$ROOT/benchmarks/convert/reference_converter.py" "$SARIF" --root "$ROOT" >"$OUT/python.json"
IDENTICAL="$(python3 -c 'import json,sys; print("identical" if json.load(open(sys.argv[1])) == json.load(open(sys.argv[2])) else "DIFFERENT")' "$OUT/swift.json" "$OUT/python.json")"
ANNOTATIONS="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["annotations"]))' "$OUT/swift.json")"
log "swift ${SWIFT_S}s (${SWIFT_CPU}s CPU) ${SWIFT_KB}KB, python ${PY_S}s (${PY_CPU}s CPU) ${PY_KB}KB, outputs $IDENTICAL"

# --- publish: 10,000 findings capped to 1,000 ------------------------------------------------------------------
PUBLISH_SARIF="$OUT/publish-10000.sarif"
python3 - "$SARIF" "$PUBLISH_SARIF" <<'EOF'
import json, sys
log = json.load(open(sys.argv[1]))
run = log["runs"][0]
run["results"] = run["results"][:10000]
assert len(run["results"]) == 10000, "the ruff log has fewer than 10,000 results"
log["runs"] = [run]
json.dump(log, open(sys.argv[2], "w"))
EOF
DATA_DIR="$(mktemp -d "$OUT/publish-data.XXXXXX")"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
eval "$("$BIN" admin init --user bench --repository BENCH/repo --data-dir "$DATA_DIR" 2>/dev/null)"
"$BIN" serve --host 127.0.0.1 --port "$PORT" --data-dir "$DATA_DIR" --log-level warning >"$OUT/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/metrics" >/dev/null 2>&1 && break
    sleep 0.1
done
# Sum of http_requests_total over the insights REST routes.
insights_requests() {
    curl -fsS "http://127.0.0.1:$PORT/metrics" |
        awk '/^http_requests_total\{/ && /route="\/rest\/insights/ { sum += $NF } END { print sum + 0 }'
}
BEFORE="$(insights_requests)"
START_NS="$(date +%s%N)"
INSIGHTS_TOKEN="$INSIGHTS_TOKEN" "$BIN" publish --url "http://127.0.0.1:$PORT" --project BENCH --repo repo \
    --commit 0123456789abcdef0123456789abcdef01234567 --key bench --max-annotations 1000 \
    --format sarif "$PUBLISH_SARIF" >"$OUT/publish.out" 2>"$OUT/publish.err"
END_NS="$(date +%s%N)"
AFTER="$(insights_requests)"
REQUESTS=$((AFTER - BEFORE))
PUBLISH_S="$(python3 -c "print(f'{($END_NS - $START_NS) / 1e9:.2f}')")"
ROUTES="$(curl -fsS "http://127.0.0.1:$PORT/metrics" | grep '^http_requests_total{' | grep 'route="/rest/insights' |
    sed -E 's/.*method="([A-Z]+)".*/\1/' | sort | uniq -c | awk '{ printf "%s%s×%s", sep, $2, $1; sep = ", " }')"
kill "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
log "publish: $REQUESTS requests ($ROUTES) in ${PUBLISH_S}s"

# --- docs/PERFORMANCE.md -----------------------------------------------------------------------------------------
export SWIFT_S SWIFT_CPU SWIFT_KB PY_S PY_CPU PY_KB SARIF_BYTES RESULTS ANNOTATIONS IDENTICAL REQUESTS PUBLISH_S ROUTES RUNS
LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
export DJANGO_VERSION LOAD RUFF_VERSION="$(ruff --version)" SWIFT_VERSION="$(swift --version 2>/dev/null | head -1)"
python3 "$ROOT/benchmarks/convert/write_section.py" "$PERF_DOC"
log "wrote $PERF_DOC"
