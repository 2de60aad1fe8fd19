#!/usr/bin/env python3
"""Writes the "Converting SARIF" section of docs/PERFORMANCE.md from the environment run.sh exports.

Only the text between `<!-- convert:start -->` and `<!-- convert:end -->` is replaced; the section is appended
(and the file created with a `# Performance` heading) when missing. Other sections are left alone.
"""

import datetime
import os
import platform
import re
import sys

START, END = "<!-- convert:start -->", "<!-- convert:end -->"


def machine():
    model = "unknown CPU"
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory_kb = 0
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
    return f"{os.cpu_count()} × {model}, {memory_kb / 1048576:.1f} GiB RAM, {platform.system()} {platform.release()}"


def main():
    path = sys.argv[1]
    env = os.environ
    swift_s, py_s = float(env["SWIFT_S"]), float(env["PY_S"])
    swift_cpu, py_cpu = float(env["SWIFT_CPU"]), float(env["PY_CPU"])
    swift_mb, py_mb = int(env["SWIFT_KB"]) / 1024, int(env["PY_KB"]) / 1024
    size_mb = int(env["SARIF_BYTES"]) / 1048576
    ratio = py_s / swift_s if swift_s > 0 else float("inf")
    cpu_ratio = py_cpu / swift_cpu if swift_cpu > 0 else float("inf")
    requests = int(env["REQUESTS"])

    def verdict(ok):
        return "✅" if ok else "❌"

    body = f"""{START}
Run on {datetime.date.today().isoformat()}: {machine()}; {env["SWIFT_VERSION"]}, release build; {env["RUFF_VERSION"]}.

Input: `ruff check --select ALL --output-format sarif` over the `django/` package of the Django
{env["DJANGO_VERSION"]} sdist: **{size_mb:.1f} MB** ({int(env["SARIF_BYTES"]):,} bytes), one run,
{int(env["RESULTS"]):,} results → {int(env["ANNOTATIONS"]):,} annotations. Times are wall clock and memory is peak
RSS from `/usr/bin/time -v`, the median of {env["RUNS"]} runs each, output to `/dev/null`. CPU is user + system
time; the machine is shared (load average {env["LOAD"]} at the end of the run), so wall time includes waiting for a
core.

| converter | wall time | CPU time | peak RSS |
|---|---|---|---|
| `insights convert --format sarif FILE --compact` | {swift_s:.2f} s | {swift_cpu:.2f} s | {swift_mb:.0f} MB |
| `benchmarks/convert/reference_converter.py` (`json.load`, same mapping) | {py_s:.2f} s | {py_cpu:.2f} s | {py_mb:.0f} MB |

| target | measured | |
|---|---|---|
| < 2 s | {swift_s:.2f} s wall, {swift_cpu:.2f} s CPU | {verdict(swift_s < 2)} |
| < 200 MB peak RSS | {swift_mb:.0f} MB | {verdict(swift_mb < 200)} |
| ≥ 3× faster than Python | {ratio:.1f}× wall, {cpu_ratio:.1f}× CPU | {verdict(ratio >= 3)} |
| same output as the reference | {env["IDENTICAL"]} (parsed JSON compared) | {verdict(env["IDENTICAL"] == "identical")} |

**Publishing.** The first 10,000 results of the same log, `insights publish --max-annotations 1000` to a local
`insights serve` (release, fresh `--data-dir`): **{requests} requests** ({env["ROUTES"]}; counted as the change
of `http_requests_total` over the `/rest/insights` routes in `/metrics`) in {float(env["PUBLISH_S"]):.2f} s,
conversion included. Target ≤ 11 requests: {verdict(requests <= 11)}.
{END}"""

    text = open(path).read() if os.path.exists(path) else "# Performance\n"
    if START in text and END in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: body, text, flags=re.S)
    else:
        section = (
            "## Converting SARIF\n\n"
            "Run with `bash benchmarks/convert/run.sh` (release build; installs ruff and `time` when missing, "
            "downloads the Django sdist into `benchmarks/out/`).\n\n"
        )
        text = text.rstrip("\n") + "\n\n" + section + body + "\n"
    with open(path, "w") as handle:
        handle.write(text)


if __name__ == "__main__":
    main()
