import Foundation
import InsightsCore
import InsightsReview
import Mustache

/// One annotation as the `annotation` partial shows it.
///
/// Optional fields are read in the template with a leading dot (`{{#.link}}`), so that an absent value is never
/// looked up in an enclosing context (a report's own `link`, the page's `title`).
struct AnnotationView: Sendable {
    /// The annotation's uuid, for its element id `annotation-{id}`.
    let id: String
    /// The severity's class, word and letter.
    let severity: SeverityBadge
    /// `Bug`, `Code smell` or `Vulnerability`.
    let typeLabel: String?
    /// Cloud's per-annotation result: `Passed`, `Failed`, `Ignored`, `Skipped`.
    let resultLabel: String?
    /// Whether the target branch's tip lacks this finding.
    let isNew: Bool
    /// The title of the report the annotation belongs to.
    let reportTitle: String
    /// The line the annotation names on the source commit, when the view shows it on another line (R7).
    let movedFrom: Int?
    /// `path:line`, for lists outside the diff.
    let location: String?
    /// Why it is shown where it is, for obsolete and hidden annotations and file-level lines.
    let note: String?
    /// Cloud's title.
    let title: String?
    /// The message.
    let message: String
    /// Cloud's longer details.
    let details: String?
    /// The link to the finding, only when it is an http(s) URL.
    let link: String?

    /// The view of a stored annotation.
    ///
    /// - Parameters:
    ///   - annotation: the annotation.
    ///   - reportTitle: its report's title.
    ///   - isNew: whether the finding is new in the pull request.
    ///   - movedFrom: the source line when the view shows it elsewhere.
    ///   - location: `path:line` for lists outside the diff.
    ///   - note: why it is shown where it is.
    init(
        _ annotation: Annotation, reportTitle: String, isNew: Bool = false, movedFrom: Int? = nil,
        location: String? = nil, note: String? = nil
    ) {
        let content = annotation.content
        id = annotation.uuid.uuidString.lowercased()
        severity = SeverityBadge(content.severity)
        typeLabel = content.type.map(Self.label(of:))
        resultLabel = content.result.map(Self.label(of:))
        self.isNew = isNew
        self.reportTitle = reportTitle
        self.movedFrom = movedFrom
        self.location = location
        self.note = note
        title = content.title
        message = content.message
        details = content.details
        link = content.link.flatMap { WebLink.isValid($0) ? $0 : nil }
    }

    /// The view of an annotation placed on a pull request, with its location and note taken from its position.
    ///
    /// - Parameters:
    ///   - placed: the placed annotation.
    ///   - reportTitles: report titles by key.
    init(placed: PlacedAnnotation, reportTitles: [InsightKey: String]) {
        let annotation = placed.annotation
        let title = reportTitles[annotation.reportKey] ?? annotation.reportKey.rawValue
        let location = Self.location(of: annotation.content)
        switch placed.position {
        case .inline(_, _, _, _, let movedFrom):
            self.init(annotation, reportTitle: title, isNew: placed.isNew, movedFrom: movedFrom)
        case .fileLevel(_, let reason):
            let line = annotation.content.line.flatMap { $0 > 0 ? $0 : nil }
            let note: String? =
                switch (reason, line) {
                case (.binaryFile, let line?): "Line \(line) of a binary file"
                case (.specialFormat, let line?): "Line \(line)"
                default: nil
                }
            self.init(annotation, reportTitle: title, isNew: placed.isNew, note: note)
        case .overview:
            self.init(annotation, reportTitle: title, isNew: placed.isNew)
        case .obsolete(_, let reason):
            self.init(
                annotation, reportTitle: title, isNew: placed.isNew, location: location,
                note: Self.note(for: reason))
        case .notShown(let reason):
            self.init(
                annotation, reportTitle: title, isNew: placed.isNew, location: location,
                note: Self.note(for: reason))
        }
    }

    /// `path:line`, `path`, or `nil` for a report-level annotation.
    static func location(of content: AnnotationContent) -> String? {
        guard let path = content.path else { return nil }
        guard let line = content.line, line > 0 else { return path }
        return "\(path):\(line)"
    }

    private static func label(of type: AnnotationType) -> String {
        switch type {
        case .bug: "Bug"
        case .codeSmell: "Code smell"
        case .vulnerability: "Vulnerability"
        }
    }

    private static func label(of result: AnnotationResult) -> String {
        switch result {
        case .passed: "Passed"
        case .failed: "Failed"
        case .ignored: "Ignored"
        case .skipped: "Skipped"
        }
    }

    private static func note(for reason: PlacedAnnotation.ObsoleteReason) -> String {
        switch reason {
        case .targetChanged: "The target branch changed this file; the line could not be traced into the merge."
        case .conflicted: "The file has merge conflicts; the line could not be traced into the merge."
        }
    }

    private static func note(for reason: PlacedAnnotation.NotShownReason) -> String {
        switch reason {
        case .unchangedLine: "The pull request does not change this line."
        case .fileNotInDiff: "The pull request does not change this file."
        case .deletedFile: "The pull request deletes this file."
        case .lineBeyondFile: "The line lies past the end of the merged file."
        }
    }
}

/// Answers Mustache's lookups directly instead of through `Mirror`, which took two thirds of the time to render a
/// 5,000-row diff with 1,000 annotations. `MustacheParentTests` checks that every stored property is answered.
extension AnnotationView: MustacheParent {
    /// The stored property named `name`, `nil` for an absent optional or an unknown name.
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "severity": severity
        case "typeLabel": typeLabel
        case "resultLabel": resultLabel
        case "isNew": isNew
        case "reportTitle": reportTitle
        case "movedFrom": movedFrom
        case "location": location
        case "note": note
        case "title": title
        case "message": message
        case "details": details
        case "link": link
        default: nil
        }
    }
}
