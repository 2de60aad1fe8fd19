import InsightsCore

extension Placement {
    /// R1: a pull request shows only the reports of the latest commit on its source branch.
    ///
    /// - Parameters:
    ///   - reports: candidate reports, possibly of several commits.
    ///   - sourceCommit: the source branch tip.
    /// - Returns: the reports of `sourceCommit`, in input order.
    static func scopedReports(_ reports: [Report], sourceCommit: CommitID) -> [Report] {
        reports.filter { $0.commit == sourceCommit }
    }

    /// R1: only annotations of the shown reports are placed.
    ///
    /// Annotations carry only their report's key, so an annotation is matched to a report by key; callers pass the
    /// annotations of the reports they pass.
    ///
    /// - Parameters:
    ///   - annotations: candidate annotations.
    ///   - reports: the shown reports (see ``scopedReports(_:sourceCommit:)``).
    /// - Returns: the annotations whose report key is one of `reports`, in input order.
    static func scopedAnnotations(_ annotations: [Annotation], of reports: [Report]) -> [Annotation] {
        let keys = Set(reports.map(\.key))
        return annotations.filter { keys.contains($0.reportKey) }
    }

    /// An annotation path as the diff spells it: leading `./` segments removed.
    ///
    /// - Parameter path: the annotation's path.
    /// - Returns: the normalised path; `nil` when there is none or nothing is left (`""`, `./`).
    static func normalizedPath(_ path: String?) -> String? {
        guard var path = path?[...] else { return nil }
        while path.hasPrefix("./") {
            path = path.dropFirst(2)
            while path.hasPrefix("/") { path = path.dropFirst() }
        }
        return path.isEmpty ? nil : String(path)
    }
}
