public import Foundation
public import InsightsCore

/// Converts cppcheck's XML report (`cppcheck --xml --xml-version=2`, written to standard error):
/// `<results version="2"><cppcheck version/><errors><error id severity msg verbose cwe inconclusive><location file
/// line column info/>…</error></errors></results>`.
///
/// Mapping (see `docs/converters.md`):
/// - `error` → ``AnnotationSeverity/high``, `warning` → ``AnnotationSeverity/medium``, `style`, `performance`,
///   `portability` and unknown severities → ``AnnotationSeverity/low``.
/// - `information`, `debug` and `none` messages are about the analysis (missing include files, checker reports,
///   configurations not checked), not the code: they are left out and counted in the report details.
/// - `error` and `warning` are ``AnnotationType/bug``, or ``AnnotationType/vulnerability`` when their `cwe` is a
///   memory-corruption weakness (``memoryCorruptionCWEs``); everything else is ``AnnotationType/codeSmell``.
/// - The first `<location>` gives the path and line; the message is `msg` followed by the check id and, for
///   inconclusive findings, `inconclusive` in parentheses; the details hold `verbose` and, for several locations,
///   the trace; the link is the CWE definition.
/// - The report is ``ReportResult/failed`` when any finding has severity `error`, otherwise passed.
public struct CppcheckConverter: InsightConverter {
    /// Always ``InsightFormat/cppcheck``.
    public var format: InsightFormat { .cppcheck }

    /// CWE ids whose `error` and `warning` findings are vulnerabilities: out-of-bounds access (119, 120, 121, 122,
    /// 125, 786, 787, 788), format strings (134), double free (415) and use after free (416).
    static let memoryCorruptionCWEs: Set<Int> = [119, 120, 121, 122, 125, 134, 415, 416, 786, 787, 788]

    /// Severities whose messages are about the analysis, not the code.
    static let analysisSeverities: Set<String> = ["information", "debug", "none"]

    /// The cppcheck severities named first in the report details, in this order.
    private static let reportedSeverities = ["error", "warning", "style", "performance", "portability"]

    /// Creates the converter.
    public init() {}

    /// Converts the cppcheck XML report at `url`, streaming it.
    ///
    /// - Parameters:
    ///   - url: a local cppcheck XML version 2 file.
    ///   - options: the repository root used to make `<location file>` paths relative.
    /// - Returns: one annotation per `<error>` other than informational messages, in document order, and a report
    ///   with per-severity counts.
    /// - Throws: ``ConversionError`` when the file is not well-formed XML or its root is not `<results version="2">`.
    public func convert(contentsOf url: URL, options: ConversionOptions) throws -> InsightBundle {
        let delegate = CppcheckParserDelegate()
        try XMLEventReader.parse(contentsOf: url, handler: delegate, format: "cppcheck", root: "<results>")
        var ids = ExternalIDAllocator(prefix: "cppcheck")
        var counts: [String: Int] = [:]
        var leftOut: [String] = []
        var annotations: [AnnotationContent] = []
        annotations.reserveCapacity(delegate.findings.count)
        for finding in delegate.findings {
            guard let severity = Self.severity(finding.severity) else {
                leftOut.append(finding.id)
                continue
            }
            counts[finding.severity, default: 0] += 1
            let location = finding.locations.first
            let path = location.map { RepositoryPath.relative($0.file, root: options.repositoryRoot) } ?? ""
            annotations.append(
                AnnotationContent(
                    externalID: ids.make(from: [finding.id, path, String(location?.line ?? 0), finding.message]),
                    path: path.isEmpty ? nil : path, line: location?.line, message: Self.message(for: finding),
                    title: finding.id.isEmpty ? nil : finding.id, details: Self.details(for: finding, options: options),
                    severity: severity, type: Self.type(severity: finding.severity, cwe: finding.cwe),
                    link: finding.cwe.map { "https://cwe.mitre.org/data/definitions/\($0).html" }))
        }
        let report = Self.report(
            annotations: annotations, counts: counts, leftOut: leftOut, version: delegate.toolVersion)
        return InsightBundle(report: report, annotations: annotations)
    }

