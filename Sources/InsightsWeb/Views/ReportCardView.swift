import Foundation
import InsightsCore

/// A report as the `report-card` partial shows it.
///
/// Optional fields are read with a leading dot in the template (see ``AnnotationView``).
struct ReportCardView: Sendable {
    /// The element id, `report-{n}`.
    let anchor: String
    /// The report's key.
    let key: String
    /// The title.
    let title: String
    /// Pass, fail, pending or no result.
    let result: ResultBadge
    /// The tool or company that produced it.
    let reporter: String?
    /// The longer description; its line breaks are kept by the stylesheet.
    let details: String?
    /// The logo, only when it is an http(s) URL.
    let logoURL: String?
    /// The link to the full results, only when it is an http(s) URL.
    let link: String?
    /// The data fields, formatted, in order.
    let dataFields: [DataFieldView]
    /// `3 annotations, 1 new`, `No annotations`.
    let annotationCount: String
    /// `updated 3 minutes ago`.
    let updated: String

    /// The view of a report.
    ///
    /// - Parameters:
    ///   - report: the report.
    ///   - index: its position on the page, for the element id.
    ///   - annotationCount: how many annotations it has.
    ///   - newCount: how many of them are new in a pull request; `nil` outside one.
    ///   - formatter: formats data fields and dates.
    init(_ report: Report, index: Int, annotationCount: Int, newCount: Int?, formatter: DataFieldFormatter) {
        let content = report.content
        anchor = "report-\(index + 1)"
        key = report.key.rawValue
        title = content.title
        result = ResultBadge(content.result)
        reporter = content.reporter.flatMap { $0.isEmpty ? nil : $0 }
        details = content.details.flatMap { $0.isEmpty ? nil : $0 }
        logoURL = content.logoURL.flatMap { WebLink.isValid($0) ? $0 : nil }
        link = content.link.flatMap { WebLink.isValid($0) ? $0 : nil }
        dataFields = content.data.map { DataFieldView($0, formatter: formatter) }
        self.annotationCount = Self.countText(total: annotationCount, new: newCount)
        updated = "updated " + formatter.formatDate(report.updatedAt)
    }

    /// `No annotations`, `1 annotation`, `3 annotations, 1 new`.
    ///
    /// - Parameters:
    ///   - total: all annotations.
    ///   - new: the new ones, `nil` when not counted.
    static func countText(total: Int, new: Int?) -> String {
        guard total > 0 else { return "No annotations" }
        let base = "\(total) annotation\(total == 1 ? "" : "s")"
        guard let new, new > 0 else { return base }
        return base + ", \(new) new"
    }
}
