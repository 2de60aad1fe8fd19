import Foundation
import InsightsCore
import Testing

@testable import InsightsReview

/// Hand-made values for placement tests.
enum PlacementSamples {
    static let source = commit("a")
    static let target = commit("b")
    static let other = commit("c")

    static let repository = valid { try RepositoryRef(projectKey: "PROJ", slug: "repo") }

    static func commit(_ digit: Character) -> CommitID {
        valid { try CommitID(String(repeating: digit, count: 40)) }
    }

    static func key(_ text: String) -> InsightKey {
        valid { try InsightKey(text) }
    }

    /// The value of a fixture literal that is known to be valid.
    static func valid<Value>(_ make: () throws -> Value) -> Value {
        do {
            return try make()
        } catch {
            preconditionFailure("invalid test fixture: \(error)")
        }
    }

    static func report(_ key: String = "lint", commit: CommitID = source) -> Report {
        Report(
            uuid: UUID(), repository: repository, commit: commit, key: self.key(key),
            content: ReportContent(title: key), creator: UserID(1), createdAt: Date(timeIntervalSince1970: 0),
            updatedAt: Date(timeIntervalSince1970: 0))
    }

    static func annotation(
        _ path: String?, _ line: Int?, report: String = "lint", id: String? = nil, message: String = "finding",
        title: String? = nil, severity: AnnotationSeverity? = .medium, type: AnnotationType? = .codeSmell
    ) -> Annotation {
        Annotation(
            uuid: UUID(), reportKey: key(report),
            content: AnnotationContent(
                externalID: id, path: path, line: line, message: message, title: title, severity: severity,
                type: type),
            createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
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

    /// Old lines 8–12 become new lines 8–13: old 10 is replaced by new 10 and 11 (hunk 0, rows 3 and 4).
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

    static func diff(
        _ files: [FileDiff], targetChanged: Set<String> = [], conflicted: Set<String> = [],
        relocations: [String: LineMap] = [:]
    ) -> EffectiveDiff {
        EffectiveDiff(
            sourceCommit: source, targetCommit: target, mergeBase: other, files: files, conflictedPaths: conflicted,
            targetChangedPaths: targetChanged, relocations: relocations)
    }

    /// Where one annotation lands on a diff.
    static func position(_ annotation: Annotation, on diff: EffectiveDiff) -> PlacedAnnotation.Position {
        Placement.position(for: annotation.content, in: DiffIndex(diff))
    }

    /// The indexed file of a one-file diff.
    static func indexed(_ diff: EffectiveDiff, _ path: String) throws -> DiffIndex.IndexedFile {
        try #require(DiffIndex(diff).file(at: path))
    }
}
