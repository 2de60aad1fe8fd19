import Foundation
import GRDB
public import InsightsCore
public import InsightsStore

/// Annotations.
extension SQLiteStore {
    /// One page of a report's annotations, in creation order.
    private static let reportAnnotationsSQL =
        "SELECT \(AnnotationRecord.selectionSQL) FROM annotation WHERE reportId = ? ORDER BY id LIMIT ? OFFSET ?"

    /// A report's annotation with a uuid.
    private static let annotationByUUIDSQL =
        "SELECT \(AnnotationRecord.selectionSQL) FROM annotation WHERE reportId = ? AND uuid = ?"

    /// A report's annotation with an external id.
    private static let annotationByExternalIDSQL =
        "SELECT \(AnnotationRecord.selectionSQL) FROM annotation WHERE reportId = ? AND externalId = ?"

    /// Adds annotations to a report, all or nothing, checking the creator rule, external-id uniqueness and the cap
    /// inside one IMMEDIATE transaction.
    ///
    /// Only annotations that create a row count towards the cap: a request that only replaces existing annotations
    /// never grows the report and is accepted even when the report already holds more than `maxPerReport`.
    public func addAnnotations(
        _ annotations: [AnnotationContent], to address: ReportAddress, mode: AnnotationWriteMode, maxPerReport: Int,
        by caller: Caller
    ) async throws -> [Annotation] {
        try Self.checkIdentifiers(of: annotations)
        let now = environment.now()
        let uuids = annotations.map { _ in environment.makeUUID() }
        return try await perform("addAnnotations") {
            try await write { db in
                let report = try Self.beginAnnotationWrite(at: address, by: caller, in: db)
                let reportID = try CorruptRecord.decode("report", "id", id: nil) { report.id }
                let reportKey = try report.insightKey()

                var requestedIDs = Set<String>()
                for (index, annotation) in annotations.enumerated() {
                    guard let externalID = annotation.externalID else { continue }
                    guard requestedIDs.insert(externalID).inserted else {
                        throw InsightsError.duplicateExternalID(Self.externalIDField(index), externalID)
                    }
                }
                let existing = try Self.annotations(withExternalIDs: requestedIDs, reportID: reportID, in: db)
                if mode == .insert,
                    let index = annotations.firstIndex(where: { $0.externalID.map { existing[$0] != nil } ?? false }),
                    let externalID = annotations[index].externalID
                {
                    throw InsightsError.duplicateExternalID(Self.externalIDField(index), externalID)
                }
                let creations = annotations.count { $0.externalID.map { existing[$0] == nil } ?? true }
                try Self.checkCap(adding: creations, reportID: reportID, max: maxPerReport, in: db)

                var stored: [Annotation] = []
                stored.reserveCapacity(annotations.count)
                for (index, content) in annotations.enumerated() {
                    var record: AnnotationRecord
                    if let externalID = content.externalID, let found = existing[externalID] {
                        record = found
                        record.replaceContent(with: content, at: now)
                        try record.updateRow(db)
                    } else {
                        record = AnnotationRecord(uuid: uuids[index], reportId: reportID, content: content, now: now)
                        try record.insertRow(db)
                    }
                    stored.append(try record.annotation(reportKey: reportKey))
                }
                return stored
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
        let now = environment.now()
        let uuid = environment.makeUUID()
        return try await perform("putAnnotation") {
            try await write { db in
                let report = try Self.beginAnnotationWrite(at: address, by: caller, in: db)
                let reportID = try CorruptRecord.decode("report", "id", id: nil) { report.id }
                let reportKey = try report.insightKey()
                if var record = try Self.annotationRecord(selector, reportID: reportID, in: db) {
                    var content = annotation.keeping(keeping, of: try record.annotation(reportKey: reportKey).content)
                    content.externalID = record.externalId
                    record.replaceContent(with: content, at: now)
                    try record.updateRow(db)
                    return PutOutcome(value: try record.annotation(reportKey: reportKey), isCreated: false)
                }
                guard let externalID = selector.creatableExternalID else {
                    throw Self.noAnnotation(selector, in: address)
                }
                try Self.checkCap(adding: 1, reportID: reportID, max: maxPerReport, in: db)
                var content = annotation
                content.externalID = externalID
                var record = AnnotationRecord(uuid: uuid, reportId: reportID, content: content, now: now)
                try record.insertRow(db)
                return PutOutcome(value: try record.annotation(reportKey: reportKey), isCreated: true)
            }
        }
    }

    /// Lists one page of a report's annotations in creation order.
    public func annotations(of address: ReportAddress, page: PageRequest) async throws -> Page<Annotation> {
        try await perform("annotations") {
            try await read { db in
                let report = try Self.requireReport(at: address, in: db)
                let reportKey = try report.insightKey()
                let records = try AnnotationRecord.fetchAll(
                    db.cachedStatement(sql: Self.reportAnnotationsSQL),
                    arguments: [report.id, page.limit, page.offset])
                let isWholeList = page.offset == 0 && records.count < page.limit
                let total =
                    isWholeList
                    ? records.count
                    : try Int.fetchOne(
                        db.cachedStatement(sql: "SELECT COUNT(*) FROM annotation WHERE reportId = ?"),
                        arguments: [report.id]) ?? 0
                return Page(
                    values: try records.map { try $0.annotation(reportKey: reportKey) }, offset: page.offset,
                    hasMore: page.offset + records.count < total, total: total)
            }
        }
    }

    /// Returns one annotation of a report, or `nil`.
    public func annotation(_ selector: AnnotationSelector, of address: ReportAddress) async throws -> Annotation? {
        try await perform("annotation") {
            try await read { db in
                let report = try Self.requireReport(at: address, in: db)
                let reportID = try CorruptRecord.decode("report", "id", id: nil) { report.id }
                return try Self.annotationRecord(selector, reportID: reportID, in: db)?
                    .annotation(reportKey: try report.insightKey())
            }
        }
    }

    /// Lists the matching annotations of a commit's reports, by report creation and then annotation creation, with
    /// the commit's revision read in the same transaction.
    public func annotations(
        inCommit commit: CommitID, of repository: RepositoryRef, matching filter: AnnotationFilter
    ) async throws -> CommitAnnotations {
        try await perform("annotationsInCommit") {
            try await read { db in
                let revision = try Self.revision(ofCommit: commit, in: repository, db: db)
                guard revision.sequence > 0 else { return CommitAnnotations(annotations: [], revision: revision) }
                let query = AnnotationQuery(repositoryID: revision.repositoryID, commit: commit, filter: filter)
                let rows = try Row.fetchCursor(db.cachedStatement(sql: query.sql), arguments: query.arguments)
                let keyIndex = AnnotationRecord.columnNames.count
                var keys: [String: InsightKey] = [:]
                var annotations: [Annotation] = []
                while let row = try rows.next() {
                    let rawKey = try row.decode(String.self, atIndex: keyIndex)
                    let key =
                        try keys[rawKey] ?? CorruptRecord.decode("report", "key", id: nil) { try InsightKey(rawKey) }
                    keys[rawKey] = key
                    annotations.append(try AnnotationRecord(row: row).annotation(reportKey: key))
                }
                return CommitAnnotations(annotations: annotations, revision: revision)
            }
        }
    }

    /// Deletes a report's annotations with the given external ids, or all of them.
    public func deleteAnnotations(of address: ReportAddress, externalIDs: [String]?, by caller: Caller) async throws {
        try NullCharacterRule.check(externalIDs ?? [], at: FieldPath("externalId"))
        try await perform("deleteAnnotations") {
            try await write { db in
                let report = try Self.beginAnnotationWrite(at: address, by: caller, in: db)
                var request = AnnotationRecord.filter(AnnotationRecord.Columns.reportId == report.id)
                if let externalIDs {
                    guard !externalIDs.isEmpty else { return }
                    request = request.filter(externalIDs.contains(AnnotationRecord.Columns.externalId))
                }
                _ = try request.deleteAll(db)
            }
        }
    }

    /// Deletes one annotation of a report.
    public func deleteAnnotation(
        _ selector: AnnotationSelector, of address: ReportAddress, by caller: Caller
    ) async throws {
        try await perform("deleteAnnotation") {
            try await write { db in
                let report = try Self.beginAnnotationWrite(at: address, by: caller, in: db)
                let reportID = try CorruptRecord.decode("report", "id", id: nil) { report.id }
                guard let record = try Self.annotationRecord(selector, reportID: reportID, in: db) else {
                    throw Self.noAnnotation(selector, in: address)
                }
                try db.execute(sql: "DELETE FROM annotation WHERE id = ?", arguments: [record.id])
            }
        }
    }

    /// The row of a report's annotation: by uuid first, then by external id (D53).
    private static func annotationRecord(
        _ selector: AnnotationSelector, reportID: Int64, in db: Database
    ) throws -> AnnotationRecord? {
        if let uuid = selector.uuid,
            let record = try AnnotationRecord.fetchOne(
                db.cachedStatement(sql: annotationByUUIDSQL), arguments: [reportID, uuid.uuidString])
        {
            return record
        }
        guard let externalID = selector.externalID else { return nil }
        return try AnnotationRecord.fetchOne(
            db.cachedStatement(sql: annotationByExternalIDSQL), arguments: [reportID, externalID])
    }

    /// Refuses external ids and paths with U+0000, which GRDB would bind cut at that character (see ``StoredText``):
    /// the domain already rejects them, and the store never stores a value other than the one it was given.
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

    /// Starts a write to the annotations of the report at `address`: returns its row once ``AccessPolicy`` allows
    /// `caller` to change them (only its creator may), and moves the commit to its next revision, which the caller's
    /// transaction rolls back with everything else if the write fails.
    ///
    /// - Throws: `notFound` when the repository or the report does not exist, `forbidden` for anyone but the creator.
    private static func beginAnnotationWrite(
        at address: ReportAddress, by caller: Caller, in db: Database
    ) throws -> ReportRecord {
        let report = try requireReport(at: address, in: db)
        try AccessPolicy.authorize(
            .modifyReport(creator: UserID(report.creatorId)), by: caller.principal, on: caller.access)
        try advanceRevision(repositoryID: report.repositoryId, commitID: report.commitId, in: db)
        return report
    }

    /// The field path of a request's `i`-th external id, for errors.
    private static func externalIDField(_ index: Int) -> FieldPath {
        FieldPath("annotations").appending(index: index).appending("externalId")
    }

    /// The report's annotations whose external id is in `externalIDs`, by external id.
    private static func annotations(
        withExternalIDs externalIDs: Set<String>, reportID: Int64, in db: Database
    ) throws -> [String: AnnotationRecord] {
        guard !externalIDs.isEmpty else { return [:] }
        let records =
            try AnnotationRecord
            .filter(AnnotationRecord.Columns.reportId == reportID)
            .filter(externalIDs.sorted().contains(AnnotationRecord.Columns.externalId))
            .fetchAll(db)
        var byExternalID: [String: AnnotationRecord] = [:]
        for record in records {
            if let externalID = record.externalId { byExternalID[externalID] = record }
        }
        return byExternalID
    }

    /// Throws when adding `creations` annotations would take the report past `max`.
    private static func checkCap(adding creations: Int, reportID: Int64, max: Int, in db: Database) throws {
        guard creations > 0 else { return }
        let current = try AnnotationRecord.filter(AnnotationRecord.Columns.reportId == reportID).fetchCount(db)
        guard current + creations <= max else { throw InsightsError.annotationCapExceeded(max: max) }
    }
}
