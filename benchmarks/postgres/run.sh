#!/usr/bin/env bash
# PostgreSQL benchmark (release build), on a throw-away cluster with the test settings (fsync on), written into
# docs/PERFORMANCE.md:
#  (a) ceilings on the server's schema: COPY of annotation rows, and multi-row INSERTs of 1000 rows (one
#      transaction each) from one and from four psql connections; after (b), the statements the server sends for a
#      bulk POST of 1000 (one unnest INSERT of every row) run by pgbench from as many connections as (b) posts on;
#  (b) annotations per second through Data Center bulk POSTs of 1000 into two `insights serve` instances at once;
#  (c) with 10 million annotations stored (generated in SQL), GET report and the commit-wide annotation query
#      through two instances under wrk (the commit-wide query with the response cache on and off), next to the same
#      statements run directly with pgbench; the table's size per million annotations.
# Each pair of instances started for (c) first gets 3 s of unmeasured GET reports (connections opened, statements
# prepared). The kernel's autogroup scheduling is off while it runs (see below). Settings (environment): DURATION
# (10s per measurement), CONNECTIONS (4 per instance for reads, pgbench with twice as many), SATURATION_CONNECTIONS
# (16 per instance, GET report once more), POST_CONNECTIONS (4 per instance), CEILING_ROWS (200000), COMMITS ×
# REPORTS_PER_COMMIT × ANNOTATIONS_PER_REPORT (1000 × 10 × 1000) plus READ_COMMITS × READ_REPORTS × READ_ANNOTATIONS
# (1000 × 3 × 20) stored for (c), INSIGHTS_BUILD_PATH (a `--scratch-path` for the release build instead of .build),
# SCHED_AUTOGROUP (`off`, the default, turns kernel.sched_autogroup_enabled off for the run when it can and puts it
# back at the end; `keep` leaves it as it is).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
here=$root/benchmarks/postgres
duration=${DURATION:-10s}
connections=${CONNECTIONS:-4}
saturation_connections=${SATURATION_CONNECTIONS:-16}
post_connections=${POST_CONNECTIONS:-4}
ceiling_rows=${CEILING_ROWS:-200000}
commits=${COMMITS:-1000}
reports_per_commit=${REPORTS_PER_COMMIT:-10}
annotations_per_report=${ANNOTATIONS_PER_REPORT:-1000}
read_commits=${READ_COMMITS:-1000}
read_reports=${READ_REPORTS:-3}
read_annotations=${READ_ANNOTATIONS:-20}

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v curl >/dev/null 2>&1 || need+=(curl)
ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1 || need+=(postgresql postgresql-client)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
pgbin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pgbench | sort -V | tail -n 1)")
psql=$pgbin/psql
pgbench=$pgbin/pgbench

echo "==> release build"
build=(swift build -c release --product insights)
[ -n "${INSIGHTS_BUILD_PATH:-}" ] && build+=(--scratch-path "$INSIGHTS_BUILD_PATH")
"${build[@]}"
bin=$("${build[@]}" --show-bin-path)/insights

out=$root/benchmarks/out/postgres
rm -rf "$out" && mkdir -p "$out"
started=$(date +%s)
cut -d' ' -f1-3 /proc/loadavg >"$out/loadavg-start.txt"

servers=()
stop_servers() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done
  servers=()
}
cluster=$(mktemp -d /tmp/insights-postgres-benchmark.XXXXXX)
# With autogroup scheduling (sched(7)) the kernel shares the CPUs between sessions first, and every PostgreSQL
# backend starts a session of its own (setsid). On a machine that runs the servers, wrk and PostgreSQL together,
# that left a backend waiting for a CPU for up to 4 s now and then, in the middle of a request's transaction: it
# decides the read p99 of a run on its own (docs/PERFORMANCE.md). On a machine of its own, PostgreSQL's backends
# would only share the CPUs with each other.
autogroup=/proc/sys/kernel/sched_autogroup_enabled
autogroup_before=$(cat "$autogroup" 2>/dev/null || echo absent)
if [ "${SCHED_AUTOGROUP:-off}" = off ] && [ "$autogroup_before" = 1 ]; then
  { echo 0 >"$autogroup"; } 2>/dev/null || echo "cannot turn kernel.sched_autogroup_enabled off (not root?)" >&2
