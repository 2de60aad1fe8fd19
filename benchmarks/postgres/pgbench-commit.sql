-- pgbench script: the statements the server sends for one GET …/commits/{commit}/annotations (Data Center) when the
-- response cache is off, in its order (PreparedStatements.swift): the token, the repository with the caller's grants,
-- then one REPEATABLE READ snapshot with the commit's revision and the commit's annotations (no filter: every filter
-- array empty). A commit of the read set at random, as the wrk run picks. Variables from run.sh (-D): read_commits,
-- digest, now, user, project, slug, repository.
\set c random(1, :read_commits)
SELECT accessToken.id, accessToken.name, accessToken.ceiling, accessToken.createdAt, accessToken.expiresAt,
    "user".id, "user".name, "user".isSystemAdmin
FROM accessToken JOIN "user" ON "user".id = accessToken.userId
WHERE accessToken.digest = :digest AND (accessToken.expiresAt IS NULL OR accessToken.expiresAt > :now);
SELECT repository.isPublic, "grant".permission, repository.uuid, project.uuid, repository.gitRemote
FROM repository JOIN project ON project.id = repository.projectId
LEFT JOIN "grant" ON "grant".userId = :user AND ("grant".repositoryId = repository.id OR "grant".projectId = project.id)
WHERE project.key = :project AND repository.slug = :slug;
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT repository.id, commitRevision.revision
FROM repository
JOIN project ON project.id = repository.projectId
LEFT JOIN commitRevision ON commitRevision.repositoryId = repository.id
    AND commitRevision.commitId = substr(md5('read-' || :c::text) || md5('sha-' || :c::text), 1, 40)
WHERE project.key = :project AND repository.slug = :slug;
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
COMMIT;
