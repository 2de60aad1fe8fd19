import Foundation
public import InsightsCore
public import InsightsStore
import PostgresNIO

/// Annotations.
extension PostgresStore {
    /// Adds annotations to a report, all or nothing, checking the creator rule, external-id uniqueness and the cap
    /// while holding a lock on the report's row, so writers in any process take turns.
    ///
    /// Only annotations that create a row count towards the cap: a request that only replaces existing annotations
    /// never grows the report and is accepted even when the report already holds more than `maxPerReport`.
    ///
    /// The rows are written in bulk: one `UPDATE` for the replaced annotations and one `INSERT` for the new ones,
    /// whatever their number, so a request takes the same few round trips for one annotation or a thousand.
    public func addAnnotations(
        _ annotations: [AnnotationContent], to address: ReportAddress, mode: AnnotationWriteMode, maxPerReport: Int,
        by caller: Caller
    ) async throws -> [Annotation] {
        try Self.checkIdentifiers(of: annotations)
        let now = environment.now().millisecondsSince1970
        let uuids = annotations.map { _ in environment.makeUUID() }
        return try await perform("addAnnotations") {
            try await self.write { connection in
                let report = try await self.beginAnnotationWrite(at: address, by: caller, on: connection)
                let reportKey = try report.insightKey()

                var requestedIDs = Set<String>()
                for (index, annotation) in annotations.enumerated() {
                    guard let externalID = annotation.externalID else { continue }
                    guard requestedIDs.insert(externalID).inserted else {
                        throw InsightsError.duplicateExternalID(Self.externalIDField(index), externalID)
                    }
                }
                let existing = try await self.annotations(
                    withExternalIDs: requestedIDs, reportID: report.id, on: connection)
                if mode == .insert,
                    let index = annotations.firstIndex(where: { $0.externalID.map { existing[$0] != nil } ?? false }),
                    let externalID = annotations[index].externalID
                {
                    throw InsightsError.duplicateExternalID(Self.externalIDField(index), externalID)
                }
                // The row each annotation replaces, if any; the others are created.
                let replacedIDs = annotations.map { $0.externalID.flatMap { existing[$0]?.id } }
                let creations = replacedIDs.count { $0 == nil }
                try await self.checkCap(adding: creations, reportID: report.id, max: maxPerReport, on: connection)

                var updated = try await self.updateAnnotations(
                    zip(replacedIDs, annotations).compactMap { id, content in id.map { ($0, content) } }, at: now,
                    on: connection
                ).makeIterator()
                var inserted = try await self.insertAnnotations(
                    annotations.indices.compactMap { replacedIDs[$0] == nil ? (uuids[$0], annotations[$0]) : nil },
                    reportID: report.id, at: now, on: connection
                ).makeIterator()
                return try replacedIDs.map { replacedID in
                    guard let row = replacedID == nil ? inserted.next() : updated.next() else {
                        throw InsightsError.unavailable
                    }
                    return row.annotation(reportKey: reportKey)
                }
            }
        }
    }

    /// Creates or replaces one annotation; only a creation (by external id) counts towards the cap.
    public func putAnnotation(
        _ annotation: AnnotationContent, at selector: AnnotationSelector, of address: ReportAddress,
        keeping: AnnotationFields, maxPerReport: Int, by caller: Caller
    ) async throws -> PutOutcome<Annotation> {
        try Self.checkIdentifiers(of: [annotation])
        try NullCharacterRule.check(selector.externalID, at: FieldPath("externalId"))
        let now = environment.now().millisecondsSince1970
        let uuid = environment.makeUUID()
        return try await perform("putAnnotation") {
            try await self.write { connection in
                let report = try await self.beginAnnotationWrite(at: address, by: caller, on: connection)
                let reportKey = try report.insightKey()
                if let found = try await self.annotationRow(selector, reportID: report.id, on: connection) {
                    var content = annotation.keeping(keeping, of: found.content)
                    content.externalID = found.content.externalID
                    guard
                        let row = try await self.updateAnnotations([(found.id, content)], at: now, on: connection)
                            .first
                    else { throw InsightsError.unavailable }
                    return PutOutcome(value: row.annotation(reportKey: reportKey), isCreated: false)
                }
                guard let externalID = selector.creatableExternalID else {
                    throw Self.noAnnotation(selector, in: address)
                }
                try await self.checkCap(adding: 1, reportID: report.id, max: maxPerReport, on: connection)
                var content = annotation
                content.externalID = externalID
                guard
                    let row = try await self.insertAnnotations(
                        [(uuid, content)], reportID: report.id, at: now, on: connection
                    ).first
                else { throw InsightsError.unavailable }
                return PutOutcome(value: row.annotation(reportKey: reportKey), isCreated: true)
            }
        }
    }