fi
echo "$autogroup_before $(cat "$autogroup" 2>/dev/null || echo absent)" >"$out/autogroup.txt"
cleanup() {
  stop_servers
  bash "$root/scripts/postgres-cluster.sh" stop "$cluster" || true
  if [ "$autogroup_before" = 1 ]; then { echo 1 >"$autogroup"; } 2>/dev/null || true; fi
}
trap cleanup EXIT

echo "==> cluster"
url=$(bash "$root/scripts/postgres-cluster.sh" start "$cluster" | sed -n 's/^INSIGHTS_TEST_POSTGRES_URL=//p')
sql() { "$psql" "$url" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
sql -c "SELECT version()" >"$out/version.txt"
sql -F '|' -c "SELECT name, current_setting(name) FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem',
  'maintenance_work_mem', 'effective_cache_size', 'max_wal_size', 'checkpoint_timeout', 'fsync',
  'synchronous_commit', 'full_page_writes', 'wal_level', 'max_connections') ORDER BY name" >"$out/settings.txt"
cat "$out/version.txt" "$out/settings.txt"

echo "==> admin init (migrates the schema)"
token=$("$bin" admin init --database "$url" --user bench --repository BENCH/repo --data-dir "$out/admin" \
  2>"$out/admin.err" | sed -n 's/^export INSIGHTS_TOKEN=//p')
[ -n "$token" ] || { cat "$out/admin.err"; exit 1; }
project=$(sql -c "SELECT key FROM project")
repository=$(sql -c "SELECT id FROM repository")
user=$(sql -c "SELECT id FROM \"user\" WHERE name = 'bench'")
digest=$(sql -c "SELECT digest FROM accessToken ORDER BY id DESC LIMIT 1")

# Runs "$@" and prints the seconds it took.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.3f}')"
}

# Makes a report of the bench user on its own commit for the ceiling rows and prints its id.
ceiling_report() {
  sql -c "INSERT INTO report (uuid, repositoryId, commitId, key, title, data, creatorId, createdAt, updatedAt)
    VALUES (gen_random_uuid(), $repository, md5('$1') || substr(md5('$1-'), 1, 8), 'ceiling',
    convert_to('Ceiling', 'UTF8'), '[]', $user, 0, 0) RETURNING id"
}

echo "==> (a) ceilings: COPY and multi-row INSERT of $ceiling_rows rows"
columns=$(cd "$here" && python3 -c 'import rows; print(rows.COLUMNS)')
python3 "$here/rows.py" copy "$out/copy.txt" "$ceiling_rows" "$(ceiling_report copy)"
seconds sql -c "\\copy annotation ($columns) FROM '$out/copy.txt'" >"$out/copy.seconds"
python3 "$here/rows.py" insert "$out/insert.sql" "$ceiling_rows" "$(ceiling_report insert)" 1000
seconds sql -f "$out/insert.sql" >"$out/insert.seconds"
for part in 1 2 3 4; do
  python3 "$here/rows.py" insert "$out/insert-$part.sql" $((ceiling_rows / 4)) "$(ceiling_report "insert-$part")" 1000
done
parallel_inserts() {
  local pids=() part
  for part in 1 2 3 4; do sql -f "$out/insert-$part.sql" & pids+=($!); done
  for part in "${pids[@]}"; do wait "$part"; done
}
seconds parallel_inserts >"$out/insert-parallel.seconds"
echo "COPY $(cat "$out/copy.seconds") s, INSERT $(cat "$out/insert.seconds") s," \
  "4 × INSERT $(cat "$out/insert-parallel.seconds") s"

# Starts an instance on the database ($1: its name, then its flags) and sets base_<name> to its base URL.
serve() {
  local name=$1 found=
  shift
  "$bin" serve --database "$url" --port 0 --data-dir "$out/data-$name" --log-level error "$@" \
    >"$out/serve-$name.out" 2>"$out/serve-$name.err" &
  servers+=($!)
  for _ in $(seq 1 300); do
    found=$(sed -n 's/^insights listening on //p' "$out/serve-$name.out")
    [ -n "$found" ] && break
    sleep 0.1
  done
  [ -n "$found" ] || { cat "$out/serve-$name.err"; exit 1; }
  printf -v "base_$name" '%s' "$found"
}

