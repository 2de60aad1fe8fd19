/// One reason a pull request may not merge, in the words Bitbucket shows (`summaryMessage`, `detailedMessage`).
public struct MergeVeto: Sendable, Hashable {
    /// A one-line reason.
    public var summary: String
    /// What to do about it.
    public var detail: String

    /// Creates a veto.
    public init(summary: String, detail: String) {
        self.summary = summary
        self.detail = detail
    }
}
