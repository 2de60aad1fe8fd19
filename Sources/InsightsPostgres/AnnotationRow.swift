import Foundation
import InsightsCore
import InsightsStore
import PostgresNIO

/// A row of `annotation`, read through ``selection``.
struct AnnotationRow {
    /// The columns read, in the order of ``init(_:)``.
    static let selection = """
        annotation.id, annotation.uuid, annotation.externalId, annotation.path, annotation.line, annotation.message,
        annotation.title, annotation.details, annotation.severity, annotation.type, annotation.result,
        annotation.link, annotation.createdAt, annotation.updatedAt
        """

    /// The row id: the creation sequence, kept on replacement.
    var id: Int64
    /// The annotation's uuid.
    var uuid: UUID
    /// The stored content, decoded.
    var content: AnnotationContent
    /// Creation time, in milliseconds since 1970.
    var createdAt: Int64
    /// Last write time, in milliseconds since 1970.
    var updatedAt: Int64

    /// Decodes a row read with ``selection`` (further columns are ignored).
    init(_ row: PostgresRow) throws {
        let (
            id, uuid, externalID, path, line, message, title, details, severity, type, result, link, createdAt,
            updatedAt
        ) = try row.decode(
            (
                Int64, UUID, String?, String?, Int?, Data, Data?, Data?, String?, String?, String?, String?, Int64,
                Int64
            ).self)
        let table = "annotation"
        self.id = id
        self.uuid = uuid
        content = AnnotationContent(
            externalID: externalID, path: path, line: line, message: message.storedText, title: title?.storedText,
            details: details?.storedText,
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
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The domain value.
    ///
    /// - Parameter reportKey: the key of the report the row belongs to.
    func annotation(reportKey: InsightKey) -> Annotation {
        Annotation(
            uuid: uuid, reportKey: reportKey, content: content, createdAt: Date(millisecondsSince1970: createdAt),
            updatedAt: Date(millisecondsSince1970: updatedAt))
    }
}
