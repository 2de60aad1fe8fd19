#!/usr/bin/env bash
# Runs the whole test suite from a fresh clone on Debian with the Swift toolchain:
# installs what the tests need when missing (git, sqlite3, curl, chromium with its driver and selenium, postgresql),
# checks formatting, starts a throw-away PostgreSQL cluster, builds once, runs every test (the store contract suite
# on SQLite and on PostgreSQL), then the browser test on the release binary.
#
# Tests build and run in the release configuration (with testing enabled), so the optimizer compiles every line CI
# tests; the README's own release build follows, so a compiler crash in optimized code fails CI, not the first
# command a user runs.
set -euo pipefail
cd "$(dirname "$0")/.."

need_packages=()
command -v git >/dev/null 2>&1 || need_packages+=(git)
command -v sqlite3 >/dev/null 2>&1 || need_packages+=(sqlite3)
command -v curl >/dev/null 2>&1 || need_packages+=(curl)
# The web UI's browser test: Debian's chromium, headless, driven by selenium through chromium-driver.
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_packages+=(chromium-driver)
/usr/bin/python3 -c 'import selenium' >/dev/null 2>&1 || need_packages+=(python3-selenium)
# The store contract suite also runs on PostgreSQL: Debian's server, in a throw-away cluster (see below).
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need_packages+=(postgresql)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "==> Installing ${need_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_packages[@]}" >/dev/null
  # Debian starts a cluster of its own when it installs the server; the tests use their own, so stop it.
  if command -v pg_lsclusters >/dev/null 2>&1; then
    pg_lsclusters -h | while read -r version name _; do pg_ctlcluster "$version" "$name" stop 2>/dev/null || true; done
  fi
fi

# Tests create git repositories; give git an identity when the machine has none.
git config --global user.email >/dev/null 2>&1 || git config --global user.email "tests@insights.invalid"
git config --global user.name >/dev/null 2>&1 || git config --global user.name "insights tests"

echo "==> swift format lint"
swift format lint --strict --recursive Sources Tests benchmarks Package.swift

release=(-c release -Xswiftc -enable-testing)

# A throw-away PostgreSQL cluster on 127.0.0.1 (a free port, owned by the unprivileged postgres user), removed when
# the script ends, however it ends.
postgres_dir=$(mktemp -d /tmp/insights-postgres-XXXXXX)
trap 'bash scripts/postgres-cluster.sh stop "$postgres_dir" >/dev/null 2>&1 || true' EXIT
echo "==> PostgreSQL (a throw-away cluster)"
export "$(bash scripts/postgres-cluster.sh start "$postgres_dir")"
[ -n "${INSIGHTS_TEST_POSTGRES_URL:-}" ] || { echo "PostgreSQL did not start" >&2; exit 1; }

# Swift Testing runs every test case at once by default. Hundreds of servers open at the same time hold over 1,300
# file descriptors, and then Foundation's Process.run() on Linux can crash reading /proc/self/fd (a 256-byte
# over-read of d_name, swift-corelibs-foundation PR #5472, in Swift 6.3.1). Eight at a time is as fast on 2 cores.
export SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH=8

echo "==> swift build (release, with tests)"
swift build "${release[@]}" --build-tests

echo "==> swift test"
swift test "${release[@]}" --skip-build --parallel --num-workers 2

# The README's first command builds this configuration (no -enable-testing), which optimizes differently: a compiler
# crash can appear in one and not the other (see docs/architecture.md), so CI builds both.
echo "==> swift build -c release --product insights (the README's configuration)"
swift build -c release --product insights

# The web UI in a real browser, on the binary just built; screenshots are kept in test-artifacts/browser.
echo "==> browser test (chromium, headless)"
/usr/bin/python3 Tests/Browser/pull_request_page_test.py .build/release/insights test-artifacts/browser
