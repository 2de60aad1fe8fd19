public import InsightsCore

/// Fits a converted bundle to a dialect's limits so a server never rejects it for size: a pure function.
///
/// - Texts longer than the dialect allows (report title 450, details 2000, reporter 450; annotation message 2000 on
///   Data Center and 450 as a Cloud summary; annotation title 450, details 2000) end in `…` at the limit.
/// - External ids longer than 449 become a prefix plus a stable hash; missing ones (Cloud needs one on every bulk
///   item) are derived from path, line and message; repeats get a `-2`, `-3` suffix.
/// - The change filter drops findings outside the change; of the rest at most ``maxAnnotations`` are kept, ranked by
///   severity (highest first), then on-changed-line first, then tool order.
/// - Data fields `Findings` (all reported) and `Shown` (sent) are set within the dialect's 6 or 10 fields, dropping
///   the converter's last fields when needed.
/// - Data Center shows `CRITICAL` as `HIGH` and requires a severity (missing becomes `LOW`); Cloud requires a type
///   (missing becomes `CODE_SMELL`), report details (missing becomes a findings sentence) and a report type
///   (missing becomes `BUG`). Invalid links are dropped; lines below 1 become file-level.
public struct InsightFitter: Sendable {
    /// The dialect to fit.
    public var dialect: PublishDialect
    /// The most annotations to keep.
    public var maxAnnotations: Int
    /// Which findings belong to the change.
    public var changeFilter: ChangeFilter

    /// The title of the data field counting all findings.
    public static let findingsFieldTitle = "Findings"
    /// The title of the data field counting the findings shown.
    public static let shownFieldTitle = "Shown"

    /// Creates a fitter.
    ///
    /// - Parameters:
    ///   - dialect: the target's dialect.
    ///   - maxAnnotations: the most annotations to keep; 1000 by default (the servers' per-report cap).
    ///   - changeFilter: which findings belong to the change; all by default.
    public init(
        dialect: PublishDialect, maxAnnotations: Int = InsightLimits.defaultMaxAnnotationsPerReport,
        changeFilter: ChangeFilter = .all
    ) {
        self.dialect = dialect
        self.maxAnnotations = max(0, maxAnnotations)
        self.changeFilter = changeFilter
    }

    /// Fits a bundle.
    ///
    /// - Parameter bundle: the converter's output.
    /// - Returns: the report and annotations to send, with counts.
    public func fit(_ bundle: InsightBundle) -> FittedBundle {
        var truncations = 0
        let matching = bundle.annotations.enumerated().filter { changeFilter.includes($0.element) }
        var severityCounts: [AnnotationSeverity?: Int] = [:]
        for (_, annotation) in matching { severityCounts[annotation.severity, default: 0] += 1 }
        let ranked = matching.sorted { lhs, rhs in
            let left = lhs.element.severity?.rank ?? -1
            let right = rhs.element.severity?.rank ?? -1
            if left != right { return left > right }
            let leftChanged = changeFilter.isOnChangedLine(lhs.element)
            if leftChanged != changeFilter.isOnChangedLine(rhs.element) { return leftChanged }
            return lhs.offset < rhs.offset
        }
        var usedIDs = Set<String>()
        var annotations: [AnnotationContent] = []
        annotations.reserveCapacity(min(maxAnnotations, ranked.count))
        for (_, annotation) in ranked.prefix(maxAnnotations) {
            annotations.append(fitted(annotation, usedIDs: &usedIDs, truncations: &truncations))
        }
        var report = fitted(bundle.report, total: bundle.annotations.count, truncations: &truncations)
        let data = fittedData(
            report.data, total: bundle.annotations.count, shown: annotations.count)
        report.data = data.fields
        return FittedBundle(
            report: report, annotations: annotations, totalFindings: bundle.annotations.count,
            matchingFindings: matching.count, truncatedFields: truncations, droppedDataFields: data.dropped,
            severityCounts: severityCounts)
    }

