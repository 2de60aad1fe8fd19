public import Foundation
public import InsightsCore

/// Converts SARIF 2.1.0 logs (ruff, semgrep, clang, CodeQL, …) into a static-analysis report.
///
/// Every run and every result becomes part of one bundle. Suppressed results (any suppression whose status is
/// not `rejected`), results with `baselineState` `absent`, and results of kind `pass` or `notApplicable` are left
/// out. The mapping tables are in `docs/converters.md`; in short:
///
/// - severity and type: ``SARIFSeverityMapping``;
/// - message: `message.text`, else the rule's `messageStrings[message.id]`, with `{n}` placeholders filled;
/// - path and line: the first physical location, resolved through `uriBaseId` and made repository-relative;
/// - external id: the rule id plus a hash of the path and the first fingerprint (or, without fingerprints,
///   the line and message), made unique within the bundle;
/// - report: titled after the tool, `FAILED` when any result has level `error`.
public struct SARIFConverter: InsightConverter {
    /// Always ``InsightFormat/sarif``.
    public var format: InsightFormat { .sarif }

    /// Creates a converter.
    public init() {}

    /// Converts the SARIF log at `url`.
    ///
    /// - Parameters:
    ///   - url: a SARIF 2.1.0 JSON file.
    ///   - options: the repository root for `file://` URIs and absolute paths.
    /// - Returns: the report and one annotation per unsuppressed result.
    /// - Throws: ``ConversionError`` when the file is unreadable, not JSON, or not SARIF 2.1.
    public func convert(contentsOf url: URL, options: ConversionOptions) throws -> InsightBundle {
        let data = try InputFile.read(url)
        let log = try SARIFLogReader(data: data, url: url).read()
        if let version = log.version, !version.hasPrefix("2.1") {
            throw ConversionError("\(url.lastPathComponent) is SARIF \(version); only SARIF 2.1.0 is supported")
        }
        return convert(log, options: options)
    }

    /// Maps a decoded log.
    ///
    /// - Parameters:
    ///   - log: the log.
    ///   - options: the repository root.
    /// - Returns: the bundle.
    func convert(_ log: SARIFLog, options: ConversionOptions) -> InsightBundle {
        let count = log.runs.reduce(0) { $0 + ($1.results?.count ?? 0) }
        var annotations: [AnnotationContent] = []
        annotations.reserveCapacity(count)
        var ids = ExternalIDAllocator(prefix: "sarif")
        ids.reserveCapacity(count)
        var hasError = false
        var skipped = 0
        for run in log.runs {
            // Real logs name few files many times; resolve each (base, URI) pair once.
            var paths: [LocationKey: String] = [:]
            let index = SARIFRunIndex(run: run, repositoryRoot: options.repositoryRoot)
            for result in run.results ?? [] {
                guard !Self.isSkipped(result) else {
                    skipped += 1
                    continue
                }
                let rule = index.rule(for: result)
                let level = SARIFSeverityMapping.level(
                    result: result.level, rule: rule?.defaultConfiguration?.level, kind: result.kind)
                hasError = hasError || level == "error"
                var path: String?
                if let location = index.artifactLocation(for: result) {
                    let key = LocationKey(baseID: location.uriBaseId, uri: location.uri)
                    if let cached = paths[key] {
                        path = cached
                    } else {
                        let resolved = index.path(for: location)
                        paths[key] = resolved
                        path = resolved
                    }
                }
                var annotation = Self.annotation(for: result, rule: rule, level: level, path: path)
                annotation.externalID = ids.reserve(Self.externalIDCandidate(result, annotation))
                annotations.append(annotation)
            }
        }
        let report = Self.report(log: log, annotations: annotations, hasError: hasError, skipped: skipped)
        return InsightBundle(report: report, annotations: annotations)
    }

    /// Whether a result is left out: suppressed, absent from the baseline, or not a failure.
    private static func isSkipped(_ result: SARIFLog.Result) -> Bool {
        if let suppressions = result.suppressions,
            suppressions.contains(where: { $0.status?.lowercased() != "rejected" })
        {
            return true
        }
        if result.baselineState?.lowercased() == "absent" { return true }
        let kind = result.kind?.lowercased()
        return kind == "pass" || kind == "notapplicable"
    }

