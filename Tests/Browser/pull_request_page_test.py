#!/usr/bin/python3
"""The web UI in a real browser (Debian's chromium, headless, driven by selenium with chromium-driver).

On the fixture repository (Tests/Fixtures/pull-request-repo.sh) a release `insights serve` gets a pull request with
a report and annotations in every place the page has; the test signs in through the form and asserts:
- each annotation is in the right row of the right file, unchanged-line ones are not in the diff, and the overview,
  file-level, moved and obsolete ones are where they belong;
- a report published while the page is open appears without a reload (server-sent events);
- an XSS payload in every text field, in a file path and in a branch name does not execute, on the pull request,
  commit and repository pages.
Screenshots go to the artifacts directory.

Usage: pull_request_page_test.py <insights binary> <artifacts directory>
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import UnexpectedAlertPresentException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GIT_ENV = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
           "GIT_AUTHOR_NAME": "Browser Test", "GIT_AUTHOR_EMAIL": "browser@example.com",
           "GIT_COMMITTER_NAME": "Browser Test", "GIT_COMMITTER_EMAIL": "browser@example.com"}
# Every payload sets window.xss when it runs; the test fails if it is ever set.
SCRIPT = "<script>window.xss='script'</script>"
IMAGE = "\"><img src=x onerror=\"window.xss='img'\">"
XSS_BRANCH = "xss\"><svg/onload=window.xss=1>"
XSS_FILE = "src/<img src=x onerror=window.xss=2>.swift"

failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def git(repo, *arguments):
    return subprocess.run(["git", "-C", repo, *arguments], env=GIT_ENV, check=True, capture_output=True,
                          text=True).stdout.strip()


class API:
    def __init__(self, base, token):
        self.base, self.token = base, token

    def send(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {self.token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()

    def report(self, commit, key, report, annotations):
        path = f"/rest/insights/latest/projects/PROJ/repos/repo/commits/{commit}/reports/{key}"
        self.send("PUT", path, report)
        if annotations:
            self.send("POST", path + "/annotations", {"annotations": annotations})


def annotation(external_id, message, path=None, line=None, severity="MEDIUM", **extra):
    value = {"externalId": external_id, "message": message, "severity": severity, **extra}
    if path is not None:
        value["path"] = path
    if line is not None:
        value["line"] = line
    return value


def start_server(binary, data, log):
    output = open(log, "w+")
    server = subprocess.Popen([binary, "serve", "--port", "0", "--data-dir", data, "--log-level", "warning",
                               "--git-fetch-interval-seconds", "0"], stdout=output, stderr=subprocess.STDOUT)
    for _ in range(300):
        output.seek(0)
        match = re.search(r"listening on (\S+)", output.read())
        if match:
            return server, match.group(1)
        time.sleep(0.1)
    server.terminate()
    raise RuntimeError("the server did not start: " + open(log).read())


def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1800", "--lang=en-US"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def placed(driver, selector):
    """The messages of the annotations under a CSS selector."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent.trim())", selector)


def in_row(path, line):
    return f'details.diff-file[data-file-path="{path}"] tr.annotation-row[data-line="{line}"] .message'


def assert_no_script_ran(driver, where):
    try:
        value = driver.execute_script("return window.xss === undefined ? null : String(window.xss)")
    except UnexpectedAlertPresentException:
        value = "an alert"
    check(value is None, f"no injected script ran on {where} (window.xss = {value})")