    private func fitted(_ annotation: AnnotationContent, usedIDs: inout Set<String>, truncations: inout Int)
        -> AnnotationContent
    {
        let limits = dialect.limits
        var result = annotation
        result.message = fitText(annotation.message, max: limits.maxMessageLength, &truncations)
        if result.message.allSatisfy(\.isWhitespace) { result.message = "(no message)" }
        result.title = annotation.title.map { fitText($0, max: limits.maxAnnotationTitleLength, &truncations) }
        result.details = annotation.details.map { fitText($0, max: limits.maxAnnotationDetailsLength, &truncations) }
        if let line = annotation.line, line < 1 { result.line = nil }
        if let path = annotation.path, path.isEmpty { result.path = nil }
        result.link = (try? WebLink.validated(annotation.link, at: .root)) ?? nil
        switch dialect {
        case .dataCenter:
            result.severity = annotation.severity.map { $0 == .critical ? .high : $0 } ?? .low
        case .cloud:
            if result.type == nil { result.type = .codeSmell }
        }
        var id = annotation.externalID.flatMap { $0.isEmpty ? nil : $0 }
        if id == nil, dialect.limits.requiresExternalIDInBulk {
            let seed = "\(annotation.path ?? "")\u{1f}\(annotation.line ?? 0)\u{1f}\(annotation.message)"
            id = "insights-" + TextFitting.stableHash(seed)
        }
        if var candidate = id {
            let fittedID = TextFitting.fittedID(candidate, max: limits.maxExternalIDLength)
            if fittedID != candidate { truncations += 1 }
            candidate = fittedID
            var unique = candidate
            var suffix = 2
            while usedIDs.contains(unique) {
                unique = TextFitting.fittedID("\(candidate)-\(suffix)", max: limits.maxExternalIDLength)
                suffix += 1
            }
            usedIDs.insert(unique)
            result.externalID = unique
        }
        return result
    }

    private func fitted(_ report: ReportContent, total: Int, truncations: inout Int) -> ReportContent {
        let limits = dialect.limits
        var result = report
        result.title = fitText(report.title, max: limits.maxTitleLength, &truncations)
        if result.title.allSatisfy(\.isWhitespace) { result.title = "Insights" }
        result.details = report.details.map { fitText($0, max: limits.maxDetailsLength, &truncations) }
        result.reporter = report.reporter.map { fitText($0, max: limits.maxReporterLength, &truncations) }
        result.link = (try? WebLink.validated(report.link, at: .root)) ?? nil
        result.logoURL = (try? WebLink.validated(report.logoURL, at: .root)) ?? nil
        if dialect == .cloud {
            if result.details?.isEmpty ?? true { result.details = total == 1 ? "1 finding." : "\(total) findings." }
            if result.reportType == nil { result.reportType = .bug }
        }
        return result
    }

    private func fittedData(_ fields: [DataField], total: Int, shown: Int) -> (fields: [DataField], dropped: [String]) {
        let findings = DataField(title: Self.findingsFieldTitle, type: .number, value: .number(Double(total)))
        let shownField = DataField(title: Self.shownFieldTitle, type: .number, value: .number(Double(shown)))
        var result: [DataField] = []
        var hasFindings = false
        for field in fields where field.title != Self.shownFieldTitle && Self.isValid(field) {
            if field.title == Self.findingsFieldTitle {
                if !hasFindings { result.append(findings) }
                hasFindings = true
            } else {
                result.append(field)
            }
        }
        if !hasFindings { result.insert(findings, at: 0) }
        result.append(shownField)
        var dropped: [String] = []
        while result.count > dialect.limits.maxDataFields,
            let index = result.lastIndex(where: {
                $0.title != Self.findingsFieldTitle && $0.title != Self.shownFieldTitle
            })
        {
            dropped.insert(result.remove(at: index).title, at: 0)
        }
        return (result, dropped)
    }

    private static func isValid(_ field: DataField) -> Bool {
        switch (field.type, field.value) {
        case (_, .number(let number)) where !number.isFinite: false
        case (.percentage?, .number(let number)): (0...100).contains(number)
        case (_, .link(_, let href)): WebLink.isValid(href)
        default: true
        }
    }

    private func fitText(_ text: String, max: Int, _ truncations: inout Int) -> String {
        let result = TextFitting.truncated(text, max: max)
        if result != text { truncations += 1 }
        return result
    }
}
