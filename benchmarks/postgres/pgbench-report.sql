-- pgbench script: the statements the server sends for one GET …/commits/{commit}/reports/{key} (Data Center), in
-- its order (PreparedStatements.swift): the token, the repository with the caller's grants, the report by its
-- address (project key, slug, commit, key) in one join. A report of the bulk at random, as the wrk run picks.
-- Variables from run.sh (-D): commits, reports_per_commit, digest, now, user, project, slug.
\set c random(1, :commits)
\set k random(1, :reports_per_commit)
SELECT accessToken.id, accessToken.name, accessToken.ceiling, accessToken.createdAt, accessToken.expiresAt,
    "user".id, "user".name, "user".isSystemAdmin
FROM accessToken JOIN "user" ON "user".id = accessToken.userId
WHERE accessToken.digest = :digest AND (accessToken.expiresAt IS NULL OR accessToken.expiresAt > :now);
SELECT repository.isPublic, "grant".permission, repository.uuid, project.uuid, repository.gitRemote
FROM repository JOIN project ON project.id = repository.projectId
LEFT JOIN "grant" ON "grant".userId = :user AND ("grant".repositoryId = repository.id OR "grant".projectId = project.id)
WHERE project.key = :project AND repository.slug = :slug;
SELECT report.id, report.uuid, report.repositoryId, report.commitId, report.key, report.title, report.details,
    report.result, report.reportType, report.reporter, report.link, report.logoUrl, report.isRemoteLinkEnabled,
    report.coverageProviderKey, report.data, report.creatorId, report.createdAt, report.updatedAt
FROM report JOIN repository ON repository.id = report.repositoryId
JOIN project ON project.id = repository.projectId
WHERE project.key = :project AND repository.slug = :slug
    AND report.commitId = substr(md5('commit-' || :c::text) || md5('sha-' || :c::text), 1, 40)
    AND (report.key = 'lint-' || :k::text OR report.uuid = NULL::uuid)
ORDER BY report.uuid = NULL::uuid DESC
LIMIT 1;
