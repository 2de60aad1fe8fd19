import Foundation
import InsightsCore
import InsightsReview
import InsightsWire

/// The body of `GET /rest/insights/latest/projects/{p}/repos/{r}/pull-requests/{id}/insights` (a project
/// extension, documented in docs/display-rules.md): the reports of the source commit and every annotation with
/// where the pull request shows it.
struct PullRequestInsightsBody: Encodable, Sendable {
    /// An annotation with its placement.
    struct PlacedAnnotationBody: Encodable, Sendable {
        var uuid: String
        var reportKey: String
        var externalId: String?
        var path: String?
        var line: Int?
        var message: String
        var title: String?
        var details: String?
        var severity: String?
        var type: String?
        var result: String?
        var link: String?
        /// `LINE`, `FILE`, `OVERVIEW`, `OBSOLETE` or `NOT_SHOWN`.
        var placement: String
        /// Why a `FILE`, `OBSOLETE` or `NOT_SHOWN` annotation is where it is.
        var reason: String?
        /// For `LINE`: the line of the effective diff's new side it is shown under.
        var diffLine: Int?
        /// For `LINE`: the hunk of its file and the row in that hunk.
        var hunk: Int?
        var row: Int?
        /// For `LINE`: always `TO` (the new side).
        var side: String?
        /// For `LINE`: the annotated line of the source commit when the target branch moved it.
        var movedFrom: Int?
        /// Whether the target branch's tip does not report the same finding.
        var isNew: Bool

        init(_ placed: PlacedAnnotation) {
            let annotation = placed.annotation
            let content = annotation.content
            uuid = annotation.uuid.uuidString.lowercased()
            reportKey = annotation.reportKey.rawValue
            externalId = content.externalID
            path = content.path
            line = content.line
            message = content.message
            title = content.title
            details = content.details
            severity = content.severity?.rawValue
            type = content.type?.rawValue
            result = content.result?.rawValue
            link = content.link
            isNew = placed.isNew
            switch placed.position {
            case .inline(_, let line, let hunk, let row, let movedFrom):
                placement = "LINE"
                diffLine = line
                self.hunk = hunk
                self.row = row
                side = "TO"
                self.movedFrom = movedFrom
            case .fileLevel(_, let reason):
                placement = "FILE"
                self.reason = Self.name(of: reason)
            case .overview:
                placement = "OVERVIEW"
            case .obsolete(_, let reason):
                placement = "OBSOLETE"
                self.reason = reason == .conflicted ? "CONFLICTED" : "TARGET_CHANGED"
            case .notShown(let reason):
                placement = "NOT_SHOWN"
                self.reason = Self.name(of: reason)
            }
        }

        private static func name(of reason: PlacedAnnotation.FileLevelReason) -> String {
            switch reason {
            case .lineZero: "NO_LINE"
            case .binaryFile: "BINARY_FILE"
            case .specialFormat: "SPECIAL_FORMAT"
            }
        }

        private static func name(of reason: PlacedAnnotation.NotShownReason) -> String {
            switch reason {
            case .unchangedLine: "UNCHANGED_LINE"
            case .fileNotInDiff: "FILE_NOT_IN_DIFF"
            case .deletedFile: "DELETED_FILE"
            case .lineBeyondFile: "LINE_BEYOND_FILE"
            }
        }
    }

    /// One row of a hunk.
    struct RowBody: Encodable, Sendable {
        /// `CONTEXT`, `ADDED` or `REMOVED`.
        var type: String
        var source: Int?
        var destination: Int?
        var text: String
    }

    /// One hunk of a file's diff.
    struct HunkBody: Encodable, Sendable {
        var sourceLine: Int
        var sourceSpan: Int
        var destinationLine: Int
        var destinationSpan: Int
        var context: String
        var rows: [RowBody]
    }

    /// A file of the effective diff with its annotations.
    struct FileBody: Encodable, Sendable {
        var path: String
        var srcPath: String?
        /// `ADDED`, `MODIFIED`, `DELETED`, `RENAMED` or `COPIED`.
        var status: String
        var binary: Bool
        var conflicted: Bool
        /// Whether the target branch also changed the file since the merge base (R7).
        var changedOnTarget: Bool
        var fileAnnotations: [PlacedAnnotationBody]
        var lineAnnotations: [PlacedAnnotationBody]
        /// The diff itself, only with `?diff=true`.
        var hunks: [HunkBody]?
    }

    /// Counts of one severity.
    struct SeverityBody: Encodable, Sendable {
        /// The severity, or `null` for annotations without one.
        var severity: String?
        var total: Int
        var new: Int
    }

    /// Counts of one report.
    struct SummaryBody: Encodable, Sendable {
        var reportKey: String
        var total: Int
        var new: Int
        var severities: [SeverityBody]
    }

    var pullRequestId: Int
    var sourceCommit: String
    var targetCommit: String
    var mergeBase: String?
    var conflicted: Bool
    /// The reports of the source commit, in Data Center's shape (R1).
    var reports: [DataCenterReport]
    var summary: [SummaryBody]
    var files: [FileBody]
    var overview: [PlacedAnnotationBody]
    var obsolete: [PlacedAnnotationBody]
    var notShown: [PlacedAnnotationBody]

    /// Renders a pull request's view.
    ///
    /// - Parameters:
    ///   - pullRequest: the pull request.
    ///   - diff: its effective diff.
    ///   - insights: the placed insights.
    ///   - includeDiff: whether each file carries its hunks.
    init(pullRequest: PullRequest, diff: EffectiveDiff, insights: PlacedInsights, includeDiff: Bool) {
        pullRequestId = pullRequest.id
        sourceCommit = diff.sourceCommit.rawValue
        targetCommit = diff.targetCommit.rawValue
        mergeBase = diff.mergeBase?.rawValue
        conflicted = !diff.conflictedPaths.isEmpty
        reports = insights.reports.map(DataCenterReport.init)
        summary = insights.summary.map { report in
            SummaryBody(
                reportKey: report.reportKey.rawValue, total: report.total, new: report.new,
                severities: report.counts.map {
                    SeverityBody(severity: $0.severity?.rawValue, total: $0.total, new: $0.new)
                })
        }
        files = insights.files.map { file in
            FileBody(
                path: file.diff.path,
                srcPath: file.diff.status == .renamed || file.diff.status == .copied
                    ? file.diff.oldPath : nil,
                status: file.diff.status.rawValue, binary: file.diff.isBinary, conflicted: file.isConflicted,
                changedOnTarget: file.isChangedOnTarget, fileAnnotations: file.fileLevel.map(PlacedAnnotationBody.init),
                lineAnnotations: file.inline.map(PlacedAnnotationBody.init),
                hunks: includeDiff ? file.diff.hunks.map(Self.hunk) : nil)
        }
        overview = insights.overview.map(PlacedAnnotationBody.init)
        obsolete = insights.obsolete.map(PlacedAnnotationBody.init)
        notShown = insights.notShown.map(PlacedAnnotationBody.init)
    }

    private static func hunk(_ hunk: DiffHunk) -> HunkBody {
        HunkBody(
            sourceLine: hunk.oldStart, sourceSpan: hunk.oldCount, destinationLine: hunk.newStart,
            destinationSpan: hunk.newCount, context: hunk.section,
            rows: hunk.rows.map { row in
                let type =
                    switch row.kind {
                    case .context: "CONTEXT"
                    case .added: "ADDED"
                    case .removed: "REMOVED"
                    }
                return RowBody(type: type, source: row.oldLine, destination: row.newLine, text: row.text)
            })
    }
}
