#!/usr/bin/env bash
# Server benchmark (release build), written into docs/PERFORMANCE.md:
#  (a) ceiling: annotation rows inserted directly with GRDB, batches of 1000, same durability settings;
#  (b) annotations per second through HTTP bulk POSTs of 1000 (wrk);
#  (c) requests per second and p99 of GET report and the commit-wide annotation query, against GET /health/live,
#      at 64 connections; the commit-wide query once more with the response cache turned off;
#  (d) annotations per second through Cloud bulk POSTs of 100 (each request new external ids, ten per report so
#      each report ends at 1000, the default cap), and requests per second and p99 of GET one Cloud report at 64
#      connections.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
duration=${DURATION:-10s}

if ! command -v wrk >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

echo "==> release build"
swift build -c release --product insights
swift build -c release --product insights-benchmark
bin=$root/.build/release

out=$root/benchmarks/out/server
rm -rf "$out" && mkdir -p "$out"

echo "==> (a) GRDB ceiling"
ceiling=$("$bin/insights-benchmark" "$out/ceiling.sqlite" 100000)
echo "$ceiling"
ceiling_rate=$(sed -E 's/.*rows_per_second=([0-9]+).*/\1/' <<<"$ceiling")

echo "==> starting the server"
token=$("$bin/insights" admin init --user bench --repository BENCH/repo --data-dir "$out/data" 2>/dev/null \
  | sed -n 's/^export INSIGHTS_TOKEN=//p')
"$bin/insights" serve --port 0 --data-dir "$out/data" --log-level error \
  --max-annotations-per-report 1000000 >"$out/serve.out" 2>"$out/serve.err" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q "listening on" "$out/serve.out" 2>/dev/null && break
  sleep 0.1
done
base=$(sed -n 's/^insights listening on //p' "$out/serve.out")
commit=0123456789abcdef0123456789abcdef01234567
api="$base/rest/insights/latest/projects/BENCH/repos/repo/commits/$commit"
auth="Authorization: Bearer $token"

echo "==> (b) bulk POSTs of 1000 annotations"
curl -sf -X PUT "$api/reports/bulk" -H "$auth" -H 'Content-Type: application/json' -d '{"title":"bulk"}' >/dev/null
python3 - "$out/bulk.json" <<'PY'
import json, sys
message = "Function has a cyclomatic complexity of 23 (threshold 15); consider splitting it."
body = {"annotations": [{"path": f"src/module/file{i % 50}.swift", "line": i % 400 + 1, "message": message,
         "severity": "MEDIUM", "type": "CODE_SMELL", "link": "https://lint.example.com/rules/complexity"}
        for i in range(1000)]}
json.dump(body, open(sys.argv[1], "w"))
PY
cat >"$out/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
local file = io.open("$out/bulk.json", "r")
wrk.body = file:read("*a")
file:close()
LUA
wrk -t2 -c4 -d"$duration" -s "$out/post.lua" "$api/reports/bulk/annotations" | tee "$out/bulk.txt"

echo "==> (c) reads at 64 connections"
for key in r1 r2 r3; do
  curl -sf -X PUT "$api/reports/$key" -H "$auth" -H 'Content-Type: application/json' \
    -d '{"title":"Read benchmark","result":"PASS","data":[{"title":"Findings","type":"NUMBER","value":20}]}' >/dev/null
  python3 -c "
import json
print(json.dumps({'annotations': [{'externalId': f'$key-{i}', 'path': f'src/f{i}.swift', 'line': i + 1,
  'message': 'Possible null dereference', 'severity': 'HIGH', 'type': 'BUG'} for i in range(20)]}))" >"$out/$key.json"
  curl -sf -X POST "$api/reports/$key/annotations" -H "$auth" -H 'Content-Type: application/json' \
    --data-binary "@$out/$key.json" >/dev/null
done
# The bulk report holds many annotations; delete it so the commit-wide query returns the 60 above.
curl -sf -X DELETE "$api/reports/bulk" -H "$auth" >/dev/null
wrk -t2 -c64 -d"$duration" --latency "$base/health/live" | tee "$out/hello.txt"
wrk -t2 -c64 -d"$duration" --latency -H "$auth" "$api/reports/r1" | tee "$out/report.txt"
wrk -t2 -c64 -d"$duration" --latency -H "$auth" "$api/annotations" | tee "$out/commit.txt"
curl -sf "$base/metrics" | grep '^insights_response_cache_requests_total' | tee "$out/cache.txt"

