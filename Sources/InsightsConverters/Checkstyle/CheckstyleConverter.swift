public import Foundation
public import InsightsCore

/// Converts Checkstyle XML (`<checkstyle><file name><error line column severity message source>`), as written
/// by Checkstyle itself and by `shellcheck -f checkstyle`, ESLint's checkstyle formatter and others.
///
/// Mapping (see `docs/converters.md`):
/// - `error` → ``AnnotationSeverity/high``, `warning` → ``AnnotationSeverity/medium``, `info`, `ignore` and
///   anything else → ``AnnotationSeverity/low``.
/// - Every finding is a ``AnnotationType/codeSmell``: Checkstyle's `error` is a configured severity (its default
///   for every check), not evidence of a bug.
/// - The message is the `message` attribute followed by the short rule id in parentheses (`(SC2086)`).
/// - The report is ``ReportResult/failed`` when any finding has severity `error`, otherwise passed.
public struct CheckstyleConverter: InsightConverter {
    /// Always ``InsightFormat/checkstyle``.
    public var format: InsightFormat { .checkstyle }

    /// Creates the converter.
    public init() {}

    /// Converts the Checkstyle report at `url`, streaming it.
    ///
    /// - Parameters:
    ///   - url: a local Checkstyle XML file.
    ///   - options: the repository root used to make `<file name>` paths relative.
    /// - Returns: one annotation per `<error>`, in document order, and a report with per-severity counts.
    /// - Throws: ``ConversionError`` when the file is not well-formed XML or its root is not `<checkstyle>`.
    public func convert(contentsOf url: URL, options: ConversionOptions) throws -> InsightBundle {
        let delegate = CheckstyleParserDelegate()
        try XMLEventReader.parse(contentsOf: url, handler: delegate, format: "Checkstyle", root: "<checkstyle>")
        var ids = ExternalIDAllocator(prefix: "checkstyle")
        var counts: [AnnotationSeverity: Int] = [:]
        var annotations: [AnnotationContent] = []
        annotations.reserveCapacity(delegate.findings.count)
        for finding in delegate.findings {
            let path = RepositoryPath.relative(finding.fileName, root: options.repositoryRoot)
            let severity = Self.severity(finding.severity)
            counts[severity, default: 0] += 1
            let rule = Self.shortRule(finding.source)
            let message = rule.isEmpty ? finding.message : "\(finding.message) (\(rule))"
            annotations.append(
                AnnotationContent(
                    externalID: ids.make(from: [finding.source, path, String(finding.line ?? 0), finding.message]),
                    path: path.isEmpty ? nil : path, line: finding.line, message: message, severity: severity,
                    type: .codeSmell))
        }
        let tool = Self.toolName(sources: delegate.findings.map(\.source))
        let report = Self.report(
            tool: tool, counts: counts, total: annotations.count, fileCount: delegate.fileCount)
        return InsightBundle(report: report, annotations: annotations)
    }

    /// Maps a Checkstyle severity to an annotation severity.
    ///
    /// - Parameter severity: the lowercased `severity` attribute.
    /// - Returns: `error` → high, `warning` → medium, anything else → low.
    static func severity(_ severity: String) -> AnnotationSeverity {
        switch severity {
        case "error": .high
        case "warning": .medium
        default: .low
        }
    }

    /// The last dot-separated component of a `source` attribute: `ShellCheck.SC2086` → `SC2086`.
    static func shortRule(_ source: String) -> String {
        guard let dot = source.lastIndex(of: ".") else { return source }
        return String(source[source.index(after: dot)...])
    }

    /// Names the producing tool from its rule ids when every rule id agrees; otherwise `"Checkstyle"`.
    static func toolName(sources: [String]) -> String {
        let known: [(prefix: String, name: String)] = [
            ("ShellCheck.", "ShellCheck"), ("com.puppycrawl.tools.checkstyle.", "Checkstyle"),
            ("eslint.", "ESLint"), ("swiftlint.", "SwiftLint"),
        ]
        let nonEmpty = sources.filter { !$0.isEmpty }
        for entry in known where !nonEmpty.isEmpty && nonEmpty.allSatisfy({ $0.hasPrefix(entry.prefix) }) {
            return entry.name
        }
        return "Checkstyle"
    }

    /// Builds the report: title, result, a one-line summary and up to four count fields.
    private static func report(
        tool: String, counts: [AnnotationSeverity: Int], total: Int, fileCount: Int
    ) -> ReportContent {
        let errors = counts[.high, default: 0]
        let warnings = counts[.medium, default: 0]
        let infos = counts[.low, default: 0]
        let noun = total == 1 ? "finding" : "findings"
        let files = fileCount == 1 ? "file" : "files"
        return ReportContent(
            title: tool,
            details:
                "\(total) \(noun) in \(fileCount) \(files): \(errors) errors, \(warnings) warnings, \(infos) info.",
            result: errors > 0 ? .failed : .passed,
            reportType: .bug,
            reporter: tool,
            data: [
                DataField(title: "Findings", type: .number, value: .number(Double(total))),
                DataField(title: "Errors", type: .number, value: .number(Double(errors))),
                DataField(title: "Warnings", type: .number, value: .number(Double(warnings))),
                DataField(title: "Info", type: .number, value: .number(Double(infos))),
            ])
    }
}