    /// Maps a cppcheck severity to an annotation severity.
    ///
    /// - Parameter severity: the lowercased `severity` attribute.
    /// - Returns: `error` → high, `warning` → medium, `information`, `debug` and `none` → `nil` (left out),
    ///   anything else → low.
    static func severity(_ severity: String) -> AnnotationSeverity? {
        if analysisSeverities.contains(severity) { return nil }
        switch severity {
        case "error": return .high
        case "warning": return .medium
        default: return .low
        }
    }

    /// Maps a cppcheck severity and CWE id to an annotation type.
    ///
    /// - Parameters:
    ///   - severity: the lowercased `severity` attribute.
    ///   - cwe: the `cwe` attribute, if any.
    /// - Returns: `VULNERABILITY` for an `error` or `warning` with a CWE in ``memoryCorruptionCWEs``, `BUG` for other
    ///   `error`s and `warning`s, otherwise `CODE_SMELL`.
    static func type(severity: String, cwe: Int?) -> AnnotationType {
        guard severity == "error" || severity == "warning" else { return .codeSmell }
        if let cwe, memoryCorruptionCWEs.contains(cwe) { return .vulnerability }
        return .bug
    }

    /// The annotation message: `msg` followed by the check id and `inconclusive` in parentheses.
    ///
    /// `Null pointer dereference: p (nullPointer)`, `Found duplicate branches for 'if' and 'else'. (duplicateBranch,
    /// inconclusive)`. A blank `msg` falls back to `verbose`, then to `Finding without message`.
    ///
    /// - Parameter finding: the finding.
    /// - Returns: the message.
    static func message(for finding: CppcheckFinding) -> String {
        let text =
            [finding.message, finding.verbose].first { !$0.allSatisfy(\.isWhitespace) } ?? "Finding without message"
        let notes = [finding.id, finding.isInconclusive ? "inconclusive" : ""].filter { !$0.isEmpty }
        return notes.isEmpty ? text : "\(text) (\(notes.joined(separator: ", ")))"
    }

    /// `verbose` when it says more than `msg`, then, after a blank line and only when there are several locations,
    /// one `path:line: info` line per location (the trace); `nil` when both are empty.
    private static func details(for finding: CppcheckFinding, options: ConversionOptions) -> String? {
        var paragraphs: [String] = []
        if !finding.verbose.isEmpty, finding.verbose != finding.message {
            paragraphs.append(finding.verbose)
        }
        if finding.locations.count > 1 {
            let trace = finding.locations.map { location in
                var line = RepositoryPath.relative(location.file, root: options.repositoryRoot)
                if let number = location.line { line += ":\(number)" }
                if !location.info.isEmpty { line += ": \(location.info)" }
                return line
            }
            paragraphs.append(trace.joined(separator: "\n"))
        }
        return paragraphs.isEmpty ? nil : paragraphs.joined(separator: "\n\n")
    }

    /// Builds the report: title, reporter, result, per-severity details and the shared findings data fields.
    private static func report(
        annotations: [AnnotationContent], counts: [String: Int], leftOut: [String], version: String?
    ) -> ReportContent {
        let total = annotations.count
        let fileCount = Set(annotations.compactMap(\.path)).count
        let others = counts.keys.filter { !reportedSeverities.contains($0) }.sorted()
        let perSeverity = (reportedSeverities + others).compactMap { name in
            counts[name].map { "\(name.isEmpty ? "unknown" : name) \($0)" }
        }
        let files = fileCount == 0 ? "" : " in \(fileCount) \(fileCount == 1 ? "file" : "files")"
        var details =
            total == 0
            ? "No findings."
            : "\(total) \(total == 1 ? "finding" : "findings")\(files): \(perSeverity.joined(separator: ", "))."
        if !leftOut.isEmpty {
            var kinds: [String] = []
            for id in leftOut where !id.isEmpty && !kinds.contains(id) { kinds.append(id) }
            let named = kinds.prefix(3).joined(separator: ", ") + (kinds.count > 3 ? ", …" : "")
            let noun = leftOut.count == 1 ? "message" : "messages"
            details += " \(leftOut.count) information \(noun) about the analysis left out"
            details += kinds.isEmpty ? "." : " (\(named))."
        }
        return ReportContent(
            title: "Cppcheck",
            details: details,
            result: counts["error", default: 0] > 0 ? .failed : .passed,
            reportType: FindingsSummary.reportType(for: annotations),
            reporter: version.map { "Cppcheck \($0)" } ?? "Cppcheck",
            data: FindingsSummary.dataFields(for: annotations))
    }
}
