import Foundation
import GRDB
import InsightsCore
import InsightsStore

/// A row of `annotation`.
struct AnnotationRecord: TableRecord {
    static let databaseTableName = "annotation"

    /// The row id: the creation sequence, kept on replacement; `nil` before insertion.
    var id: Int64?
    /// The annotation's uuid, upper-case.
    var uuid: String
    /// The report's row id.
    var reportId: Int64
    /// See ``AnnotationContent/externalID``.
    var externalId: String?
    /// See ``AnnotationContent/path``.
    var path: String?
    /// See ``AnnotationContent/line``.
    var line: Int?
    /// Reserved for multi-line ranges.
    var endLine: Int?
    /// Reserved for column ranges.
    var startColumn: Int?
    /// Reserved for column ranges.
    var endColumn: Int?
    /// See ``AnnotationContent/message``.
    var message: String
    /// See ``AnnotationContent/title``.
    var title: String?
    /// See ``AnnotationContent/details``.
    var details: String?
    /// The raw ``AnnotationSeverity``.
    var severity: String?
    /// The raw ``AnnotationType``.
    var type: String?
    /// The raw ``AnnotationResult``.
    var result: String?
    /// See ``AnnotationContent/link``.
    var link: String?
    /// Creation time, in milliseconds since 1970.
    var createdAt: Int64
    /// Last write time, in milliseconds since 1970.
    var updatedAt: Int64

    /// The table's columns.
    enum Columns {
        static let reportId = Column("reportId")
        static let externalId = Column("externalId")
    }

    /// A new row for an annotation being created.
    init(uuid: UUID, reportId: Int64, content: AnnotationContent, now: Date) {
        self.uuid = uuid.uuidString
        self.reportId = reportId
        message = ""
        createdAt = now.millisecondsSince1970
        updatedAt = createdAt
        replaceContent(with: content, at: now)
    }

    /// Overwrites every content field and the update time, keeping identity, position and creation time.
    mutating func replaceContent(with content: AnnotationContent, at now: Date) {
        externalId = content.externalID
        path = content.path
        line = content.line
        message = content.message
        title = content.title
        details = content.details
        severity = content.severity?.rawValue
        type = content.type?.rawValue
        result = content.result?.rawValue
        link = content.link
        updatedAt = now.millisecondsSince1970
    }

    /// The domain value.
    ///
    /// - Parameter reportKey: the key of the report the row belongs to.
    func annotation(reportKey: InsightKey) throws -> Annotation {
        let table = "annotation"
        let content = AnnotationContent(
            externalID: externalId, path: path, line: line, message: message, title: title, details: details,
            severity: try severity.map { raw in
                try CorruptRecord.decode(table, "severity", id: id) { AnnotationSeverity(rawValue: raw) }
            },
            type: try type.map { raw in
                try CorruptRecord.decode(table, "type", id: id) { AnnotationType(rawValue: raw) }
            },
            result: try result.map { raw in
                try CorruptRecord.decode(table, "result", id: id) { AnnotationResult(rawValue: raw) }
            },
            link: link)
        return Annotation(
            uuid: try CorruptRecord.decode(table, "uuid", id: id) { UUID.parsingStored(uuid) }, reportKey: reportKey,
            content: content, createdAt: Date(millisecondsSince1970: createdAt),
            updatedAt: Date(millisecondsSince1970: updatedAt))
    }
}

extension AnnotationRecord {
    /// `INSERT` of every column but `id`.
    private static let insertSQL = """
        INSERT INTO annotation (\(columnNames.dropFirst().joined(separator: ", ")))
        VALUES (\(databaseQuestionMarks(count: columnNames.count - 1)))
        """

    /// `UPDATE` of every column but `id`, by `id`.
    private static let updateSQL = """
        UPDATE annotation SET \(columnNames.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?
        """

    /// The values of every column but `id`, in ``ColumnOrderedRecord/columnNames`` order; free text as ``StoredText``.
    private var valuesButID: [(any DatabaseValueConvertible)?] {
        [
            uuid, reportId, externalId, path, line, endLine, startColumn, endColumn, StoredText(message),
            title.map(StoredText.init), details.map(StoredText.init), severity, type, result, link, createdAt,
            updatedAt,
        ]
    }

    /// Inserts the row through the connection's statement cache and sets ``id``.
    ///
    /// A bulk `POST` inserts up to a thousand rows in one transaction; GRDB's record persistence encodes each record
    /// and builds its statement anew, which was most of the transaction's time.
    mutating func insertRow(_ db: Database) throws {
        try db.cachedStatement(sql: Self.insertSQL).execute(arguments: StatementArguments(valuesButID))
        id = db.lastInsertedRowID
    }

    /// Writes every column of the stored row ``id`` through the connection's statement cache.
    func updateRow(_ db: Database) throws {
        try db.cachedStatement(sql: Self.updateSQL).execute(arguments: StatementArguments(valuesButID + [id]))
    }
}

extension AnnotationRecord: ColumnOrderedRecord {
    static let columnNames = [
        "id", "uuid", "reportId", "externalId", "path", "line", "endLine", "startColumn", "endColumn", "message",
        "title", "details", "severity", "type", "result", "link", "createdAt", "updatedAt",
    ]

    init(row: Row, startingAt offset: Int) throws {
        var columns = ColumnReader(row, startingAt: offset)
        id = try columns.next()
        uuid = try columns.next()
        reportId = try columns.next()
        externalId = try columns.next()
        path = try columns.next()
        line = try columns.next()
        endLine = try columns.next()
        startColumn = try columns.next()
        endColumn = try columns.next()
        message = try columns.nextText()
        title = try columns.nextOptionalText()
        details = try columns.nextOptionalText()
        severity = try columns.next()
        type = try columns.next()
        result = try columns.next()
        link = try columns.next()
        createdAt = try columns.next()
        updatedAt = try columns.next()
    }
}
