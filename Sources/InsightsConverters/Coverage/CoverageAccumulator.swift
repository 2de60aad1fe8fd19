import Foundation

/// Line and branch hits per file, shared by ``CoberturaConverter`` and ``LCOVConverter``.
///
/// Paths are repository-relative. When a file is reported more than once (Cobertura classes that share a file,
/// LCOV records per test name or per translation unit) a line keeps its highest hit count and its largest branch
/// counts, and an LCOV branch (line, block, branch) is counted once, covered when any record took it, so nothing
/// is counted twice. ``makeBundle(title:options:)`` turns the totals into a report.
struct CoverageAccumulator {
    /// The branch counts of one line.
    struct Branches: Sendable, Equatable {
        /// Branches taken at least once.
        var covered: Int
        /// All branches.
        var total: Int
    }

    /// Hits per line, per repository-relative path.
    private(set) var lineHits: [String: [Int: Int]] = [:]
    /// Branch counts per line, per repository-relative path (Cobertura).
    private(set) var branches: [String: [Int: Branches]] = [:]
    /// Whether each branch was taken, per repository-relative path (LCOV, whose branches have an identity).
    private(set) var lcovBranches: [String: [LCOVBranchID: Bool]] = [:]
    /// Totals written in the report itself, used only when it has no per-line data (summary-only files).
    var declaredTotals: (lines: Int, coveredLines: Int, branches: Int, coveredBranches: Int)?

    /// Notes that `path` exists, even if it has no instrumented lines.
    mutating func addFile(_ path: String) {
        if lineHits[path] == nil {
            lineHits[path] = [:]
        }
    }

    /// Records the hit count of one line.
    ///
    /// - Parameters:
    ///   - line: the 1-based line.
    ///   - hits: how often it ran; negative counts are treated as 0.
    ///   - path: the repository-relative path.
    mutating func addLine(_ line: Int, hits: Int, path: String) {
        let previous = lineHits[path, default: [:]][line] ?? 0
        lineHits[path, default: [:]][line] = max(previous, max(hits, 0))
    }

    /// Records the hit counts of many lines of one file at once (one LCOV record).
    ///
    /// - Parameters:
    ///   - hits: hits per 1-based line; negative counts are treated as 0.
    ///   - path: the repository-relative path.
    mutating func addLines(_ hits: [Int: Int], path: String) {
        lineHits[path, default: [:]].merge(hits.mapValues { max($0, 0) }) { max($0, $1) }
    }

    /// Records the branch counts of one line.
    mutating func addBranches(line: Int, covered: Int, total: Int, path: String) {
        guard total > 0 else { return }
        let previous = branches[path, default: [:]][line] ?? Branches(covered: 0, total: 0)
        branches[path, default: [:]][line] = Branches(
            covered: max(previous.covered, min(covered, total)), total: max(previous.total, total))
    }

    /// Records the LCOV branches of one record (`BRDA` lines), merging them with earlier records of the file.
    ///
    /// A branch already seen for `path` (same line, block and branch) is not counted again: it is covered when
    /// any record took it, as lcov adds the taken counts.
    ///
    /// - Parameters:
    ///   - taken: whether each branch was taken at least once.
    ///   - path: the repository-relative path.
    mutating func addBranches(_ taken: [LCOVBranchID: Bool], path: String) {
        lcovBranches[path, default: [:]].merge(taken) { $0 || $1 }
    }

    /// Whether any line or branch data was recorded.
    var hasLineData: Bool {
        lineHits.values.contains { !$0.isEmpty }
    }
}
