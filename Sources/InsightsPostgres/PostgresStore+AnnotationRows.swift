import Foundation
import InsightsCore
import PostgresNIO

/// Writing annotation rows in bulk: one statement for any number of rows, each column bound as one array and read
/// back with `unnest(…)`.
extension PostgresStore {
    /// Inserts annotation rows of a report in one statement, in the order given, so their row ids (the creation
    /// order) follow it.
    ///
    /// - Parameters:
    ///   - rows: each new annotation's uuid and content.
    ///   - reportID: the report's row id.
    ///   - now: the creation time, in milliseconds since 1970.
    ///   - connection: a connection in a transaction holding the report's row lock.
    /// - Returns: the stored rows, in the order of `rows`.
    func insertAnnotations(
        _ rows: [(uuid: UUID, content: AnnotationContent)], reportID: Int64, at now: Int64,
        on connection: PostgresConnection
    ) async throws -> [AnnotationRow] {
        guard !rows.isEmpty else { return [] }
        let uuids = rows.map(\.uuid)
        let columns = AnnotationColumns(rows.map(\.content))
        let inserted = try await connection.rows(
            """
            INSERT INTO annotation (uuid, reportId, externalId, path, line, message, title, details, severity, type,
                result, link, createdAt, updatedAt)
            SELECT batch.uuid, \(reportID), batch.externalId, batch.path, batch.line, batch.message, batch.title,
                batch.details, batch.severity, batch.type, batch.result, batch.link, \(now), \(now)
            FROM unnest(\(uuids)::uuid[], \(columns.externalIDs)::text[], \(columns.paths)::text[],
                \(columns.lines)::bigint[], \(columns.messages)::bytea[], \(columns.titles)::bytea[],
                \(columns.details)::bytea[], \(columns.severities)::text[], \(columns.types)::text[],
                \(columns.results)::text[], \(columns.links)::text[])
                WITH ORDINALITY AS batch (uuid, externalId, path, line, message, title, details, severity, type,
                result, link, ordinal)
            ORDER BY batch.ordinal
            RETURNING \(unescaped: AnnotationRow.selection)
            """, logger: logger
        ).map(AnnotationRow.init)
        let byUUID = Dictionary(inserted.map { ($0.uuid, $0) }) { first, _ in first }
        return try uuids.map { uuid in
            guard let row = byUUID[uuid] else { throw InsightsError.unavailable }
            return row
        }
    }

    /// Overwrites every content field and the update time of annotation rows in one statement.
    ///
    /// - Parameters:
    ///   - rows: each annotation's row id (each at most once) and new content.
    ///   - now: the update time, in milliseconds since 1970.
    ///   - connection: a connection in a transaction holding the report's row lock.
    /// - Returns: the stored rows, in the order of `rows`.
    func updateAnnotations(
        _ rows: [(id: Int64, content: AnnotationContent)], at now: Int64, on connection: PostgresConnection
    ) async throws -> [AnnotationRow] {
        guard !rows.isEmpty else { return [] }
        let ids = rows.map(\.id)
        let columns = AnnotationColumns(rows.map(\.content))
        let updated = try await connection.rows(
            """
            UPDATE annotation SET externalId = batch.externalId, path = batch.path, line = batch.line,
                message = batch.message, title = batch.title, details = batch.details, severity = batch.severity,
                type = batch.type, result = batch.result, link = batch.link, updatedAt = \(now)
            FROM unnest(\(ids)::bigint[], \(columns.externalIDs)::text[], \(columns.paths)::text[],
                \(columns.lines)::bigint[], \(columns.messages)::bytea[], \(columns.titles)::bytea[],
                \(columns.details)::bytea[], \(columns.severities)::text[], \(columns.types)::text[],
                \(columns.results)::text[], \(columns.links)::text[])
                AS batch (id, externalId, path, line, message, title, details, severity, type, result, link)
            WHERE annotation.id = batch.id
            RETURNING \(unescaped: AnnotationRow.selection)
            """, logger: logger
        ).map(AnnotationRow.init)
        let byID = Dictionary(updated.map { ($0.id, $0) }) { first, _ in first }
        return try ids.map { id in
            guard let row = byID[id] else { throw InsightsError.unavailable }
            return row
        }
    }
}

/// The content columns of a batch of annotations, one array per column in the batch's order, as
/// ``PostgresStore/insertAnnotations(_:reportID:at:on:)`` and ``PostgresStore/updateAnnotations(_:at:on:)`` bind
/// them; free text is its UTF-8 (`bytea`), enumerations their raw values.
private struct AnnotationColumns {
    var externalIDs: NullableArray<String>
    var paths: NullableArray<String>
    var lines: NullableArray<Int64>
    var messages: NullableArray<Data>
    var titles: NullableArray<Data>
    var details: NullableArray<Data>
    var severities: NullableArray<String>
    var types: NullableArray<String>
    var results: NullableArray<String>
    var links: NullableArray<String>

    init(_ contents: [AnnotationContent]) {
        externalIDs = NullableArray(contents.map(\.externalID))
        paths = NullableArray(contents.map(\.path))
        lines = NullableArray(contents.map { $0.line.map(Int64.init) })
        messages = NullableArray(contents.map(\.message.storedBytes))
        titles = NullableArray(contents.map { $0.title?.storedBytes })
        details = NullableArray(contents.map { $0.details?.storedBytes })
        severities = NullableArray(contents.map { $0.severity?.rawValue })
        types = NullableArray(contents.map { $0.type?.rawValue })
        results = NullableArray(contents.map { $0.result?.rawValue })
        links = NullableArray(contents.map(\.link))
    }
}
