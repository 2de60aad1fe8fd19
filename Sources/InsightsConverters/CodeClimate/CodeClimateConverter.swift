public import Foundation
public import InsightsCore

/// Converts Code Climate issues and GitLab Code Quality reports into a static-analysis report.
///
/// | Code Climate `severity` | annotation severity |
/// |---|---|
/// | `info`, `minor` | LOW |
/// | `major`, absent or unknown | MEDIUM |
/// | `critical` | HIGH |
/// | `blocker` | CRITICAL |
///
/// `categories` containing `Security` give `VULNERABILITY`, `Bug Risk` gives `BUG`, anything else `CODE_SMELL`.
/// The external id is the issue's `fingerprint` (or a hash of check, path, line and description), made unique
/// within the bundle. The report is `FAILED` when any issue is `critical` or `blocker`.
public struct CodeClimateConverter: InsightConverter {
    /// Always ``InsightFormat/codeclimate``.
    public var format: InsightFormat { .codeclimate }

    /// Creates a converter.
    public init() {}

    /// Converts the Code Climate or GitLab Code Quality file at `url`.
    ///
    /// - Parameters:
    ///   - url: a JSON array of issues, or NUL- or newline-separated issue objects.
    ///   - options: the repository root for absolute paths.
    /// - Returns: the report and one annotation per issue.
    /// - Throws: ``ConversionError`` when the file is unreadable or not Code Climate JSON.
    public func convert(contentsOf url: URL, options: ConversionOptions) throws -> InsightBundle {
        let data = try InputFile.read(url)
        let issues = try CodeClimateStream.issues(in: data, url: url)
        var ids = ExternalIDAllocator(prefix: "codeclimate")
        var annotations: [AnnotationContent] = []
        for issue in issues where (issue.type?.lowercased() ?? "issue") == "issue" {
            let path = issue.location?.path.map { RepositoryPath.relative($0, root: options.repositoryRoot) }
            let message = Self.message(for: issue)
            let candidate: String
            if let fingerprint = issue.fingerprint, !fingerprint.isEmpty {
                candidate = fingerprint.utf16.count > 400 ? ExternalIDAllocator.hexHash(fingerprint) : fingerprint
            } else {
                let parts = [issue.checkName ?? "", path ?? "", issue.line.map(String.init) ?? "", message]
                candidate = "codeclimate-" + ExternalIDAllocator.hexHash(parts.joined(separator: "\u{0}"))
            }
            annotations.append(
                AnnotationContent(
                    externalID: ids.reserve(candidate), path: path, line: issue.line, message: message,
                    title: issue.checkName, severity: Self.severity(issue.severity), type: Self.type(issue.categories)
                )
            )
        }
        return InsightBundle(report: Self.report(annotations), annotations: annotations)
    }

    /// The severity table above.
    static func severity(_ value: String?) -> AnnotationSeverity {
        switch value?.lowercased() {
        case "info", "minor": .low
        case "critical": .high
        case "blocker": .critical
        default: .medium
        }
    }

    /// The category rule above.
    static func type(_ categories: [String]?) -> AnnotationType {
        let lowered = (categories ?? []).map { $0.lowercased() }
        if lowered.contains("security") { return .vulnerability }
        if lowered.contains("bug risk") { return .bug }
        return .codeSmell
    }

    private static func message(for issue: CodeClimateIssue) -> String {
        if let text = issue.description, !text.allSatisfy(\.isWhitespace) { return text }
        return issue.checkName ?? "Issue without description"
    }

    private static func report(_ annotations: [AnnotationContent]) -> ReportContent {
        let isFailed = annotations.contains { ($0.severity ?? .low) >= .high }
        let count = annotations.count
        return ReportContent(
            title: "Code quality",
            details: "\(count) \(count == 1 ? "issue" : "issues") reported in Code Climate format.",
            result: isFailed ? .failed : .passed,
            reportType: FindingsSummary.reportType(for: annotations),
            data: FindingsSummary.dataFields(for: annotations)
        )
    }
}
