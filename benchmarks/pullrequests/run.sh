#!/usr/bin/env bash
# Pull-request benchmark (release build), written into docs/PERFORMANCE.md: a pull request with 5,000 changed lines
# across 200 files and 1,000 annotations on a linked git repository whose target branch moved on;
#  cold: the first GET …/pull-requests/{id}/insights after each push to the source branch, against `git diff` of the
#        same change in the server's mirror;
#  warm: the same request under wrk (p99);
#  the pull request page: its HTML under wrk (p99), and its first contentful paint and weight in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
/usr/bin/python3 -c 'import selenium' >/dev/null 2>&1 || need+=(python3-selenium)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "==> release build"
swift build -c release --product insights
exec /usr/bin/python3 benchmarks/pullrequests/bench.py --binary .build/release/insights --out benchmarks/out/pullrequests \
  --doc docs/PERFORMANCE.md "$@"