echo "==> (d) the Cloud dialect: bulk POSTs of 100, GET one report"
# On a commit of their own, so the commit-wide query measured after this still returns its 60 annotations.
cloud_commit=fedcba9876543210fedcba9876543210fedcba98
cloud="$base/2.0/repositories/BENCH/repo/commit/$cloud_commit/reports"
cloud_path="/2.0/repositories/BENCH/repo/commit/$cloud_commit/reports"
# As a publisher does: reports of at most 1000 annotations (the default cap), ten POSTs of 100 each. Enough reports
# for ~1000 requests per wrk thread.
for i in $(seq 1 800); do
  curl -sf -X PUT "$cloud/cloud-bulk-$i" -H "$auth" -H 'Content-Type: application/json' \
    -d '{"title":"Cloud bulk","details":"d","report_type":"BUG"}' >/dev/null
done
python3 - "$out/cloud-bulk.json" <<'PY'
import json, sys
summary = "Function has a cyclomatic complexity of 23 (threshold 15); consider splitting it."
items = [{"external_id": f"@N@-{i}", "annotation_type": "CODE_SMELL", "summary": summary, "severity": "MEDIUM",
          "path": f"src/module/file{i % 50}.swift", "line": i % 400 + 1,
          "link": "https://lint.example.com/rules/complexity"} for i in range(100)]
json.dump(items, open(sys.argv[1], "w"))
PY
cat >"$out/cloud-post.lua" <<LUA
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local file = io.open("$out/cloud-bulk.json", "r")
local template = file:read("*a")
file:close()
local counter = 0
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer $token"}
function request()
  counter = counter + 1
  local report = (id - 1) * 400 + math.floor(counter / 10) % 400 + 1
  local body = template:gsub("@N@", id .. "-" .. counter)
  return wrk.format("POST", "$cloud_path/cloud-bulk-" .. report .. "/annotations", headers, body)
end
LUA
wrk -t2 -c4 -d"$duration" -s "$out/cloud-post.lua" "$base" | tee "$out/cloud-bulk.txt"
curl -sf -X PUT "$cloud/cloud-read" -H "$auth" -H 'Content-Type: application/json' \
  -d '{"title":"Read benchmark","details":"d","report_type":"BUG","result":"PASSED","data":[{"title":"Findings","type":"NUMBER","value":20}]}' \
  >/dev/null
wrk -t2 -c64 -d"$duration" --latency -H "$auth" "$cloud/cloud-read" | tee "$out/cloud-report.txt"

echo "==> (c) the commit-wide query with the response cache off"
kill $server && wait $server || true
"$bin/insights" serve --port 0 --data-dir "$out/data" --log-level error --response-cache-bytes 0 \
  >"$out/serve-nocache.out" 2>"$out/serve-nocache.err" &
server=$!
for _ in $(seq 1 100); do
  grep -q "listening on" "$out/serve-nocache.out" 2>/dev/null && break
  sleep 0.1
done
base=$(sed -n 's/^insights listening on //p' "$out/serve-nocache.out")
api="$base/rest/insights/latest/projects/BENCH/repos/repo/commits/$commit"
wrk -t2 -c64 -d"$duration" --latency -H "$auth" "$api/annotations" | tee "$out/commit-nocache.txt"

python3 - "$root/docs/PERFORMANCE.md" "$out" "$ceiling_rate" "$duration" <<'PY'
import datetime, os, platform, re, subprocess, sys
doc, out, ceiling, duration = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]