def main():
    binary, artifacts = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    shutil.rmtree(artifacts, ignore_errors=True)
    os.makedirs(artifacts)
    scratch = tempfile.mkdtemp(prefix="insights-browser-")
    repo, data = os.path.join(scratch, "repo"), os.path.join(scratch, "data")
    subprocess.run(["bash", os.path.join(ROOT, "Tests/Fixtures/pull-request-repo.sh"), repo], check=True,
                   capture_output=True)
    feature, main_tip = git(repo, "rev-parse", "feature"), git(repo, "rev-parse", "main")
    # A branch and a file named like markup, for the XSS checks.
    git(repo, "checkout", "-q", "-b", XSS_BRANCH, "feature")
    os.makedirs(os.path.dirname(os.path.join(repo, XSS_FILE)), exist_ok=True)
    with open(os.path.join(repo, XSS_FILE), "w") as file:
        file.write("let hostile = 1\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"Commit message {SCRIPT}")
    hostile = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "main")

    init = subprocess.run([binary, "admin", "init", "--user", "ci", "--repository", "PROJ/repo", "--git", repo,
                           "--data-dir", data], check=True, capture_output=True, text=True)
    token = re.search(r"^export INSIGHTS_TOKEN=(\S+)$", init.stdout, re.M).group(1)
    password = re.search(r"password \(shown once\): (\S+)", init.stderr).group(1)
    server, base = start_server(binary, data, os.path.join(artifacts, "server.log"))
    driver = None
    try:
        api = API(base, token)
        pulls = "/rest/api/latest/projects/PROJ/repos/repo/pull-requests"
        api.report(feature, "lint", {
            "title": "Lint", "result": "FAIL", "reporter": "Browser test", "details": "Line one\nLine two",
            "data": [{"title": "Issues", "type": "NUMBER", "value": 14300},
                     {"title": "Coverage", "type": "PERCENTAGE", "value": 85.5},
                     {"title": "Safe", "type": "BOOLEAN", "value": False},
                     {"title": "Took", "type": "DURATION", "value": 3723000},
                     {"title": "Docs", "type": "LINK", "value": {"linktext": "rules", "href": "https://example.com"}}]},
            [annotation("inline", "on a changed line", "src/app.swift", 5, "HIGH"),
             annotation("unchanged", "on an unchanged line", "src/app.swift", 1),
             annotation("overview", "about the whole change"),
             annotation("file", "about the whole file", "src/app.swift", 0, "LOW"),
             annotation("moved", "moved by main", "src/shared.swift", 20),
             annotation("obsolete", "changed by main too", "src/shared.swift", 40),
             annotation("binary", "in a binary file", "assets/logo.png", 3),
             annotation("untouched", "in a file the change leaves alone", "src/untouched.swift", 1)])
        payload = SCRIPT + IMAGE
        api.report(hostile, "xss", {
            "title": "Title " + payload, "details": "Details " + payload, "reporter": "Reporter " + payload,
            "link": "https://example.com/\"><script>window.xss='link'</script>",
            "logoUrl": "https://example.com/logo.png\" onerror=\"window.xss='logo'",
            "data": [{"title": "Field " + payload, "type": "TEXT", "value": "Value " + payload},
                     {"title": "Link " + payload, "type": "LINK",
                      "value": {"linktext": "Text " + payload, "href": "https://example.com/?q=\"><b>"}}]},
            [annotation("x1", "Message " + payload, XSS_FILE, 1, "HIGH", type="BUG",
                        link="https://example.com/\" onmouseover=\"window.xss='href'"),
             annotation("x2", "Overview " + payload)])

        driver = browser()
        driver.get(base + "/projects/PROJ/repos/repo")
        WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "username"))
        check("/sign-in?returnTo=" in driver.current_url, "a private page sends an anonymous visitor to sign in")
        driver.find_element(By.ID, "username").send_keys("ci")
        driver.find_element(By.ID, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "form.sign-in-form button[type=submit]").click()
        WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "from-branch"))
        check(driver.current_url.endswith("/projects/PROJ/repos/repo"), "signed in with the password, back on the page")

        # The pull request is opened from the repository page's form (a write with its CSRF token).
        driver.find_element(By.CSS_SELECTOR, "#from-branch option[value='feature']").click()
        driver.find_element(By.CSS_SELECTOR, "#to-branch option[value='main']").click()
        driver.find_element(By.ID, "pr-title-input").send_keys("Feature")
        driver.find_element(By.CSS_SELECTOR, "form.open-form button[type=submit]").click()
        WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "files"))
        check(driver.current_url.endswith("/pull-requests/1"), f"the form opened pull request 1 ({driver.current_url})")
        api.send("POST", pulls, {"title": f"Hostile {SCRIPT}", "description": IMAGE,
                                 "fromRef": {"id": "refs/heads/" + XSS_BRANCH}, "toRef": {"id": "refs/heads/main"}})
        driver.get(base + "/projects/PROJ/repos/repo/pull-requests/1")
        WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "files"))
        driver.save_screenshot(os.path.join(artifacts, "pull-request.png"))
        check(placed(driver, in_row("src/app.swift", 5)) == ["on a changed line"],
              "the changed-line annotation is right under line 5 of src/app.swift")
        check(placed(driver, in_row("src/shared.swift", 25)) == ["moved by main"],
              "the moved annotation is under merged line 25 of src/shared.swift")
        moved = driver.execute_script(
            "return document.querySelector(arguments[0]).closest('article').textContent", in_row("src/shared.swift", 25))
        check("moved from line 20" in moved, "the moved annotation says where it came from")
        check(placed(driver, 'details.diff-file[data-file-path="src/app.swift"] .file-annotations .message')
              == ["about the whole file"], "the file-level annotation is at the top of src/app.swift")
        check(placed(driver, 'details.diff-file[data-file-path="assets/logo.png"] .file-annotations .message')
              == ["in a binary file"], "the binary file's annotation is at its top")
        check(placed(driver, "#overview .message") == ["about the whole change"], "the overview lists the pathless one")
        check(placed(driver, "#obsolete .message") == ["changed by main too"], "the untraceable one is obsolete")
        in_diff = placed(driver, "#files .message")
        check("on an unchanged line" not in in_diff and "in a file the change leaves alone" not in in_diff,
              "unchanged-line and untouched-file annotations are not in the diff")
        cards = driver.find_element(By.ID, "reports").text
        check("14.3k" in cards and "85.5%" in cards and "No" in cards and "1h 2m" in cards,
              "data fields are formatted (14.3k, 85.5%, No, 1h 2m)")

        # Keyboard: j moves to the next annotation, k back.
        # Keys go to whatever has the focus, as a reader's would (an element's send_keys would focus it first).
        ActionChains(driver).send_keys("j").perform()
        first = driver.execute_script("return document.activeElement.id")
        ActionChains(driver).send_keys("j").perform()
        second = driver.execute_script("return document.activeElement.id")
        ActionChains(driver).send_keys("k").perform()
        back = driver.execute_script("return document.activeElement.id")
        check(first.startswith("annotation-") and second.startswith("annotation-") and first != second
              and back == first, f"j and k move between annotations ({first}, {second}, {back})")
        # The page's switch hides the annotations in the diff.
        driver.find_element(By.ID, "hide-annotations").click()
        hidden = driver.execute_script(
            "return getComputedStyle(document.querySelector(arguments[0]).closest('tr')).display",
            in_row("src/app.swift", 5))
        check(hidden == "none", "the switch hides annotations in the diff")
        driver.find_element(By.ID, "hide-annotations").click()
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        dark = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        driver.save_screenshot(os.path.join(artifacts, "pull-request-dark.png"))
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
        light = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        check(dark != light, f"the dark theme follows the system setting ({dark} vs {light})")

        # Live: a report published while the page is open appears without a reload.
        marker = driver.execute_script("window.__sameDocument = true; return true")
        api.report(feature, "tests", {"title": "Unit tests", "result": "PASS"}, [])
        try:
            WebDriverWait(driver, 20).until(lambda d: "Unit tests" in d.find_element(By.ID, "reports").text)
            appeared = True
        except Exception:
            appeared = False
        check(appeared and marker and driver.execute_script("return window.__sameDocument === true"),
              "a report published while the page is open appears without reloading")
        driver.save_screenshot(os.path.join(artifacts, "pull-request-live.png"))

        driver.get(base + "/projects/PROJ/repos/repo/pull-requests/2")
        WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "files"))
        assert_no_script_ran(driver, "the hostile pull request page")
        text = driver.find_element(By.TAG_NAME, "body").text
        check("Message <script>" in text and XSS_FILE in text and "<svg/onload" in text,
              "the payloads are shown as text (message, file path, branch name)")
        links = driver.execute_script(
            "return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
        check(not any(link.lower().startswith("javascript:") for link in links), "no javascript: link")
        driver.save_screenshot(os.path.join(artifacts, "pull-request-hostile.png"))
        for path, name in [(f"/projects/PROJ/repos/repo/commits/{hostile}", "the hostile commit page"),
                           ("/projects/PROJ/repos/repo", "the repository page"),
                           ("/projects/PROJ/repos/repo/pull-requests?state=ALL", "the pull request list")]:
            driver.get(base + path)
            WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.TAG_NAME, "main"))
            assert_no_script_ran(driver, name)
        check(XSS_BRANCH in driver.find_element(By.TAG_NAME, "body").text, "the list shows the branch name as text")
        check(main_tip != feature, "the fixture's branches differ")
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait()
        shutil.rmtree(scratch, ignore_errors=True)
    if failures:
        print(f"{len(failures)} browser check(s) failed; screenshots in {artifacts}")
        return 1
    print(f"all browser checks passed; screenshots in {artifacts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
