#!/usr/bin/env python3
"""Reference SARIF converter for the benchmark: json.load plus the mapping of docs/converters.md.

Usage: reference_converter.py FILE [--root DIR] > out.json

Prints the same native document as `insights convert --format sarif FILE --compact` (sorted keys, compact),
so the benchmark can compare the two outputs as well as their speed.
"""

import json
import os
import sys
from urllib.parse import unquote

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK = (1 << 64) - 1


def hex_hash(text):
    value = FNV_OFFSET
    for byte in text.encode("utf-8"):
        value ^= byte
        value = (value * FNV_PRIME) & MASK
    return f"{value:016x}"


def security_severity(properties):
    if not isinstance(properties, dict):
        return None
    value = properties.get("security-severity")
    if isinstance(value, str):
        try:
            return float(value.strip(" "))
        except ValueError:
            return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


def tags_of(properties):
    if not isinstance(properties, dict):
        return []
    tags = properties.get("tags")
    if isinstance(tags, list) and all(isinstance(t, str) for t in tags):
        return tags
    return []


def format_message(template, arguments):
    if "{" not in template and "}" not in template:
        return template
    out = []
    i, n = 0, len(template)
    while i < n:
        c = template[i]
        nxt = template[i + 1] if i + 1 < n else None
        if c == "{" and nxt == "{":
            out.append("{")
            i += 2
        elif c == "}" and nxt == "}":
            out.append("}")
            i += 2
        elif c == "{":
            j = i + 1
            while j < n and template[j].isascii() and template[j].isdigit():
                j += 1
            if j > i + 1 and j < n and template[j] == "}" and int(template[i + 1 : j]) < len(arguments):
                out.append(arguments[int(template[i + 1 : j])])
                i = j + 1
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def normalized_absolute(path):
    parts = []
    for component in path.split("/"):
        if component in ("", "."):
            continue
        if component == "..":
            if parts:
                parts.pop()
        else:
            parts.append(component)
    return "/" + "/".join(parts)


def strip_prefix(prefix, path):
    if prefix == "/":
        return path[1:]
    if path.startswith(prefix + "/"):
        return path[len(prefix) + 1 :]
    return None


def repository_relative(path, root):
    if path.lower().startswith("file:"):
        rest = path[5:]
        if rest.startswith("//"):
            rest = rest[2:]
            slash = rest.find("/")
            rest = rest[slash:] if slash >= 0 else ""
        path = unquote(rest)
    if not path.startswith("/"):
        parts = [p for p in path.split("/") if p]
        while parts and parts[0] == ".":
            parts.pop(0)
        return "/".join(p for p in parts if p != ".")
    absolute = normalized_absolute(path)
    root_path = normalized_absolute(root)
    relative = strip_prefix(root_path, absolute)
    if relative is not None:
        return relative
    relative = strip_prefix(os.path.realpath(root_path), os.path.realpath(absolute))
    return relative if relative is not None else absolute


def has_scheme(uri):
    colon = uri.find(":")
    if colon <= 0:
        return False
    scheme = uri[:colon]
    return len(scheme) > 1 and all(c.isalnum() or c in "+-." for c in scheme)


