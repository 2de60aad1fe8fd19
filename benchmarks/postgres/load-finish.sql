-- Part (c), step 3 of the load: the annotation table's indexes and foreign key again, with the names and
-- definitions of the schema (PostgresSchema.swift), each built by one sort; then VACUUM, so autovacuum does not
-- start on the new rows while the reads are measured, and statistics for the planner.
\set ON_ERROR_STOP 1
SET maintenance_work_mem = '1GB';

ALTER TABLE annotation ADD CONSTRAINT annotation_uuid_key UNIQUE (uuid),
    ADD CONSTRAINT annotation_reportid_externalid_key UNIQUE (reportId, externalId);
CREATE INDEX annotation_on_reportId ON annotation (reportId, id);
ALTER TABLE annotation ADD CONSTRAINT annotation_reportid_fkey FOREIGN KEY (reportId) REFERENCES report (id)
    ON DELETE CASCADE;
VACUUM (FREEZE, ANALYZE) report, annotation, commitRevision;