    /// Lists one page of a report's annotations in creation order.
    public func annotations(of address: ReportAddress, page: PageRequest) async throws -> Page<Annotation> {
        try await perform("annotations") {
            try await self.read { connection in
                let report = try await self.requireReport(at: address, on: connection)
                let reportKey = try report.insightKey()
                let rows = try await connection.rows(
                    ReportAnnotationsPage(
                        reportID: report.id, limit: Int64(page.limit), offset: Int64(page.offset)),
                    logger: self.logger)
                let isWholeList = page.offset == 0 && rows.count < page.limit
                let total =
                    isWholeList
                    ? rows.count
                    : try await connection.count(
                        "SELECT count(*) FROM annotation WHERE reportId = \(report.id)", logger: self.logger)
                return Page(
                    values: try rows.map { try AnnotationRow($0).annotation(reportKey: reportKey) },
                    offset: page.offset, hasMore: page.offset + rows.count < total, total: total)
            }
        }
    }

    /// Returns one annotation of a report, or `nil`.
    public func annotation(_ selector: AnnotationSelector, of address: ReportAddress) async throws -> Annotation? {
        try await perform("annotation") {
            try await self.read { connection in
                let report = try await self.requireReport(at: address, on: connection)
                return try await self.annotationRow(selector, reportID: report.id, on: connection)?
                    .annotation(reportKey: try report.insightKey())
            }
        }
    }

    /// Lists the matching annotations of a commit's reports, by report creation and then annotation creation, with
    /// the commit's revision read in the same snapshot.
    ///
    /// One prepared statement (``CommitAnnotationsQuery``) serves every filter; `HIGH` also matches `CRITICAL`.
    public func annotations(
        inCommit commit: CommitID, of repository: RepositoryRef, matching filter: AnnotationFilter
    ) async throws -> CommitAnnotations {
        var severities = filter.severities
        if severities.contains(.high) { severities.insert(.critical) }
        let severityValues = severities.map(\.rawValue).sorted()
        let paths = filter.paths.sorted()
        let externalIDs = filter.externalIDs.sorted()
        let types = filter.types.map(\.rawValue).sorted()
        let reportKeys = filter.reportKeys.sorted()
        return try await perform("annotationsInCommit") {
            try await self.read { connection in
                let revision = try await self.revision(ofCommit: commit, in: repository, on: connection)
                guard revision.sequence > 0 else { return CommitAnnotations(annotations: [], revision: revision) }
                let rows = try await connection.rows(
                    CommitAnnotationsQuery(
                        repositoryID: revision.repositoryID, commitID: commit.rawValue, severities: severityValues,
                        paths: paths, externalIDs: externalIDs, types: types, reportKeys: reportKeys),
                    logger: self.logger)
                var keys: [String: InsightKey] = [:]
                var annotations: [Annotation] = []
                annotations.reserveCapacity(rows.count)
                for row in rows {
                    let rawKey = try row.makeRandomAccess()[14].decode(String.self)
                    let key =
                        try keys[rawKey] ?? CorruptRecord.decode("report", "key", id: nil) { try InsightKey(rawKey) }
                    keys[rawKey] = key
                    annotations.append(try AnnotationRow(row).annotation(reportKey: key))
                }
                return CommitAnnotations(annotations: annotations, revision: revision)
            }
        }
    }

    /// Deletes a report's annotations with the given external ids, or all of them.
    public func deleteAnnotations(of address: ReportAddress, externalIDs: [String]?, by caller: Caller) async throws {
        try NullCharacterRule.check(externalIDs ?? [], at: FieldPath("externalId"))
        try await perform("deleteAnnotations") {
            try await self.write { connection in
                let report = try await self.beginAnnotationWrite(at: address, by: caller, on: connection)
                if let externalIDs {
                    guard !externalIDs.isEmpty else { return }
                    try await connection.execute(
                        "DELETE FROM annotation WHERE reportId = \(report.id) AND externalId = ANY(\(externalIDs))",
                        logger: self.logger)
                } else {
                    try await connection.execute(
                        "DELETE FROM annotation WHERE reportId = \(report.id)", logger: self.logger)
                }
            }
        }
    }

