import Foundation
import InsightsCore
import InsightsReview
import Testing

@testable import InsightsWeb

/// Hand-made domain values for the web UI's tests (small helpers adapted from `PlacementSamples`).
enum WebSamples {
    /// 2026-03-19T12:00:00Z, the request time of every test.
    static let now = Date(timeIntervalSince1970: 1_773_921_600)

    static let source = commit("a")
    static let target = commit("b")
    static let base = commit("c")

    static let repository = valid { try RepositoryRef(projectKey: "PROJ", slug: "repo") }

    static let chrome = PageChrome(userName: "alice", csrfToken: "csrf-token-123")

    static func commit(_ digit: Character) -> CommitID {
        valid { try CommitID(String(repeating: digit, count: 40)) }
    }

    static func key(_ text: String) -> InsightKey {
        valid { try InsightKey(text) }
    }

    static func branch(_ text: String) -> BranchName {
        valid { try BranchName(text) }
    }

    /// The value of a fixture literal that is known to be valid.
    static func valid<Value>(_ make: () throws -> Value) -> Value {
        do {
            return try make()
        } catch {
            preconditionFailure("invalid test fixture: \(error)")
        }
    }

    static func report(
        _ key: String = "lint", title: String? = nil, commit: CommitID = source, content: ReportContent? = nil
    ) -> Report {
        Report(
            uuid: UUID(), repository: repository, commit: commit, key: self.key(key),
            content: content ?? ReportContent(title: title ?? key), creator: UserID(1),
            createdAt: now.addingTimeInterval(-3600), updatedAt: now.addingTimeInterval(-120))
    }

    static func annotation(
        _ path: String?, _ line: Int?, report: String = "lint", message: String = "finding",
        severity: AnnotationSeverity? = .medium, type: AnnotationType? = .codeSmell, link: String? = nil
    ) -> Annotation {
        Annotation(
            uuid: UUID(), reportKey: key(report),
            content: AnnotationContent(
                path: path, line: line, message: message, severity: severity, type: type, link: link),
            createdAt: now, updatedAt: now)
    }

    /// A file diff from hunk text (`@@ … @@` lines and bodies).
    static func file(
        _ path: String, _ hunks: String = "", status: FileDiff.Status = .modified, oldPath: String? = nil,
        isBinary: Bool = false
    ) -> FileDiff {
        let parsed = UnifiedDiffParser.parse("diff --git a/\(path) b/\(path)\n--- a/\(path)\n+++ b/\(path)\n" + hunks)
        return FileDiff(
            oldPath: status == .added ? nil : oldPath ?? path, newPath: status == .deleted ? nil : path,
            status: status, isBinary: isBinary, hunks: parsed.first?.hunks ?? [])
    }

    /// Old lines 8–12 become new lines 8–13: old 10 is replaced by new 10 and 11.
    static let replacement = """
        @@ -8,5 +8,6 @@ func f()
         eight
         nine
        -ten
        +TEN
        +ten and a half
         eleven
         twelve

        """

    /// A hunk that adds `count` lines to an empty file.
    static func addedLines(_ count: Int) -> String {
        "@@ -0,0 +1,\(count) @@\n" + (1...count).map { "+line \($0)\n" }.joined()
    }

    static func diff(
        _ files: [FileDiff], targetChanged: Set<String> = [], conflicted: Set<String> = [],
        relocations: [String: LineMap] = [:]
    ) -> EffectiveDiff {
        EffectiveDiff(
            sourceCommit: source, targetCommit: target, mergeBase: base, files: files, conflictedPaths: conflicted,
            targetChangedPaths: targetChanged, relocations: relocations)
    }

    static func pullRequest(
        title: String = "Add the feature", description: String? = nil, state: PullRequestState = .open,
        source: String = "feature", target: String = "main", authorName: String = "bob"
    ) -> PullRequest {
        PullRequest(
            id: 7, version: 0, repository: repository, title: title, description: description, state: state,
            source: branch(source), target: branch(target), sourceCommit: self.source, targetCommit: self.target,
            author: UserID(2), authorName: authorName, createdAt: now.addingTimeInterval(-2 * 86_400),
            updatedAt: now.addingTimeInterval(-3600), closedAt: state == .open ? nil : now.addingTimeInterval(-60))
    }

    /// Places annotations on a diff as the server does.
    static func place(_ diff: EffectiveDiff, reports: [Report], annotations: [Annotation]) -> PlacedInsights {
        Placement.place(PlacementInput(sourceCommit: source, diff: diff, reports: reports, annotations: annotations))
    }

    /// The pull request page of placed insights, rendered.
    static func render(
        _ insights: PlacedInsights, pullRequest: PullRequest = pullRequest(), verdict: MergeVerdict = MergeVerdict(),
        collapseThreshold: Int = PullRequestPage.defaultCollapseThreshold
    ) async throws -> String {
        let page = PullRequestPage(
            pullRequest: pullRequest, insights: insights, verdict: verdict, now: now, chrome: chrome,
            collapseThreshold: collapseThreshold)
        return try PageRenderer().render(page)
    }
}
