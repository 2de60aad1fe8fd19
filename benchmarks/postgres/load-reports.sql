-- Part (c), step 1 of the load (run by run.sh through psql): the reports and commit revisions, generated:
--   :commits commits of :reports_per_commit reports ("lint-1" …), the bulk of the annotations, and
--   :read_commits commits of :read_reports reports ("check-1" …), the commits the commit-wide query reads under wrk.
-- Times end at :now (milliseconds), well inside the server's retention. Then the annotation table's secondary
-- indexes and foreign key are dropped, for load-annotations.sql to fill the table without 10 million random index
-- insertions; load-finish.sql makes them again.
\set ON_ERROR_STOP 1

INSERT INTO report (uuid, repositoryId, commitId, key, title, details, result, reportType, reporter, link, data,
    creatorId, createdAt, updatedAt)
SELECT gen_random_uuid(), repository.id, substr(md5('commit-' || c) || md5('sha-' || c), 1, 40), 'lint-' || k,
    convert_to('Static analysis ' || k, 'UTF8'), convert_to('Findings of the linter on this commit.', 'UTF8'),
    'FAILED', 'BUG', convert_to('ruff', 'UTF8'), 'https://ci.example.com/builds/' || c,
    '[{"title":"Findings","type":"NUMBER","value":{"kind":"number","value":' || :annotations_per_report || '}}]',
    "user".id, :now - (:commits - c) * 60000, :now - (:commits - c) * 60000
FROM generate_series(1, :commits) AS c, generate_series(1, :reports_per_commit) AS k, repository, "user"
WHERE "user".name = 'bench'
ORDER BY c, k;

INSERT INTO report (uuid, repositoryId, commitId, key, title, details, result, reportType, reporter, link, data,
    creatorId, createdAt, updatedAt)
SELECT gen_random_uuid(), repository.id, substr(md5('read-' || c) || md5('sha-' || c), 1, 40), 'check-' || k,
    convert_to('Read benchmark ' || k, 'UTF8'), NULL, 'PASSED', 'BUG', NULL, NULL,
    '[{"title":"Findings","type":"NUMBER","value":{"kind":"number","value":' || :read_annotations || '}}]',
    "user".id, :now - (:read_commits - c) * 1000, :now - (:read_commits - c) * 1000
FROM generate_series(1, :read_commits) AS c, generate_series(1, :read_reports) AS k, repository, "user"
WHERE "user".name = 'bench'
ORDER BY c, k;

-- One revision per commit, as the server's writes leave them.
INSERT INTO commitRevision (repositoryId, commitId, revision)
SELECT DISTINCT repositoryId, commitId, 2 FROM report
ON CONFLICT (repositoryId, commitId) DO NOTHING;

ALTER TABLE annotation DROP CONSTRAINT annotation_reportid_fkey, DROP CONSTRAINT annotation_uuid_key,
    DROP CONSTRAINT annotation_reportid_externalid_key;
DROP INDEX annotation_on_reportId;