    /// Deletes one annotation of a report.
    public func deleteAnnotation(
        _ selector: AnnotationSelector, of address: ReportAddress, by caller: Caller
    ) async throws {
        try await perform("deleteAnnotation") {
            try await self.write { connection in
                let report = try await self.beginAnnotationWrite(at: address, by: caller, on: connection)
                guard let row = try await self.annotationRow(selector, reportID: report.id, on: connection) else {
                    throw Self.noAnnotation(selector, in: address)
                }
                try await connection.execute("DELETE FROM annotation WHERE id = \(row.id)", logger: self.logger)
            }
        }
    }

    // MARK: Rows

    /// The row of a report's annotation: by uuid first, then by external id (D53).
    private func annotationRow(
        _ selector: AnnotationSelector, reportID: Int64, on connection: PostgresConnection
    ) async throws -> AnnotationRow? {
        if let uuid = selector.uuid,
            let row = try await connection.firstRow(
                """
                SELECT \(unescaped: AnnotationRow.selection) FROM annotation
                WHERE reportId = \(reportID) AND uuid = \(uuid)
                """, logger: logger)
        {
            return try AnnotationRow(row)
        }
        guard let externalID = selector.externalID else { return nil }
        return try await connection.firstRow(
            """
            SELECT \(unescaped: AnnotationRow.selection) FROM annotation
            WHERE reportId = \(reportID) AND externalId = \(externalID)
            """, logger: logger
        ).map(AnnotationRow.init)
    }

    /// The report's annotations whose external id is in `externalIDs`, by external id.
    private func annotations(
        withExternalIDs externalIDs: Set<String>, reportID: Int64, on connection: PostgresConnection
    ) async throws -> [String: AnnotationRow] {
        guard !externalIDs.isEmpty else { return [:] }
        let rows = try await connection.rows(
            """
            SELECT \(unescaped: AnnotationRow.selection) FROM annotation
            WHERE reportId = \(reportID) AND externalId = ANY(\(externalIDs.sorted()))
            """, logger: logger)
        var byExternalID: [String: AnnotationRow] = [:]
        for row in rows {
            let annotation = try AnnotationRow(row)
            if let externalID = annotation.content.externalID { byExternalID[externalID] = annotation }
        }
        return byExternalID
    }

    /// Refuses external ids and paths with U+0000, which PostgreSQL `text` cannot hold: the domain already rejects
    /// them, and the store never stores a value other than the one it was given.
    private static func checkIdentifiers(of annotations: [AnnotationContent]) throws(InsightsError) {
        for (index, annotation) in annotations.enumerated() {
            let field = FieldPath("annotations").appending(index: index)
            try NullCharacterRule.check(annotation.externalID, at: field.appending("externalId"))
            try NullCharacterRule.check(annotation.path, at: field.appending("path"))
        }
    }

    /// The error for an annotation that does not exist.
    private static func noAnnotation(_ selector: AnnotationSelector, in address: ReportAddress) -> InsightsError {
        .notFound("Annotation \(selector) does not exist in report \(address.report) on commit \(address.commit).")
    }

    /// Starts a write to the annotations of the report at `address`: locks its row (`FOR UPDATE`) until the
    /// transaction ends, so the checks that follow see every other writer's committed work and none can interleave,
    /// returns it once ``AccessPolicy`` allows `caller` to change it, and moves the commit to its next revision.
    ///
    /// - Throws: `notFound` when the repository or the report does not exist, `forbidden` for anyone but the creator.
    private func beginAnnotationWrite(
        at address: ReportAddress, by caller: Caller, on connection: PostgresConnection
    ) async throws -> ReportRow {
        let report = try await requireReport(at: address, locking: true, on: connection)
        try AccessPolicy.authorize(
            .modifyReport(creator: UserID(report.creatorID)), by: caller.principal, on: caller.access)
        try await advanceRevision(repositoryID: report.repositoryID, commitID: report.commitID, on: connection)
        return report
    }

    /// The field path of a request's `i`-th external id, for errors.
    private static func externalIDField(_ index: Int) -> FieldPath {
        FieldPath("annotations").appending(index: index).appending("externalId")
    }

    /// Throws when adding `creations` annotations would take the report past `max`.
    private func checkCap(
        adding creations: Int, reportID: Int64, max: Int, on connection: PostgresConnection
    ) async throws {
        guard creations > 0 else { return }
        let current = try await connection.count(
            "SELECT count(*) FROM annotation WHERE reportId = \(reportID)", logger: logger)
        guard current + creations <= max else { throw InsightsError.annotationCapExceeded(max: max) }
    }
}
