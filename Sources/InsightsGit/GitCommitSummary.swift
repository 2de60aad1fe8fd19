public import Foundation
public import InsightsCore

/// One commit as a history list shows it: id, parents, author and subject line.
public struct GitCommitSummary: Sendable, Hashable {
    /// The commit id.
    public var id: CommitID
    /// The parent commits, first parent first; empty for a root commit.
    public var parents: [CommitID]
    /// The author's name as recorded in the commit (no mailmap).
    public var authorName: String
    /// The author's e-mail address as recorded in the commit.
    public var authorEmail: String
    /// When the commit was authored (whole seconds).
    public var authoredAt: Date
    /// The subject: the first paragraph of the message, joined into one line.
    public var subject: String

    /// Creates a summary.
    ///
    /// - Parameters:
    ///   - id: the commit id.
    ///   - parents: the parent ids, first parent first.
    ///   - authorName: the author's name.
    ///   - authorEmail: the author's e-mail address.
    ///   - authoredAt: the author date.
    ///   - subject: the subject line.
    public init(
        id: CommitID, parents: [CommitID], authorName: String, authorEmail: String, authoredAt: Date, subject: String
    ) {
        self.id = id
        self.parents = parents
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.authoredAt = authoredAt
        self.subject = subject
    }

    /// The `--format` that ``parse(logOutput:)`` reads: id, parents, author name, author e-mail, author time (Unix
    /// seconds) and subject, each ended by NUL; with `-z` each commit is ended by one more NUL.
    static let logFormat = "--format=%H%x00%P%x00%an%x00%ae%x00%at%x00%s"

    private static let fieldCount = 6

    /// Parses `git log -z` output in ``logFormat``. Fields may be empty (a root commit has no parents), and none can
    /// hold a NUL, so the text splits into exactly six fields per commit.
    ///
    /// - Returns: the commits in output order, or `nil` when the text does not have that shape.
    static func parse(logOutput output: String) -> [GitCommitSummary]? {
        var fields = output.split(separator: "\0", omittingEmptySubsequences: false)
        guard fields.last?.isEmpty == true else { return nil }
        fields.removeLast()
        guard fields.count.isMultiple(of: fieldCount) else { return nil }
        var commits: [GitCommitSummary] = []
        commits.reserveCapacity(fields.count / fieldCount)
        for start in stride(from: 0, to: fields.count, by: fieldCount) {
            let record = fields[start..<(start + fieldCount)].map(String.init)
            guard let id = try? CommitID(record[0]), let seconds = Int64(record[4]) else { return nil }
            var parents: [CommitID] = []
            for text in record[1].split(separator: " ") {
                guard let parent = try? CommitID(String(text)) else { return nil }
                parents.append(parent)
            }
            commits.append(
                GitCommitSummary(
                    id: id, parents: parents, authorName: record[2], authorEmail: record[3],
                    authoredAt: Date(timeIntervalSince1970: TimeInterval(seconds)), subject: record[5]))
        }
        return commits
    }
}