    private static func annotation(
        for result: SARIFLog.Result, rule: SARIFLog.Rule?, level: String, path: String?
    ) -> AnnotationContent {
        let ruleID = SARIFRunIndex.ruleID(of: result) ?? rule?.id
        let score = result.properties?.securitySeverity ?? rule?.properties?.securitySeverity
        let tags = (rule?.properties?.tags ?? []) + (result.properties?.tags ?? [])
        let line = result.locations?.first?.physicalLocation?.region?.startLine
        return AnnotationContent(
            path: path,
            line: line.flatMap { $0 > 0 ? $0 : nil },
            message: message(for: result, rule: rule, ruleID: ruleID),
            title: ruleID,
            severity: SARIFSeverityMapping.severity(securitySeverity: score, level: level),
            type: SARIFSeverityMapping.type(securitySeverity: score, tags: tags, level: level),
            link: rule?.helpUri
        )
    }

    private static func message(for result: SARIFLog.Result, rule: SARIFLog.Rule?, ruleID: String?) -> String {
        let template =
            result.message.text
            ?? result.message.id.flatMap { rule?.messageStrings?[$0]?.text }
        let text = template.map { SARIFMessageFormatter.format($0, arguments: result.message.arguments ?? []) }
        if let text, !text.allSatisfy(\.isWhitespace) { return text }
        return ruleID ?? "Finding without message"
    }

    /// `<ruleId>-<hash>`: the hash covers the path and the first fingerprint by sorted key (full fingerprints
    /// before partial ones), or the line and message when the tool wrote none.
    private static func externalIDCandidate(_ result: SARIFLog.Result, _ annotation: AnnotationContent) -> String {
        let ruleID = annotation.title ?? "sarif"
        // The hash of the parts joined with NUL separators.
        var hasher = FNV1aHasher()
        hasher.combine(ruleID)
        hasher.combine(0)
        hasher.combine(annotation.path ?? "")
        hasher.combine(0)
        if let (key, value) = firstFingerprint(result.fingerprints) ?? firstFingerprint(result.partialFingerprints) {
            hasher.combine(key)
            hasher.combine(0)
            hasher.combine(value)
        } else {
            hasher.combine(annotation.line.map(String.init) ?? "")
            hasher.combine(0)
            hasher.combine(annotation.message)
        }
        return "\(ruleID.prefix(200))-\(hasher.hex)"
    }

    /// The first usable fingerprint by sorted key. Values containing whitespace are placeholders, not hashes
    /// (semgrep OSS writes `"matchBasedId/v1": "requires login"` for every result), and are ignored.
    private static func firstFingerprint(_ fingerprints: [String: String]?) -> (String, String)? {
        guard let fingerprints else { return nil }
        for key in fingerprints.keys.sorted() {
            if let value = fingerprints[key], !value.isEmpty, !value.utf8.contains(where: Self.isASCIIWhitespace) {
                return (key, value)
            }
        }
        return nil
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func report(
        log: SARIFLog, annotations: [AnnotationContent], hasError: Bool, skipped: Int
    ) -> ReportContent {
        var tools: [String] = []
        var reporters: [String] = []
        for run in log.runs {
            let driver = run.tool.driver
            if !tools.contains(driver.name) { tools.append(driver.name) }
            let version = driver.version ?? driver.semanticVersion
            let reporter: String =
                if let version { version.hasPrefix(driver.name) ? version : "\(driver.name) \(version)" } else {
                    driver.name
                }
            if !reporters.contains(reporter) { reporters.append(reporter) }
        }
        let title = tools.count == 1 ? tools[0] : "Static analysis"
        let count = annotations.count
        var details = "\(count) \(count == 1 ? "finding" : "findings") reported by \(reporters.joined(separator: ", "))"
        if reporters.isEmpty { details = "\(count) findings" }
        if skipped > 0 { details += "; \(skipped) suppressed or fixed results left out" }
        return ReportContent(
            title: title,
            details: details + ".",
            result: hasError ? .failed : .passed,
            reportType: FindingsSummary.reportType(for: annotations),
            reporter: reporters.isEmpty ? nil : reporters.joined(separator: ", "),
            data: FindingsSummary.dataFields(for: annotations)
        )
    }

    /// Where a result's path comes from: its URI and the base it is relative to.
    private struct LocationKey: Hashable {
        var baseID: String?
        var uri: String?
    }
}
