#!/usr/bin/env python3
"""The pull-request benchmark: builds the repository, drives a release `insights serve`, writes docs/PERFORMANCE.md.

The change: 200 files of 120 lines; the source branch rewrites 25 lines of each (5,000 changed lines), the target
branch moves on by inserting a header into 20 of the same files (so their annotations are relocated, rule R7). Each
round pushes a new source tip (one more changed line in the first file), fetches it (`POST …/refresh`, not timed),
publishes one report with 1,000 annotations on it (five per file, on changed lines) and times the first
`GET …/pull-requests/1/insights`. The baseline is `git diff <target> <source>` of the same pair in the server's own
mirror, run as a process with its output discarded, as many times. Warm: wrk on the same request once the last round
is placed. Computed on request: the first request after a restart of the server, which keeps nothing.

Only the text between `<!-- pullrequests:start -->` and `<!-- pullrequests:end -->` is replaced; the section is
appended when missing.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request

FILES = 200
LINES = 120
CHANGED_PER_FILE = 25
MOVED_FILES = 20
ANNOTATIONS_PER_FILE = 5
START, END = "<!-- pullrequests:start -->", "<!-- pullrequests:end -->"
GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
}


def git(repo, *arguments):
    return subprocess.run(["git", "-C", repo, *arguments], env=GIT_ENV, check=True, capture_output=True,
                          text=True).stdout.strip()


def path(index):
    return f"src/module{index // 20}/File{index}.swift"


def changed_lines():
    """The 1-based lines the source branch rewrites in every file."""
    return [2 + 4 * k for k in range(CHANGED_PER_FILE)]


def write_file(repo, index, lines):
    target = os.path.join(repo, path(index))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w") as file:
        file.write("".join(line + "\n" for line in lines))


def base_lines(index):
    return [f"let value{index}_{n} = {n}" for n in range(1, LINES + 1)]


def make_repository(repo):
    os.makedirs(repo)
    git(repo, "init", "-q", "-b", "main")
    for index in range(FILES):
        write_file(repo, index, base_lines(index))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "feature")
    for index in range(FILES):
        lines = base_lines(index)
        for number in changed_lines():
            lines[number - 1] += " // feature"
        write_file(repo, index, lines)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "feature: 5,000 changed lines")
    git(repo, "checkout", "-q", "main")
    for index in range(0, FILES, FILES // MOVED_FILES):
        write_file(repo, index, [f"// header {n}" for n in range(1, 6)] + base_lines(index))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "main moves on")
    git(repo, "checkout", "-q", "feature")


def push(repo, round_number):
    """One more source commit: the last line of the first file says which round it is."""
    lines = base_lines(0)
    for number in changed_lines():
        lines[number - 1] += " // feature"
    lines[-1] += f" // round {round_number}"
    write_file(repo, 0, lines)
    git(repo, "commit", "-q", "-am", f"round {round_number}")
    return git(repo, "rev-parse", "HEAD")


class Client:
    def __init__(self, base, token):
        self.base, self.token = base, token

    def send(self, method, url, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + url, data=data, method=method)
        request.add_header("Authorization", f"Bearer {self.token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()


def publish(client, commit):
    report = f"/rest/insights/latest/projects/BENCH/repos/repo/commits/{commit}/reports/com.example.lint"
    client.send("PUT", report, {"title": "Lint", "result": "FAIL", "reporter": "benchmark"})
    annotations = []
    for index in range(FILES):
        for k in range(ANNOTATIONS_PER_FILE):
            line = changed_lines()[k * 5]
            annotations.append({"externalId": f"f{index}-{line}", "path": path(index), "line": line,
                                "message": f"Finding on line {line} of file {index}; consider a simpler form.",
                                "severity": ["LOW", "MEDIUM", "HIGH"][k % 3], "type": "CODE_SMELL"})
    client.send("POST", report + "/annotations", {"annotations": annotations})


def timed(operation):
    start = time.perf_counter()
    result = operation()
    return (time.perf_counter() - start) * 1000, result


def wrk_p99(text):
    match = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
    return float(match.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[match.group(2)]


def start_server(binary, data, out):
    """Starts `insights serve` on a free port without scheduled fetches; returns the process and its base URL."""
    serve_out = open(os.path.join(out, "serve.out"), "w+")
    server = subprocess.Popen([binary, "serve", "--port", "0", "--data-dir", data, "--log-level", "error",
                               "--git-fetch-interval-seconds", "0"], stdout=serve_out,
                              stderr=open(os.path.join(out, "serve.err"), "a"))
    for _ in range(300):
        serve_out.seek(0)
        match = re.search(r"listening on (\S+)", serve_out.read())
        if match:
            return server, match.group(1)
        time.sleep(0.1)
    server.terminate()
    raise RuntimeError("the server did not report its address")


def browser_figures(url, token, out, loads=5):
    """First contentful paint and weight of a page in Debian's headless chromium (selenium, chromium-driver)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1000"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {"Authorization": f"Bearer {token}"}})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        paints, sizes = [], None
        for _ in range(loads):
            driver.get(url)
            figures = driver.execute_script("""
                const paint = performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint');
                const page = performance.getEntriesByType('navigation')[0];
                const assets = performance.getEntriesByType('resource').reduce((n, e) => n + e.encodedBodySize, 0);
                return {paint: paint ? paint.startTime : null, html: page.encodedBodySize,
                        total: page.encodedBodySize + assets, nodes: document.getElementsByTagName('*').length};
            """)
            paints.append(figures["paint"])
            sizes = figures
        driver.save_screenshot(os.path.join(out, "page.png"))
    finally:
        driver.quit()
    return {"paint": statistics.median(paints), "html": sizes["html"], "total": sizes["total"],
            "nodes": sizes["nodes"], "loads": loads}


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    memory = next(line.split(":", 1)[1].strip() for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    return f"{os.cpu_count()} cores ({cpu}), {memory} memory, Debian, {swift}"


def write_section(doc, section):
    text = open(doc).read() if os.path.exists(doc) else "# Performance\n"
    block = f"{START}\n{section}\n{END}"
    if START in text:
        text = re.sub(re.escape(START) + ".*" + re.escape(END), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n## Pull requests\n\nRun with `bash benchmarks/pullrequests/run.sh` " \
            "(release build; installs `wrk`, `chromium`, `chromium-driver` and `python3-selenium` when missing).\n\n" \
            + block + "\n"
    open(doc, "w").write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--doc", required=True)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--duration", default=os.environ.get("DURATION", "10s"))
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--restarts", type=int, default=5)
    options = parser.parse_args()

    out = os.path.abspath(options.out)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    # The generated repository and the server's data live outside the source tree (the formatter lints every .swift
    # file below it).
    scratch = tempfile.mkdtemp(prefix="insights-pr-bench-")
    repo, data = os.path.join(scratch, "repo"), os.path.join(scratch, "data")
    print("==> repository")
    make_repository(repo)
    target = git(repo, "rev-parse", "main")
    binary = os.path.abspath(options.binary)
    init = subprocess.run([binary, "admin", "init", "--user", "bench", "--repository", "BENCH/repo",
                           "--data-dir", data], check=True, capture_output=True, text=True).stdout
    token = re.search(r"^export INSIGHTS_TOKEN=(\S+)$", init, re.M).group(1)
    subprocess.run([binary, "admin", "link-repo", "BENCH/repo", "--git", repo, "--data-dir", data], check=True,
                   capture_output=True)
    server, base = start_server(binary, data, out)
    try:
        client = Client(base, token)
        api = "/rest/api/latest/projects/BENCH/repos/repo"
        client.send("POST", api + "/pull-requests", {"title": "Benchmark", "fromRef": {"id": "refs/heads/feature"},
                                                     "toRef": {"id": "refs/heads/main"}})
        mirrors = os.path.join(data, "mirrors")
        mirror = os.path.join(mirrors, next(name for name in os.listdir(mirrors) if name.endswith(".git")))
        insights = "/rest/insights/latest/projects/BENCH/repos/repo/pull-requests/1/insights"

        print(f"==> cold: {options.rounds} rounds")
        cold, diffs, sizes = [], [], []
        for round_number in range(1, options.rounds + 1):
            source = push(repo, round_number)
            client.send("POST", api + "/refresh")
            publish(client, source)
            elapsed, (_, body) = timed(lambda: client.send("GET", insights))
            view = json.loads(body)
            assert view["sourceCommit"] == source, view["sourceCommit"]
            cold.append(elapsed)
            sizes.append(len(body))
            diff_ms, _ = timed(lambda: subprocess.run(["git", "-C", mirror, "diff", target, source], env=GIT_ENV,
                                                      check=True, stdout=subprocess.DEVNULL))
            diffs.append(diff_ms)
            print(f"round {round_number}: insights {elapsed:.1f} ms, git diff {diff_ms:.1f} ms")
        on_lines = sum(len(file.get("lineAnnotations", [])) for file in view["files"])
        numstat = git(mirror, "diff", "--numstat", target, source).splitlines()
        changed = len(numstat)
        added = sum(int(line.split("\t")[0]) for line in numstat)

        print("==> warm")
        lua = os.path.join(out, "auth.lua")
        with open(lua, "w") as file:
            file.write(f'wrk.headers["Authorization"] = "Bearer {token}"\n')
        wrk = subprocess.run(["wrk", "-t2", f"-c{options.connections}", f"-d{options.duration}", "--latency", "-s",
                              lua, base + insights], check=True, capture_output=True, text=True).stdout
        open(os.path.join(out, "warm.txt"), "w").write(wrk)
        print(wrk)
        warm_rate = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1))
        warm_p99 = wrk_p99(wrk)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)

        print("==> the pull request page")
        page_url = base + "/projects/BENCH/repos/repo/pull-requests/1"
        first_page_ms, _ = timed(lambda: client.send("GET", "/projects/BENCH/repos/repo/pull-requests/1"))
        page_wrk = subprocess.run(["wrk", "-t2", f"-c{options.connections}", f"-d{options.duration}", "--latency",
                                   "-s", lua, page_url], check=True, capture_output=True, text=True).stdout
        open(os.path.join(out, "page.txt"), "w").write(page_wrk)
        print(page_wrk)
        page_rate = float(re.search(r"Requests/sec:\s+([\d.]+)", page_wrk).group(1))
        page_p99 = wrk_p99(page_wrk)
        page_errors = re.search(r"Non-2xx or 3xx responses: (\d+)", page_wrk)
        paint = browser_figures(page_url, token, out)

        print(f"==> computed on request: {options.restarts} restarts")
        fresh = []
        for _ in range(options.restarts):
            server.terminate()
            server.wait()
            server, base = start_server(binary, data, out)
            client = Client(base, token)
            elapsed, _ = timed(lambda: client.send("GET", insights))
            fresh.append(elapsed)
            print(f"after a restart: insights {elapsed:.1f} ms")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(scratch, ignore_errors=True)

    cold_median, diff_median = statistics.median(cold), statistics.median(diffs)
    ratio = cold_median / diff_median
    verdict = lambda ok: "met" if ok else "**not met**"
    section = f"""Run on {datetime.date.today().isoformat()}: {machine()}; release build; the server, git and wrk
share the machine.

The pull request: {changed} files, {added:,} added lines in the effective diff (5,000 changed by the source branch,
one more per round), the target branch moved on in {MOVED_FILES} of the same files; one report with
{FILES * ANNOTATIONS_PER_FILE:,} annotations on the source tip, {on_lines:,} of them placed on their lines; response
{statistics.median(sizes) / 1024:,.0f} KiB of JSON.

| measurement | result | target |
|---|---|---|
| `git diff <target> <source>` in the mirror ({options.rounds} runs) | median {diff_median:.1f} ms, max {max(diffs):.1f} ms | baseline |
| cold: first `GET …/pull-requests/1/insights` after each push ({options.rounds} pushes) | median {cold_median:.1f} ms, max {max(cold):.1f} ms = {ratio:.1f}× `git diff` | ≤ 2× `git diff`: {verdict(ratio <= 2)} |
| computed on request: the first request after a restart (nothing kept, {options.restarts} restarts) | median {statistics.median(fresh):.1f} ms = {statistics.median(fresh) / diff_median:.1f}× `git diff` | for comparison |
| the pull request page, first view (renders its body) | {first_page_ms:.0f} ms | recorded |
| the pull request page, warm (HTML, {options.connections} connections, {options.duration}) | {page_rate:,.0f} requests/s, p99 {page_p99:.2f} ms{f", {page_errors.group(1)} errors" if page_errors else ""} | p99 < 100 ms: {verdict(page_p99 < 100)} |
| the page in headless Chromium ({paint["loads"]} loads) | first contentful paint median {paint["paint"]:.0f} ms; {paint["html"] / 1024:,.0f} KiB of HTML, {paint["total"] / 1024:,.0f} KiB with the stylesheet and script; {paint["nodes"]:,} DOM elements | recorded |
| warm: the same request, {options.connections} connections, {options.duration} | {warm_rate:,.0f} requests/s, p99 {warm_p99:.2f} ms{f", {errors.group(1)} errors" if errors else ""} | p99 < 50 ms: {verdict(warm_p99 < 50)} |

Cold is what a reviewer meets after CI pushed and published: the push is fetched (`POST …/refresh`, not timed),
which records the new tip and starts computing the effective diff in the background, then the report and its
annotations are published (not timed), then the request is timed: it waits for the diff if it is still being
computed, reads both commits' insights, places them and encodes the JSON. "Computed on request" is the same request
on a server that has nothing kept (just restarted): `merge-tree`, `merge-base`, the paths each side changed, the
effective diff and the diff of the files both sides changed, then the same work. Warm answers the kept placement
after checking both commits' revisions. The HTML page keeps its rendered body (everything but the visitor's name and
CSRF token) per placement, pull request and verdict: the first view renders it (about 25,000 diff rows), later views
only frame it; the Chromium figures are for a page of that size, uncached by the browser."""
    write_section(os.path.abspath(options.doc), section)
    print(section)


if __name__ == "__main__":
    main()
