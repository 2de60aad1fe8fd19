-- pgbench script: the commit-wide annotation query alone, as PreparedStatements.swift has it with no filter (every
-- filter array empty), on a commit of the read set at random. Variables from run.sh (-D): read_commits, repository.
\set c random(1, :read_commits)
SELECT annotation.id, annotation.uuid, annotation.externalId, annotation.path, annotation.line,
    annotation.message, annotation.title, annotation.details, annotation.severity, annotation.type,
    annotation.result, annotation.link, annotation.createdAt, annotation.updatedAt, report.key
FROM annotation JOIN report ON report.id = annotation.reportId
WHERE report.repositoryId = :repository
    AND report.commitId = substr(md5('read-' || :c::text) || md5('sha-' || :c::text), 1, 40)
    AND (cardinality('{}'::text[]) = 0 OR annotation.severity = ANY('{}'::text[]))
    AND (cardinality('{}'::text[]) = 0 OR annotation.path = ANY('{}'::text[]))
    AND (cardinality('{}'::text[]) = 0 OR annotation.externalId = ANY('{}'::text[]))
    AND (cardinality('{}'::text[]) = 0 OR annotation.type = ANY('{}'::text[]))
    AND (cardinality('{}'::text[]) = 0 OR report.key = ANY('{}'::text[]))
ORDER BY report.id, annotation.id;
