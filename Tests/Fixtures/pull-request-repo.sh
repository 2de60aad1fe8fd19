#!/usr/bin/env bash
# Creates a git repository for pull-request tests: `main` (target) and `feature` (source) fork from one base commit
# and both move on. Commit ids are the same on every run: fixed names, e-mail addresses and dates, SHA-1, and no user
# or system git configuration.
#
# Usage: pull-request-repo.sh <new directory>   (the directory must not exist or be empty)
# Output: nothing but the last three lines `base=<id>`, `main=<id>`, `feature=<id>`. `main` is left checked out.
#
#   base ── main~1 ── main          main~1: shared.swift header and shared40; main: conflict.swift
#     └──── feature~1 ── feature    feature~1: app, shared, rename; feature: everything else
#
# "merged" is the tree printed by `git merge-tree --write-tree main feature` (exit status 1: one conflict); the
# effective diff is `git diff main <merged>`. Line numbers are 1-based and were checked with git 2.39.5
# (merge-tree, `git diff main <merged>` and `git diff -U0 feature <merged>`). Only case 7 differs between feature and
# merged apart from the shift in case 2.
#
#  1. src/app.swift, changed only on feature (merged = feature, every line placeable as-is): line 5 modified
#     (`var version = 2`), base line 6 (`var verbose = false`) removed, lines 10-11 added (`print("ready")`,
#     `print("done")`). Effective diff: one hunk `@@ -2,11 +2,12 @@`, added lines 5, 10, 11.
#  2. src/shared.swift, changed on both sides without conflict. Base line i is `let shared<i> = <i>` (60 lines).
#     main inserts 5 lines after line 2 (`// main header 1 = 1` ... `// main header 5 = 5`, merged lines 3-7) and
#     rewrites base line 40 (`let shared40 = 4000 // main`). feature rewrites line 20 (`let shared20 = 2000 //
#     feature`) and line 38 (`let shared38 = 3800 // feature`) and adds `let feature1 = 1`, `let feature2 = 2` as
#     lines 51-52 (feature: 62 lines, merged: 67).
#     feature line -> merged line: 1-2 -> 1-2; 3-39 -> 8-44 (+5: 20 -> 25, 38 -> 43, 10 -> 15); 41-62 -> 46-67
#     (+5: 51 -> 56, 52 -> 57).
#     NOT traceable: feature line 40 (`let shared40 = 40`). main rewrote that line (merged line 45 is
#     `let shared40 = 4000 // main`), right next to feature's change at line 38 (only line 39 lies between, so the
#     merge is clean); `git diff -U0 feature <merged>` shows it as `@@ -40 +45 @@`.
#     Effective diff: hunks `@@ -22,7 +22,7 @@`, `@@ -40,7 +40,7 @@`, `@@ -53,6 +53,8 @@`; added lines 25, 43, 56,
#     57; merged line 45 is a context line of the second hunk; merged 15 (feature 10) is in no hunk.
#  3. docs/old-name.md renamed on feature to docs/new-name.md (similarity 74%) with line 6 changed (`Step two:
#     configure the server.`). Effective diff: `rename from`/`rename to`, hunk `@@ -3,6 +3,6 @@`, added line 6.
#  4. src/removed.swift deleted on feature. Effective diff: `deleted file mode`, `+++ /dev/null`, no new side.
#  5. assets/logo.png, binary (20 bytes with NULs, 22 on feature). Effective diff: `Binary files a/assets/logo.png
#     and b/assets/logo.png differ`, no hunk.
#  6. assets/icon.svg, text SVG: feature modifies line 2 (`fill="#993366"`) and adds line 3 (`<circle ...>`).
#     Effective diff: hunk `@@ -1,3 +1,4 @@`, added lines 2, 3.
#  7. src/conflict.swift, line 2 changed to `"main"` on main and to `"feature"` on feature: the only path
#     merge-tree reports as conflicted. The merged blob holds conflict markers labelled with the revisions given to
#     merge-tree: 1 `enum Mode {`, 2 `<<<<<<< <target>`, 3 main's line, 4 `=======`, 5 feature's line,
#     6 `>>>>>>> <source>`, 7 `}`; effective diff `@@ -1,3 +1,7 @@` adds lines 2, 4, 5, 6.
#  8. src/big.swift, 5,000 lines `let big<i> = <i>`; feature rewrites lines 10, 1234, 2500, 3777 and 4990
#     (`... // feature`). Effective diff: five hunks, added lines exactly those five; merged = feature.
#  9. src/untouched.swift, 10 lines, identical in base, main, feature and merged: not in the effective diff.
# 10. `src/naïve file.swift` (a space and a precomposed U+00EF): feature modifies line 2 (`let plain = 22`) and adds
#     line 4 (`let naïve = 4`). Effective diff: hunk `@@ -1,3 +1,4 @@`, added lines 2, 4; merged = feature.
#
# `git diff --name-only --no-renames main feature` lists 10 paths: all of the above but src/untouched.swift, with
# both docs/old-name.md and docs/new-name.md.
set -euo pipefail

if [ "$#" -ne 1 ]; then
    echo "usage: $0 <new directory>" >&2
    exit 2
fi
repo=$1
if [ -e "$repo" ] && [ -n "$(ls -A "$repo")" ]; then
    echo "$0: $repo exists and is not empty" >&2
    exit 2
