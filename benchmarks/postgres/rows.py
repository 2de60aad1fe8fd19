"""Annotation rows for the PostgreSQL benchmark, with the content load.sql generates and the server writes for a
Data Center bulk POST from a converter: an external id (a fingerprint), a path, a line, a message, a severity, a type
and a link.

    rows.py copy FILE COUNT REPORT_ID           COPY text of COUNT rows of one report (columns: COLUMNS)
    rows.py insert FILE COUNT REPORT_ID BATCH   INSERT statements of BATCH rows each, one transaction each
    rows.py body FILE COUNT                     a bulk POST body of COUNT annotations whose external ids hold @N@,
                                                for the wrk script to make unique per request
    rows.py post-script FILE COUNT              a pgbench script of the statements the server sends for one bulk
                                                POST of COUNT new annotations (PostgresStore+Annotations.swift)
"""
import hashlib
import json
import sys
import time
import uuid

COLUMNS = "uuid, reportId, externalId, path, line, message, severity, type, link, createdAt, updatedAt"

# The rules and messages of load.sql, in the same order.
MESSAGES = [
    ("E501", "Line too long (%s > 120 characters)"),
    ("C901", "Function has a cyclomatic complexity of %s (threshold 15); consider splitting it."),
    ("S105", 'Possible hardcoded password assigned to variable "token" (%s characters)'),
    ("B006", "Do not use mutable data structures for argument defaults (argument %s)"),
    ("F841", "Local variable is assigned to but never used (%s occurrences)"),
    ("S608", "Possible SQL injection vector through string-based query construction at column %s"),
    ("PLR0913", "Too many arguments in function definition (%s > 5)"),
    ("UP007", "Use `X | Y` for type annotations (%s unions in this file)"),
    ("N802", "Function name should be lowercase (%s upper-case letters)"),
    ("SIM108", "Use ternary operator instead of `if`-`else`-block (saves %s lines)"),
]
SEVERITIES = ["LOW", "MEDIUM", "HIGH"]
TYPES = ["CODE_SMELL", "BUG", "VULNERABILITY"]
NOW = int(time.time() * 1000)


