-- Part (c), step 2 of the load: the annotations of the reports whose id modulo :parts is :part (run.sh runs the
-- parts at once), report by report, as one bulk POST writes them. The rows hold what the server writes for a Data
-- Center bulk POST from a converter, with the content rows.py makes: an external id (a fingerprint), a path, a line,
-- a message, a severity, a type and a link; text in bytea as UTF-8, times in milliseconds.
\set ON_ERROR_STOP 1

CREATE TEMPORARY TABLE message (n int PRIMARY KEY, rule text, text text);
INSERT INTO message VALUES
  (0, 'E501', 'Line too long (%s > 120 characters)'),
  (1, 'C901', 'Function has a cyclomatic complexity of %s (threshold 15); consider splitting it.'),
  (2, 'S105', 'Possible hardcoded password assigned to variable "token" (%s characters)'),
  (3, 'B006', 'Do not use mutable data structures for argument defaults (argument %s)'),
  (4, 'F841', 'Local variable is assigned to but never used (%s occurrences)'),
  (5, 'S608', 'Possible SQL injection vector through string-based query construction at column %s'),
  (6, 'PLR0913', 'Too many arguments in function definition (%s > 5)'),
  (7, 'UP007', 'Use `X | Y` for type annotations (%s unions in this file)'),
  (8, 'N802', 'Function name should be lowercase (%s upper-case letters)'),
  (9, 'SIM108', 'Use ternary operator instead of `if`-`else`-block (saves %s lines)');

INSERT INTO annotation (uuid, reportId, externalId, path, line, message, severity, type, link, createdAt, updatedAt)
SELECT gen_random_uuid(), report.id, message.rule || '-' || substr(md5(report.id || ':' || i), 1, 16),
    'src/module' || i % 37 || '/File' || i % 211 || '.swift', 1 + (i * 7919) % 2000,
    convert_to(format(message.text, 10 + i % 90), 'UTF8'),
    (ARRAY['LOW', 'MEDIUM', 'HIGH'])[1 + i % 3], (ARRAY['CODE_SMELL', 'BUG', 'VULNERABILITY'])[1 + i / 3 % 3],
    'https://docs.astral.sh/ruff/rules/' || lower(message.rule), report.createdAt, report.createdAt
FROM (SELECT id, key, createdAt FROM report WHERE id % :parts = :part ORDER BY id) AS report
CROSS JOIN LATERAL generate_series(1,
    CASE WHEN report.key LIKE 'lint-%' THEN :annotations_per_report ELSE :read_annotations END) AS i
JOIN message ON message.n = i % 10;