class RunIndex:
    def __init__(self, run, root):
        self.run = run
        self.root = root
        tool = run["tool"]
        self.driver = tool["driver"]
        self.extensions = tool.get("extensions") or []
        self.rules_by_id = {}
        for component in [self.driver] + self.extensions:
            for rule in component.get("rules") or []:
                rule_id = rule.get("id")
                if rule_id is not None and rule_id not in self.rules_by_id:
                    self.rules_by_id[rule_id] = rule

    def rule(self, result):
        reference = result.get("rule") or {}
        component_index = (reference.get("toolComponent") or {}).get("index")
        if component_index is not None:
            extensions = self.run["tool"].get("extensions")
            component = extensions[component_index] if extensions and 0 <= component_index < len(extensions) else None
        else:
            component = self.driver
        index = reference.get("index")
        if index is None:
            index = result.get("ruleIndex")
        rules = (component or {}).get("rules")
        if index is not None and rules and 0 <= index < len(rules):
            return rules[index]
        rule_id = rule_id_of(result)
        return self.rules_by_id.get(rule_id) if rule_id is not None else None

    def artifact_location(self, result):
        locations = result.get("locations") or []
        if not locations:
            return None
        location = ((locations[0].get("physicalLocation") or {}).get("artifactLocation")) or None
        if location is None:
            return None
        artifacts = self.run.get("artifacts")
        index = location.get("index")
        if location.get("uri") is None and index is not None and artifacts and 0 <= index < len(artifacts):
            if artifacts[index].get("location") is not None:
                location = artifacts[index]["location"]
        if not location.get("uri"):
            return None
        return location

    def resolve(self, uri, base_id, depth):
        bases = self.run.get("originalUriBaseIds") or {}
        if base_id is None or depth >= 16 or uri.startswith("/") or has_scheme(uri) or base_id not in bases:
            return uri
        base = bases[base_id]
        prefix = base.get("uri") or ""
        if prefix and not prefix.endswith("/"):
            prefix += "/"
        return self.resolve(prefix + uri, base.get("uriBaseId"), depth + 1)

    def path(self, location):
        resolved = self.resolve(location.get("uri") or "", location.get("uriBaseId"), 0)
        if resolved.lower().startswith("file:"):
            return repository_relative(resolved, self.root)
        if has_scheme(resolved):
            return resolved
        return repository_relative(unquote(resolved), self.root)


def rule_id_of(result):
    rule_id = result.get("ruleId")
    if rule_id is None:
        rule_id = (result.get("rule") or {}).get("id")
    return rule_id


def is_skipped(result):
    suppressions = result.get("suppressions")
    if suppressions and any((s.get("status") or "").lower() != "rejected" for s in suppressions):
        return True
    if (result.get("baselineState") or "").lower() == "absent":
        return True
    return (result.get("kind") or "").lower() in ("pass", "notapplicable")


def effective_level(result, rule):
    if result.get("level") is not None:
        return result["level"].lower()
    kind = result.get("kind")
    if kind is not None and kind.lower() != "fail":
        return "none"
    return (((rule or {}).get("defaultConfiguration") or {}).get("level") or "warning").lower()


def severity_of(score, level):
    if score is not None and score > 0:
        return "CRITICAL" if score >= 9 else "HIGH" if score >= 7 else "MEDIUM" if score >= 4 else "LOW"
    return {"error": "HIGH", "note": "LOW", "none": "LOW"}.get(level, "MEDIUM")


def type_of(score, tags, level):
    if score is not None or any(t.lower() == "security" for t in tags):
        return "VULNERABILITY"
    return "BUG" if level == "error" else "CODE_SMELL"


def first_fingerprint(fingerprints):
    if not isinstance(fingerprints, dict):
        return None
    for key in sorted(fingerprints):
        value = fingerprints[key]
        if value and not any(c in value for c in " \t\n\r"):
            return key, value
    return None