def annotation(i, scope):
    """The i-th annotation (i from 1) of a report; scope makes the external ids of different reports differ."""
    rule, text = MESSAGES[i % 10]
    return {
        "externalId": f"{rule}-{hashlib.md5(f'{scope}:{i}'.encode()).hexdigest()[:16]}",
        "path": f"src/module{i % 37}/File{i % 211}.swift",
        "line": 1 + (i * 7919) % 2000,
        "message": text % (10 + i % 90),
        "severity": SEVERITIES[i % 3],
        "type": TYPES[i // 3 % 3],
        "link": f"https://docs.astral.sh/ruff/rules/{rule.lower()}",
    }


def copy_line(row, report_id):
    """One line of COPY text format: tab-separated, bytea as escaped hex."""
    message = "\\\\x" + row["message"].encode().hex()
    fields = [str(uuid.uuid4()), str(report_id), row["externalId"], row["path"], str(row["line"]), message,
              row["severity"], row["type"], row["link"], str(NOW), str(NOW)]
    return "\t".join(fields) + "\n"


def values(row, report_id):
    """One row of a multi-row INSERT."""
    message = "'\\x" + row["message"].encode().hex() + "'"
    texts = [f"'{uuid.uuid4()}'", str(report_id), f"'{row['externalId']}'", f"'{row['path']}'", str(row["line"]),
             message, f"'{row['severity']}'", f"'{row['type']}'", f"'{row['link']}'", str(NOW), str(NOW)]
    return "(" + ", ".join(texts) + ")"


def post_script(count):
    """One transaction as the server's addAnnotations runs it, into one of the 200 reports of part (b) at random:
    the report's row locked, the commit's revision moved, the request's external ids looked up, the report's
    annotations counted for the cap, then one INSERT of every row from arrays with unnest(...) RETURNING them
    (PostgresStore+AnnotationRows.swift). The uuids and the ends of the external ids are made in the statement (the
    server binds the request's), so transactions never collide. Variables (-D): repository."""
    selection = ("id, uuid, externalId, path, line, message, title, details, severity, type, result, link, "
                 "createdAt, updatedAt")
    rows = [annotation(i, "x") for i in range(1, count + 1)]

    def array(values, kind):
        return "ARRAY[" + ", ".join(values) + f"]::{kind}[]"

    def quoted(values):
        return [f"'{value}'" for value in values]

    columns = [
        array(quoted(row["externalId"][:-16] for row in rows), "text"),
        array(quoted(row["path"] for row in rows), "text"),
        array((str(row["line"]) for row in rows), "bigint"),
        array(quoted("\\x" + row["message"].encode().hex() for row in rows), "bytea"),
        array(quoted(row["severity"] for row in rows), "text"),
        array(quoted(row["type"] for row in rows), "text"),
        array(quoted(row["link"] for row in rows), "text"),
    ]
    lines = [
        "-- " + line for line in post_script.__doc__.replace("    ", "").splitlines()
    ] + [
        "\\set r random(1, 100)",
        "\\set instance random(0, 1)",
        "BEGIN;",
        "SELECT id AS report_id, repositoryId, commitId FROM report WHERE repositoryId = :repository",
        "    AND commitId = (CASE :instance::int WHEN 0 THEN 'a' ELSE 'b' END) || lpad(to_hex(:r::int), 39, '0')",
        "    AND key = 'bulk' FOR UPDATE \\gset",
        "INSERT INTO commitRevision (repositoryId, commitId, revision) VALUES (:repositoryid, :commitid, 1)",
        "    ON CONFLICT (repositoryId, commitId) DO UPDATE SET revision = commitRevision.revision + 1;",
        f"SELECT {selection} FROM annotation WHERE reportId = :report_id",
        f"    AND externalId = ANY(ARRAY(SELECT md5(random()::text) FROM generate_series(1, {count})));",
        "SELECT count(*) FROM annotation WHERE reportId = :report_id;",
        "INSERT INTO annotation (uuid, reportId, externalId, path, line, message, title, details, severity, type,",
        "    result, link, createdAt, updatedAt)",
        "SELECT gen_random_uuid(), :report_id, batch.externalId || substr(md5(random()::text), 1, 16), batch.path,",
        f"    batch.line, batch.message, NULL, NULL, batch.severity, batch.type, NULL, batch.link, {NOW}, {NOW}",
        "FROM unnest(" + ", ".join(columns) + ")",
        "    WITH ORDINALITY AS batch (externalId, path, line, message, severity, type, link, ordinal)",
        f"ORDER BY batch.ordinal RETURNING {selection};",
        "COMMIT;",
    ]
    return "\n".join(lines) + "\n"


def main():
    kind, path, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(path, "w") as out:
        if kind == "copy":
            report_id = int(sys.argv[4])
            for i in range(1, count + 1):
                out.write(copy_line(annotation(i, report_id), report_id))
        elif kind == "insert":
            report_id, batch = int(sys.argv[4]), int(sys.argv[5])
            for start in range(1, count + 1, batch):
                end = min(start + batch, count + 1)
                rows = (values(annotation(i, report_id), report_id) for i in range(start, end))
                out.write(f"INSERT INTO annotation ({COLUMNS}) VALUES\n" + ",\n".join(rows) + ";\n")
        elif kind == "body":
            items = []
            for i in range(1, count + 1):
                item = annotation(i, "@N@")
                item["externalId"] = f"{item['externalId'][:-16]}@N@-{i}"
                items.append(item)
            json.dump({"annotations": items}, out)
        elif kind == "post-script":
            out.write(post_script(count))
        else:
            sys.exit(__doc__)


if __name__ == "__main__":
    main()
