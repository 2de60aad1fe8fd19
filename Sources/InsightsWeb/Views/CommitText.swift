import InsightsCore

/// How commit ids are shortened for display.
enum CommitText {
    /// The first 11 hex digits, as Bitbucket shows commit ids.
    ///
    /// - Parameter commit: the commit.
    /// - Returns: the abbreviated id.
    static func short(_ commit: CommitID) -> String {
        String(commit.rawValue.prefix(11))
    }
}