fi

# Only this script decides what the repository looks like: no user or system configuration, no inherited repository.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_NAMESPACE
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C
export GIT_AUTHOR_NAME="Ada Fixture" GIT_AUTHOR_EMAIL="ada@example.com"
export GIT_COMMITTER_NAME="Ada Fixture" GIT_COMMITTER_EMAIL="ada@example.com"

git_() { git -C "$repo" "$@"; }

# Commits at a fixed date, so every run produces the same commit ids.
commit() {
    GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" git_ -c commit.gpgSign=false commit -q -m "$2"
}

# numbered PREFIX FIRST LAST: lines "PREFIX<i> = <i>" for i in FIRST...LAST.
numbered() {
    local i
    for ((i = $2; i <= $3; i++)); do printf '%s%d = %d\n' "$1" "$i" "$i"; done
}

write() {
    mkdir -p "$(dirname "$repo/$1")"
    cat > "$repo/$1"
}

mkdir -p "$repo"
git_ init -q -b main --object-format=sha1

# --- base ---------------------------------------------------------------------------------------------------------
write src/app.swift <<'SWIFT'
import Foundation

struct App {
    var name = "insights"
    var version = 1
    var verbose = false

    func run() {
        print(name)
        print(version)
    }
}
SWIFT
numbered "let shared" 1 60 | write src/shared.swift
write docs/old-name.md <<'MD'
# Guide

This guide explains the setup.

Step one: install.
Step two: configure.
Step three: run.
Step four: enjoy.
MD
write src/removed.swift <<'SWIFT'
// This file is deleted on feature.
let removed = true
SWIFT
mkdir -p "$repo/assets"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001' > "$repo/assets/logo.png"
write assets/icon.svg <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16">
  <rect width="16" height="16" fill="#336699"/>
</svg>
SVG
write src/conflict.swift <<'SWIFT'
enum Mode {
    static let current = "base"
}
SWIFT
numbered "let big" 1 5000 | write src/big.swift
numbered "let untouched" 1 10 | write src/untouched.swift
write "src/naïve file.swift" <<'SWIFT'
let naive = 1
let plain = 2
let simple = 3
SWIFT
git_ add -A
commit "2025-01-01 10:00:00 +0000" "Base: every file of the fixture"
base=$(git_ rev-parse HEAD)

# --- main (target) ------------------------------------------------------------------------------------------------
{
    numbered "let shared" 1 2
    numbered "// main header " 1 5
    numbered "let shared" 3 39
    echo "let shared40 = 4000 // main"
    numbered "let shared" 41 60
} | write src/shared.swift
git_ add -A
commit "2025-01-02 10:00:00 +0000" "Main: header in shared.swift, shared40 rewritten"
write src/conflict.swift <<'SWIFT'
enum Mode {
    static let current = "main"
}
SWIFT
git_ add -A
commit "2025-01-03 10:00:00 +0000" "Main: current mode is main"
main=$(git_ rev-parse HEAD)

# --- feature (source) ---------------------------------------------------------------------------------------------
git_ checkout -q -b feature "$base"
write src/app.swift <<'SWIFT'
import Foundation

struct App {
    var name = "insights"
    var version = 2

    func run() {
        print(name)
        print(version)
        print("ready")
        print("done")
    }
}
SWIFT
{
    numbered "let shared" 1 19
    echo "let shared20 = 2000 // feature"
    numbered "let shared" 21 37
    echo "let shared38 = 3800 // feature"
    numbered "let shared" 39 50
    echo "let feature1 = 1"
    echo "let feature2 = 2"
    numbered "let shared" 51 60
} | write src/shared.swift
git_ mv docs/old-name.md docs/new-name.md
write docs/new-name.md <<'MD'
# Guide

This guide explains the setup.

Step one: install.
Step two: configure the server.
Step three: run.
Step four: enjoy.
MD
git_ add -A
commit "2025-01-04 10:00:00 +0000" "Feature: app, shared and the renamed guide"
git_ rm -q src/removed.swift
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\002\000\377' > "$repo/assets/logo.png"
write assets/icon.svg <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16">
  <rect width="16" height="16" fill="#993366"/>
  <circle cx="8" cy="8" r="4" fill="#ffffff"/>
</svg>
SVG
write src/conflict.swift <<'SWIFT'
enum Mode {
    static let current = "feature"
}
SWIFT
{
    numbered "let big" 1 9
    echo "let big10 = 10 // feature"
    numbered "let big" 11 1233
    echo "let big1234 = 1234 // feature"
    numbered "let big" 1235 2499
    echo "let big2500 = 2500 // feature"
    numbered "let big" 2501 3776
    echo "let big3777 = 3777 // feature"
    numbered "let big" 3778 4989
    echo "let big4990 = 4990 // feature"
    numbered "let big" 4991 5000
} | write src/big.swift
write "src/naïve file.swift" <<'SWIFT'
let naive = 1
let plain = 22
let simple = 3
let naïve = 4
SWIFT
git_ add -A
commit "2025-01-05 10:00:00 +0000" "Feature: naïve file, icons, big file, conflict"
feature=$(git_ rev-parse HEAD)
git_ checkout -q main

echo "base=$base"
echo "main=$main"
echo "feature=$feature"
