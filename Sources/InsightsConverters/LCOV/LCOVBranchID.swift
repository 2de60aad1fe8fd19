/// The identity of one LCOV branch within a file: `BRDA:<line>,<block>,<branch>,<taken>` without `taken`.
///
/// lcov merges branch records of the same file that share line, block and branch (a header included by several
/// translation units is reported once per unit), so ``CoverageAccumulator`` counts each identity once.
struct LCOVBranchID: Sendable, Hashable {
    /// The 1-based line.
    var line: Int
    /// The `block,branch` text between the line and the taken count, as written (lcov 2 may write an
    /// expression as the branch).
    var blockAndBranch: String
}
