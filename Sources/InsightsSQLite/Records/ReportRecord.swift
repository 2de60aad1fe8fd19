import Foundation
import GRDB
import InsightsCore
import InsightsStore

/// A row of `report`.
struct ReportRecord: Encodable, MutablePersistableRecord {
    static let databaseTableName = "report"

    /// The row id (creation order); `nil` before insertion.
    var id: Int64?
    /// The report's uuid, upper-case.
    var uuid: String
    /// The repository's row id.
    var repositoryId: Int64
    /// The lower-case commit id.
    var commitId: String
    /// The report key.
    var key: String
    /// See ``ReportContent/title``; free text, stored by length (``StoredText``).
    var title: StoredText
    /// See ``ReportContent/details``; free text, stored by length.
    var details: StoredText?
    /// The raw ``ReportResult``.
    var result: String?
    /// The raw ``ReportType``.
    var reportType: String?
    /// See ``ReportContent/reporter``; free text, stored by length.
    var reporter: StoredText?
    /// See ``ReportContent/link``.
    var link: String?
    /// See ``ReportContent/logoURL``.
    var logoUrl: String?
    /// See ``ReportContent/isRemoteLinkEnabled``.
    var isRemoteLinkEnabled: Bool?
    /// See ``ReportContent/coverageProviderKey``.
    var coverageProviderKey: String?
    /// The data fields as a JSON array (see ``StoredDataField``).
    var data: String
    /// The creator's user row id.
    var creatorId: Int64
    /// Creation time, in milliseconds since 1970.
    var createdAt: Int64
    /// Last write time, in milliseconds since 1970.
    var updatedAt: Int64

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let repositoryId = Column(CodingKeys.repositoryId)
        static let commitId = Column(CodingKeys.commitId)
        static let key = Column(CodingKeys.key)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }

    /// A new row for a report being created.
    init(
        uuid: UUID, repositoryId: Int64, commit: CommitID, key: InsightKey, content: ReportContent, creator: UserID,
        now: Date
    ) throws {
        self.uuid = uuid.uuidString
        self.repositoryId = repositoryId
        commitId = commit.rawValue
        self.key = key.rawValue
        title = StoredText("")
        data = "[]"
        creatorId = creator.rawValue
        createdAt = now.millisecondsSince1970
        updatedAt = createdAt
        try replaceContent(with: content, at: now)
    }

    /// Overwrites every content field and the update time, keeping identity, creator and creation time.
    mutating func replaceContent(with content: ReportContent, at now: Date) throws {
        title = StoredText(content.title)
        details = content.details.map(StoredText.init)
        result = content.result?.rawValue
        reportType = content.reportType?.rawValue
        reporter = content.reporter.map(StoredText.init)
        link = content.link
        logoUrl = content.logoURL
        isRemoteLinkEnabled = content.isRemoteLinkEnabled
        coverageProviderKey = content.coverageProviderKey
        data = try StoredDataField.encode(content.data)
        updatedAt = now.millisecondsSince1970
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
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
            title: title.string, details: details?.string,
            result: try result.map { raw in
                try CorruptRecord.decode(table, "result", id: id) { ReportResult(rawValue: raw) }
            },
            reportType: try reportType.map { raw in
                try CorruptRecord.decode(table, "reportType", id: id) { ReportType(rawValue: raw) }
            },
            reporter: reporter?.string, link: link, logoURL: logoUrl, isRemoteLinkEnabled: isRemoteLinkEnabled,
            coverageProviderKey: coverageProviderKey,
            data: try CorruptRecord.decode(table, "data", id: id) { try StoredDataField.decode(data) })
        return Report(
            uuid: try CorruptRecord.decode(table, "uuid", id: id) { UUID.parsingStored(uuid) },
            repository: repository,
            commit: try CorruptRecord.decode(table, "commitId", id: id) { try CommitID(commitId) },
            key: try insightKey(), content: content, creator: UserID(creatorId),
            createdAt: Date(millisecondsSince1970: createdAt), updatedAt: Date(millisecondsSince1970: updatedAt))
    }
}

extension ReportRecord: ColumnOrderedRecord {
    static let columnNames = [
        "id", "uuid", "repositoryId", "commitId", "key", "title", "details", "result", "reportType", "reporter", "link",
        "logoUrl", "isRemoteLinkEnabled", "coverageProviderKey", "data", "creatorId", "createdAt", "updatedAt",
    ]

    init(row: Row, startingAt offset: Int) throws {
        var columns = ColumnReader(row, startingAt: offset)
        id = try columns.next()
        uuid = try columns.next()
        repositoryId = try columns.next()
        commitId = try columns.next()
        key = try columns.next()
        title = try columns.next()
        details = try columns.next()
        result = try columns.next()
        reportType = try columns.next()
        reporter = try columns.next()
        link = try columns.next()
        logoUrl = try columns.next()
        isRemoteLinkEnabled = try columns.next()
        coverageProviderKey = try columns.next()
        data = try columns.next()
        creatorId = try columns.next()
        createdAt = try columns.next()
        updatedAt = try columns.next()
    }
}