def convert(log, root):
    annotations, used = [], set()
    has_error, skipped = False, 0
    for run in log["runs"]:
        index = RunIndex(run, root)
        paths = {}
        for result in run.get("results") or []:
            if is_skipped(result):
                skipped += 1
                continue
            rule = index.rule(result)
            level = effective_level(result, rule)
            has_error = has_error or level == "error"
            path = None
            location = index.artifact_location(result)
            if location is not None:
                key = (location.get("uriBaseId") or "", location.get("uri") or "")
                if key not in paths:
                    paths[key] = index.path(location)
                path = paths[key]
            rule_id = rule_id_of(result)
            if rule_id is None and rule is not None:
                rule_id = rule.get("id")
            score = security_severity(result.get("properties"))
            if score is None:
                score = security_severity((rule or {}).get("properties"))
            tags = tags_of((rule or {}).get("properties")) + tags_of(result.get("properties"))
            locations = result.get("locations") or []
            line = None
            if locations:
                line = (((locations[0].get("physicalLocation") or {}).get("region")) or {}).get("startLine")
            line = line if line is not None and line > 0 else None
            message = result["message"]
            template = message.get("text")
            if template is None and message.get("id") is not None:
                template = (((rule or {}).get("messageStrings") or {}).get(message["id"]) or {}).get("text")
            text = format_message(template, message.get("arguments") or []) if template is not None else None
            if not text or not text.strip():
                text = rule_id if rule_id is not None else "Finding without message"
            annotation = {"message": text, "severity": severity_of(score, level), "type": type_of(score, tags, level)}
            if path is not None:
                annotation["path"] = path
            if line is not None:
                annotation["line"] = line
            if rule_id is not None:
                annotation["title"] = rule_id
            if (rule or {}).get("helpUri") is not None:
                annotation["link"] = rule["helpUri"]
            title = rule_id if rule_id is not None else "sarif"
            parts = [title, path or ""]
            fingerprint = first_fingerprint(result.get("fingerprints")) or first_fingerprint(
                result.get("partialFingerprints")
            )
            parts += list(fingerprint) if fingerprint else [str(line) if line is not None else "", text]
            candidate = f"{title[:200]}-{hex_hash(chr(0).join(parts))}"
            external_id, suffix = candidate, 2
            while external_id in used:
                external_id, suffix = f"{candidate}-{suffix}", suffix + 1
            used.add(external_id)
            annotation["externalId"] = external_id
            annotations.append(annotation)
    return {"version": 1, "report": report(log, annotations, has_error, skipped), "annotations": annotations}


def report(log, annotations, has_error, skipped):
    tools, reporters = [], []
    for run in log["runs"]:
        driver = run["tool"]["driver"]
        name = driver["name"]
        if name not in tools:
            tools.append(name)
        version = driver.get("version") or driver.get("semanticVersion")
        reporter = (version if version.startswith(name) else f"{name} {version}") if version else name
        if reporter not in reporters:
            reporters.append(reporter)
    count = len(annotations)
    details = f"{count} {'finding' if count == 1 else 'findings'} reported by {', '.join(reporters)}"
    if not reporters:
        details = f"{count} findings"
    if skipped:
        details += f"; {skipped} suppressed or fixed results left out"
    counts = {}
    for annotation in annotations:
        counts[annotation["severity"]] = counts.get(annotation["severity"], 0) + 1
    document = {
        "title": tools[0] if len(tools) == 1 else "Static analysis",
        "details": details + ".",
        "result": "FAILED" if has_error else "PASSED",
        "reportType": "SECURITY" if any(a["type"] == "VULNERABILITY" for a in annotations) else "BUG",
        "data": [
            {"title": title, "type": "NUMBER", "value": value}
            for title, value in [
                ("Findings", count),
                ("Critical", counts.get("CRITICAL", 0)),
                ("High", counts.get("HIGH", 0)),
                ("Medium", counts.get("MEDIUM", 0)),
                ("Low", counts.get("LOW", 0)),
            ]
        ],
    }
    if reporters:
        document["reporter"] = ", ".join(reporters)
    return document


def main():
    args = sys.argv[1:]
    root = os.getcwd()
    if "--root" in args:
        position = args.index("--root")
        root = os.path.abspath(args[position + 1])
        del args[position : position + 2]
    if len(args) != 1:
        sys.exit("usage: reference_converter.py FILE [--root DIR]")
    with open(args[0], "rb") as handle:
        log = json.load(handle)
    if not str(log.get("version", "2.1.0")).startswith("2.1"):
        sys.exit("only SARIF 2.1.0 is supported")
    document = convert(log, root)
    sys.stdout.write(json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