# Runs wrk against both instances at once: $1 the measurement's name, $2 the script, $3 the connections per
# instance, $4 and $5 the paths files for instance A and B; the rest goes to wrk.
wrk_both() {
  local name=$1 script=$2 count=$3 paths_a=$4 paths_b=$5
  shift 5
  local shared=(SUMMARY="$here/summary.lua" TOKEN="$token" BODY="$out/bulk.json")
  env "${shared[@]}" INSTANCE=a PATHS="$paths_a" SEED=1 wrk -t1 -c"$count" -d"$duration" --latency \
    -s "$here/$script" "$@" "$base_a" >"$out/$name-a.txt" &
  local wrk_a=$!
  env "${shared[@]}" INSTANCE=b PATHS="$paths_b" SEED=2 wrk -t1 -c"$count" -d"$duration" --latency \
    -s "$here/$script" "$@" "$base_b" >"$out/$name-b.txt"
  wait $wrk_a
  grep -h '^summary' "$out/$name-a.txt" "$out/$name-b.txt"
}

echo "==> (b) bulk POSTs of 1000 annotations into two instances, $post_connections connections each"
serve a --max-annotations-per-report 1000000
serve b --max-annotations-per-report 1000000
python3 "$here/rows.py" body "$out/bulk.json" 1000
api=/rest/insights/latest/projects/BENCH/repos/repo/commits
# 100 reports per instance, each on a commit of its own: consecutive requests write different reports and commits.
for instance in a b; do
  for i in $(seq 1 100); do
    printf '%s/%s%039x/reports/bulk/annotations\n' "$api" "$instance" "$i"
  done >"$out/post-paths-$instance.txt"
done
curl -sf -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"title":"Bulk"}' \
  $(sed "s|^|$base_a|; s|/annotations$||" "$out/post-paths-a.txt" "$out/post-paths-b.txt") >/dev/null
before=$(sql -c "SELECT count(*) FROM annotation")
wrk_both post post.lua "$post_connections" "$out/post-paths-a.txt" "$out/post-paths-b.txt" --timeout 30s
sql -c "SELECT count(*) - $before FROM annotation" >"$out/post-stored.txt"
stop_servers
python3 "$here/rows.py" post-script "$out/pgbench-post.sql" 1000
"$pgbench" -n -M prepared -D repository="$repository" -f "$out/pgbench-post.sql" -c $((2 * post_connections)) -j 2 \
  -T "${duration%s}" "$url" >"$out/pgbench-post.txt" 2>&1
grep -E '^(tps|latency average)' "$out/pgbench-post.txt"
# Every row so far was written with the indexes in place, as a server writes: the table's size per annotation.
sql -F '|' -c "SELECT count(*), pg_total_relation_size('annotation'), pg_relation_size('annotation')
  FROM annotation" >"$out/size-written.txt"

echo "==> (c) generating $commits × $reports_per_commit × $annotations_per_report + $read_commits ×" \
  "$read_reports × $read_annotations annotations"
sql -c "TRUNCATE annotation, report, commitRevision"
load=(-v commits="$commits" -v reports_per_commit="$reports_per_commit" -v read_commits="$read_commits"
  -v annotations_per_report="$annotations_per_report" -v read_reports="$read_reports"
  -v read_annotations="$read_annotations" -v now="$(date +%s)000")
