public import InsightsCore

/// Combines the bundles of several tool outputs into one report, for `insights publish a.sarif b.sarif`.
public enum BundleMerger {
    /// Merges bundles: the first report's title, reporter and links; every distinct details text, one per line, in
    /// order; `FAILED` if any failed, else `PENDING` if any pending,
    /// else `PASSED` if any passed; NUMBER data fields with the same title summed and other fields kept from their
    /// first occurrence; annotations concatenated in order.
    ///
    /// - Parameter bundles: at least one bundle.
    /// - Returns: the merged bundle, or `nil` for an empty list.
    public static func merge(_ bundles: [InsightBundle]) -> InsightBundle? {
        guard var merged = bundles.first else { return nil }
        guard bundles.count > 1 else { return merged }
        let results = bundles.compactMap(\.report.result)
        merged.report.result =
            results.contains(.failed) ? .failed : results.contains(.pending) ? .pending : results.first
        var fields: [DataField] = []
        for field in bundles.flatMap(\.report.data) {
            if let index = fields.firstIndex(where: { $0.title == field.title }) {
                if case .number(let sum) = fields[index].value, case .number(let value) = field.value,
                    fields[index].type == .number, field.type == .number
                {
                    fields[index].value = .number(sum + value)
                }
            } else {
                fields.append(field)
            }
        }
        merged.report.data = fields
        var details: [String] = []
        for text in bundles.compactMap(\.report.details) where !text.isEmpty && !details.contains(text) {
            details.append(text)
        }
        merged.report.details = details.isEmpty ? nil : details.joined(separator: "\n")
        if merged.report.reportType == nil { merged.report.reportType = bundles.compactMap(\.report.reportType).first }
        merged.annotations = bundles.flatMap(\.annotations)
        return merged
    }
}
