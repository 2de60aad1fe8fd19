public import InsightsCore

/// Keeps the findings that belong to a change, given the changed lines `git` reported.
///
/// Path-less (report-level) findings are always kept. `files` keeps findings in changed files; `lines` keeps those
/// on changed lines plus file-level ones (no line, i.e. Data Center line 0) in changed files.
public struct ChangeFilter: Sendable, Equatable {
    /// Which findings to keep.
    public enum Mode: String, Sendable, CaseIterable {
        /// Every finding.
        case all
        /// Findings in files the change touched.
        case files
        /// Findings on lines the change added or modified.
        case lines
    }

    /// Which findings to keep.
    public var mode: Mode
    /// Changed files and their new-side changed lines, as from ``changedLines(of:against:)``.
    public var changedLines: [String: Set<Int>]

    /// Creates a filter.
    ///
    /// - Parameters:
    ///   - mode: which findings to keep.
    ///   - changedLines: changed paths to line numbers; ignored for `all`.
    public init(mode: Mode, changedLines: [String: Set<Int>] = [:]) {
        self.mode = mode
        self.changedLines = changedLines
    }

    /// Keeps everything.
    public static let all = ChangeFilter(mode: .all)

    /// Whether the filter keeps a finding.
    public func includes(_ annotation: AnnotationContent) -> Bool {
        guard let path = annotation.path else { return true }
        switch mode {
        case .all:
            return true
        case .files:
            return changedLines[Self.normalised(path)] != nil
        case .lines:
            guard let lines = changedLines[Self.normalised(path)] else { return false }
            guard let line = annotation.line, line > 0 else { return true }
            return lines.contains(line)
        }
    }

    /// Whether a finding sits on a changed line; used to rank findings when not all of them fit.
    public func isOnChangedLine(_ annotation: AnnotationContent) -> Bool {
        guard let path = annotation.path, let line = annotation.line else { return false }
        return changedLines[Self.normalised(path)]?.contains(line) ?? false
    }

    private static func normalised(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }
}