def wrk(name):
    text = open(os.path.join(out, name)).read()
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p99 = None
    match = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
    if match:
        p99 = float(match.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[match.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return rate, p99, int(errors.group(1)) if errors else 0

bulk_rate, _, bulk_errors = wrk("bulk.txt")
hello, hello_p99, _ = wrk("hello.txt")
report, report_p99, report_errors = wrk("report.txt")
commit, commit_p99, commit_errors = wrk("commit.txt")
uncached, uncached_p99, uncached_errors = wrk("commit-nocache.txt")
cloud_bulk_rate, _, cloud_bulk_errors = wrk("cloud-bulk.txt")
cloud_report, cloud_report_p99, cloud_report_errors = wrk("cloud-report.txt")
cloud_annotations = cloud_bulk_rate * 100
cache = dict(re.findall(r'result="(\w+)"\} (\d+)', open(os.path.join(out, "cache.txt")).read()))
hits, misses = int(cache.get("hit", 0)), int(cache.get("miss", 0))
annotations = bulk_rate * 1000
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
memory = next(l.split(":", 1)[1].strip() for l in open("/proc/meminfo") if l.startswith("MemTotal"))
cores = os.cpu_count()
swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
verdict = lambda ok: "met" if ok else "**not met**"
section = f"""Run on {datetime.date.today().isoformat()}: {cores} cores ({cpu}), {memory} memory, Debian, {swift}; release
build; wrk and the server share the machine; {duration} per measurement.

| measurement | result | target |
|---|---|---|
| (a) ceiling: GRDB inserts, batches of 1000, WAL + synchronous FULL | {ceiling:,.0f} annotations/s | — |
| (b) HTTP bulk POSTs of 1000 annotations (4 connections) | {annotations:,.0f} annotations/s = {annotations / ceiling:.0%} of (a){f", {bulk_errors} errors" if bulk_errors else ""} | ≥ 50 % of (a): {verdict(annotations >= 0.5 * ceiling)} |
| hello world `GET /health/live` (64 connections) | {hello:,.0f} requests/s, p99 {hello_p99:.2f} ms | baseline |
| (c) `GET …/reports/{{key}}` (64 connections) | {report:,.0f} requests/s = {report / hello:.0%} of hello world, p99 {report_p99:.2f} ms{f", {report_errors} errors" if report_errors else ""} | ≥ 40 %, p99 < 10 ms: {verdict(report >= 0.4 * hello and report_p99 < 10)} |
| (c) `GET …/commits/{{id}}/annotations` (60 annotations, 64 connections) | {commit:,.0f} requests/s = {commit / hello:.0%} of hello world, p99 {commit_p99:.2f} ms{f", {commit_errors} errors" if commit_errors else ""}; response cache: {hits:,} hits, {misses:,} misses | ≥ 40 %, p99 < 10 ms: {verdict(commit >= 0.4 * hello and commit_p99 < 10)} |
| the same query, `--response-cache-bytes 0` (every request runs the query) | {uncached:,.0f} requests/s = {uncached / hello:.0%} of hello world, p99 {uncached_p99:.2f} ms{f", {uncached_errors} errors" if uncached_errors else ""} | for comparison |
| (d) Cloud bulk POSTs of 100 new annotations, reports of up to 1000 (4 connections) | {cloud_annotations:,.0f} annotations/s = {cloud_annotations / ceiling:.0%} of (a){f", {cloud_bulk_errors} errors" if cloud_bulk_errors else ""} | ≥ 40 % of (a): {verdict(cloud_annotations >= 0.4 * ceiling)} |
| (d) Cloud `GET …/commit/{{commit}}/reports/{{id}}` (64 connections) | {cloud_report:,.0f} requests/s = {cloud_report / hello:.0%} of hello world, p99 {cloud_report_p99:.2f} ms{f", {cloud_report_errors} errors" if cloud_report_errors else ""} | ≥ 40 %, p99 < 10 ms: {verdict(cloud_report >= 0.4 * hello and cloud_report_p99 < 10)} |

Every request in (b) and (c) is authenticated with a Bearer token (SHA-256 digest lookup), checks repository access
and reads SQLite; the hello-world route does none of that. With the response cache on, each commit-wide request
still reads the commit's revision from SQLite and answers the kept body only when it is current."""
text = open(doc).read()
text = re.sub(r"<!-- server:start -->.*<!-- server:end -->",
              "<!-- server:start -->\n" + section + "\n<!-- server:end -->", text, flags=re.S)
open(doc, "w").write(text)
print(section)
PY
