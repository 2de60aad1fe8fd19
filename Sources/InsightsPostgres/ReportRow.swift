import Foundation
import InsightsCore
import InsightsStore
import PostgresNIO

/// A row of `report`, read through ``selection``.
struct ReportRow {
    /// The columns read, in the order of ``init(_:)``.
    static let selection = """
        report.id, report.uuid, report.repositoryId, report.commitId, report.key, report.title, report.details,
        report.result, report.reportType, report.reporter, report.link, report.logoUrl, report.isRemoteLinkEnabled,
        report.coverageProviderKey, report.data, report.creatorId, report.createdAt, report.updatedAt
        """

    /// The row id (creation order).
    var id: Int64
    /// The repository's row id.
    var repositoryID: Int64
    /// The lower-case commit id.
    var commitID: String
    /// The creator's user row id.
    var creatorID: Int64
    /// The report key.
    var key: String
    /// Everything else, decoded.
    private var columns: Columns

    private typealias Columns = (
        uuid: UUID, title: Data, details: Data?, result: String?, reportType: String?, reporter: Data?,
        link: String?, logoURL: String?, isRemoteLinkEnabled: Bool?, coverageProviderKey: String?, data: String,
        createdAt: Int64, updatedAt: Int64
    )

    /// Decodes a row read with ``selection``.
    init(_ row: PostgresRow) throws {
        let (
            id, uuid, repositoryID, commitID, key, title, details, result, reportType, reporter, link, logoURL,
            isRemoteLinkEnabled, coverageProviderKey, data, creatorID, createdAt, updatedAt
        ) = try row.decode(
            (
                Int64, UUID, Int64, String, String, Data, Data?, String?, String?, Data?, String?, String?, Bool?,
                String?, String, Int64, Int64, Int64
            ).self)
        self.id = id
        self.repositoryID = repositoryID
        self.commitID = commitID
        self.creatorID = creatorID
        self.key = key
        columns = (
            uuid, title, details, result, reportType, reporter, link, logoURL, isRemoteLinkEnabled,
            coverageProviderKey, data, createdAt, updatedAt
        )
    }

    /// The report key as a domain value.
    func insightKey() throws -> InsightKey {
        try CorruptRecord.decode("report", "key", id: id) { try InsightKey(key) }
    }

    /// The domain value.
    ///
    /// - Parameter repository: the repository the row belongs to.
    func report(in repository: RepositoryRef) throws -> Report {
        let table = "report"
        let content = ReportContent(
            title: columns.title.storedText, details: columns.details?.storedText,
            result: try columns.result.map { raw in
                try CorruptRecord.decode(table, "result", id: id) { ReportResult(rawValue: raw) }
            },
            reportType: try columns.reportType.map { raw in
                try CorruptRecord.decode(table, "reportType", id: id) { ReportType(rawValue: raw) }
            },
            reporter: columns.reporter?.storedText, link: columns.link, logoURL: columns.logoURL,
            isRemoteLinkEnabled: columns.isRemoteLinkEnabled, coverageProviderKey: columns.coverageProviderKey,
            data: try CorruptRecord.decode(table, "data", id: id) { try StoredDataFields.decode(columns.data) })
        return Report(
            uuid: columns.uuid, repository: repository,
            commit: try CorruptRecord.decode(table, "commitId", id: id) { try CommitID(commitID) },
            key: try insightKey(), content: content, creator: UserID(creatorID),
            createdAt: Date(millisecondsSince1970: columns.createdAt),
            updatedAt: Date(millisecondsSince1970: columns.updatedAt))
    }
}