load_annotations() {
  sql "${load[@]}" -v part=0 -v parts=2 -f "$here/load-annotations.sql" &
  local first=$!
  sql "${load[@]}" -v part=1 -v parts=2 -f "$here/load-annotations.sql"
  wait $first
}
seconds sql "${load[@]}" -f "$here/load-reports.sql" >"$out/load-reports.seconds"
seconds load_annotations >"$out/load-annotations.seconds"
seconds sql -f "$here/load-finish.sql" >"$out/load-finish.seconds"
# Whatever the load and its VACUUM left dirty is written out before the reads, which measure a settled database
# rather than the write-back of the load (the time it took and the Dirty/Writeback left are printed).
# CHECKPOINT needs the cluster's superuser, trusted on its socket in the cluster's folder.
port=${url##*:}
port=${port%%/*}
dirty_writeback() {
  "$psql" --host="$cluster" --port="$port" --username=postgres --dbname=insights -X -q -c "CHECKPOINT" && sync
}
seconds dirty_writeback >"$out/checkpoint.seconds"
grep -E "^(Dirty|Writeback):" /proc/meminfo
sql -F '|' -c "SELECT count(*), pg_total_relation_size('annotation'), pg_relation_size('annotation'),
  (SELECT count(*) FROM report), pg_total_relation_size('report') FROM annotation" >"$out/size-loaded.txt"
cat "$out/size-loaded.txt"
sql -c "SELECT '$api/' || commitId || '/reports/' || key FROM report WHERE key LIKE 'lint-%'" \
  >"$out/report-paths.txt"
sql -c "SELECT DISTINCT '$api/' || commitId || '/annotations' FROM report WHERE key LIKE 'check-%'" \
  >"$out/commit-paths.txt"
sql -c "SELECT DISTINCT '$api/' || commitId || '/annotations' FROM report WHERE key LIKE 'lint-%'" \
  >"$out/full-commit-paths.txt"

echo "==> (c) reads through two instances, $connections connections each"
serve a
serve b
curl -sf -H "Authorization: Bearer $token" "$base_a$(head -n 1 "$out/report-paths.txt")" >"$out/report.json"
curl -sf -H "Authorization: Bearer $token" "$base_b$(head -n 1 "$out/commit-paths.txt")" >"$out/commit.json"
python3 -c "import json, sys; print(len(json.load(open(sys.argv[1]))['annotations']), 'annotations in one commit')" \
  "$out/commit.json"
duration=3s wrk_both warm-up get.lua "$connections" "$out/report-paths.txt" "$out/report-paths.txt" >/dev/null
wrk_both report get.lua "$connections" "$out/report-paths.txt" "$out/report-paths.txt"
wrk_both commit get.lua "$connections" "$out/commit-paths.txt" "$out/commit-paths.txt"
wrk_both report-saturated get.lua "$saturation_connections" "$out/report-paths.txt" "$out/report-paths.txt"
# A Prometheus scrape refreshes the stored-item gauges with two exact count(*): what one costs at this size.
for _ in 1 2 3; do curl -sf -o /dev/null -w '%{time_total}\n' "$base_a/metrics"; done >"$out/metrics.seconds"
curl -sf "$base_a/metrics" "$base_b/metrics" | grep '^insights_response_cache_requests_total' >"$out/cache.txt" \
  || true
stop_servers
serve a --response-cache-bytes 0
serve b --response-cache-bytes 0
duration=3s wrk_both warm-up get.lua "$connections" "$out/report-paths.txt" "$out/report-paths.txt" >/dev/null
wrk_both commit-nocache get.lua "$connections" "$out/commit-paths.txt" "$out/commit-paths.txt"
# A commit of the bulk: 10 reports at their cap of 1000, 10,000 annotations in one response.
wrk_both full-commit get.lua 2 "$out/full-commit-paths.txt" "$out/full-commit-paths.txt" --timeout 30s
stop_servers

echo "==> (c) the same statements with pgbench, $((2 * connections)) connections"
pgvars=(-D commits="$commits" -D reports_per_commit="$reports_per_commit" -D read_commits="$read_commits"
  -D digest="$digest" -D now="$(date +%s)000" -D user="$user" -D project="$project" -D slug=repo
  -D repository="$repository")
for script in report commit query; do
  (cd "$out" && "$pgbench" -n -M prepared "${pgvars[@]}" -f "$here/pgbench-$script.sql" -c $((2 * connections)) -j 2 \
    -T "${duration%s}" -l --log-prefix="pgbench-$script" "$url" >"$out/pgbench-$script.txt" 2>&1)
  grep -E '^(tps|latency average)' "$out/pgbench-$script.txt"
done

echo $(($(date +%s) - started)) >"$out/total.seconds"
cut -d' ' -f1-3 /proc/loadavg >"$out/loadavg-end.txt"
python3 "$here/results.py" "$root/docs/PERFORMANCE.md" "$out" "$duration" "$connections" "$saturation_connections" \
  "$post_connections" "$ceiling_rows" "$commits" "$reports_per_commit" "$annotations_per_report" "$read_commits" \
  "$read_reports" "$read_annotations"
