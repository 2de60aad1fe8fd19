import Foundation
import InsightsCore
import InsightsGit
import Testing

@testable import InsightsReview

/// Every placement rule on real git: the shared pull-request fixture (`Tests/Fixtures/pull-request-repo.sh`, whose
/// header documents each case), its effective diff built by ``EffectiveDiffBuilder`` and hand-made annotations.
@Suite struct FixturePlacementTests {
    typealias S = PlacementSamples

    /// The fixture repository with its effective diff.
    struct Fixture {
        var root: URL
        var base: CommitID
        var main: CommitID
        var feature: CommitID
        var diff: EffectiveDiff

        static func make() async throws -> Fixture {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent(
                "insights-review-fixture-\(UUID().uuidString)")
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/pull-request-repo.sh")
            let output = try run(["bash", script.path, root.path])
            var ids: [String: CommitID] = [:]
            for line in output.split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { ids[String(parts[0])] = try CommitID(String(parts[1])) }
            }
            let base = try #require(ids["base"])
            let main = try #require(ids["main"])
            let feature = try #require(ids["feature"])
            let diff = try await EffectiveDiffBuilder(git: GitClient(directory: root)).build(
                source: feature, target: main)
            return Fixture(root: root, base: base, main: main, feature: feature, diff: diff)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        /// Places annotations of one report on the feature commit and returns them with their positions.
        func place(_ annotations: [Annotation], target: [Annotation] = []) -> PlacedInsights {
            Placement.place(
                PlacementInput(
                    sourceCommit: feature, diff: diff, reports: [Self.report(feature), Self.report(main)],
                    annotations: annotations, targetAnnotations: target))
        }

        /// Where one annotation on the feature commit lands.
        func position(_ path: String?, _ line: Int?) -> PlacedAnnotation.Position? {
            let placed = place([S.annotation(path, line)])
            let all =
                placed.files.flatMap { $0.fileLevel + $0.inline } + placed.overview + placed.obsolete + placed.notShown
            return all.first?.position
        }

        static func report(_ commit: CommitID) -> Report {
            S.report("lint", commit: commit)
        }

        private static func run(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "the fixture script failed")
            return String(decoding: data, as: UTF8.self)
        }
    }

    @Test func buildsTheEffectiveDiffOfTheFixture() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.remove() }
        let diff = fixture.diff
        #expect(diff.sourceCommit == fixture.feature)
        #expect(diff.targetCommit == fixture.main)
        #expect(diff.mergeBase == fixture.base)
        #expect(diff.conflictedPaths == ["src/conflict.swift"])
        #expect(diff.targetChangedPaths == ["src/shared.swift", "src/conflict.swift"])
        let byPath = Dictionary(uniqueKeysWithValues: diff.files.map { ($0.path, $0) })
        #expect(
            Set(byPath.keys) == [
                "src/app.swift", "src/shared.swift", "docs/new-name.md", "src/removed.swift", "assets/logo.png",
                "assets/icon.svg", "src/conflict.swift", "src/big.swift", "src/naïve file.swift",
            ])
        #expect(byPath["src/app.swift"]?.addedLines == [5, 10, 11])
        #expect(
            byPath["src/app.swift"]?.hunks.map { [$0.oldStart, $0.oldCount, $0.newStart, $0.newCount] } == [
                [2, 11, 2, 12]
            ])
        #expect(byPath["src/shared.swift"]?.addedLines == [25, 43, 56, 57])
        #expect(
            byPath["src/shared.swift"]?.hunks.map { [$0.oldStart, $0.oldCount, $0.newStart, $0.newCount] } == [
                [22, 7, 22, 7], [40, 7, 40, 7], [53, 6, 53, 8],
            ])
        #expect(byPath["docs/new-name.md"]?.status == .renamed)
        #expect(byPath["docs/new-name.md"]?.oldPath == "docs/old-name.md")
        #expect(byPath["docs/new-name.md"]?.addedLines == [6])
        #expect(byPath["src/removed.swift"]?.status == .deleted)
        #expect(byPath["assets/logo.png"]?.isBinary == true)
        #expect(byPath["assets/icon.svg"]?.addedLines == [2, 3])
        #expect(byPath["src/conflict.swift"]?.addedLines == [2, 4, 5, 6])
        #expect(byPath["src/big.swift"]?.addedLines == [10, 1234, 2500, 3777, 4990])
        #expect(byPath["src/naïve file.swift"]?.addedLines == [2, 4])
        #expect(Set(diff.relocations.keys) == ["src/shared.swift", "src/conflict.swift"])
        let shared = try #require(diff.relocations["src/shared.swift"])
        let expected: [Int: Int?] = [1: 1, 2: 2, 3: 8, 10: 15, 20: 25, 38: 43, 39: 44, 40: nil, 41: 46, 51: 56, 62: 67]
        for (feature, merged) in expected {
            #expect(shared.newLine(forOldLine: feature) == merged, "feature line \(feature)")
        }
        #expect(diff.relocations["src/conflict.swift"]?.newLine(forOldLine: 2) == 5)
    }

    @Test func placesAnnotationsOnEveryCaseOfTheFixture() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.remove() }
        // 1. Changed only on the source: changed lines inline, others hidden, line 0 at file level.
        for line in [5, 10, 11] {
            #expect(fixture.position("src/app.swift", line).flatMap(Self.inlineLine) == line)
        }
        #expect(fixture.position("./src/app.swift", 4) == .notShown(reason: .unchangedLine))
        #expect(fixture.position("src/app.swift", 0) == .fileLevel(path: "src/app.swift", reason: .lineZero))
        // 2. Changed on both sides: traced lines move, the line main rewrote is obsolete.
        for (feature, merged) in [(20, 25), (38, 43), (51, 56), (52, 57)] {
            let position = fixture.position("src/shared.swift", feature)
            #expect(position.flatMap(Self.inlineLine) == merged, "feature line \(feature)")
            #expect(position.flatMap(Self.movedFrom) == feature)
        }
        #expect(fixture.position("src/shared.swift", 10) == .notShown(reason: .unchangedLine))
        #expect(fixture.position("src/shared.swift", 40) == .obsolete(path: "src/shared.swift", reason: .targetChanged))
        #expect(fixture.position("src/shared.swift", nil) == .fileLevel(path: "src/shared.swift", reason: .lineZero))
        // 3. Renamed: placed by the new path; the old path is not in the diff.
        #expect(fixture.position("docs/new-name.md", 6).flatMap(Self.inlineLine) == 6)
        #expect(fixture.position("docs/new-name.md", 5) == .notShown(reason: .unchangedLine))
        #expect(fixture.position("docs/new-name.md", 0) == .fileLevel(path: "docs/new-name.md", reason: .lineZero))
        #expect(fixture.position("docs/old-name.md", 6) == .notShown(reason: .fileNotInDiff))
        // 4. Deleted.
        #expect(fixture.position("src/removed.swift", 1) == .notShown(reason: .deletedFile))
        #expect(fixture.position("src/removed.swift", 0) == .notShown(reason: .deletedFile))
        // 5. Binary: everything at file level.
        for line in [nil, 0, 1, 7] {
            #expect(
                fixture.position("assets/logo.png", line) == .fileLevel(path: "assets/logo.png", reason: .binaryFile))
        }
        // 6. SVG is text: changed lines inline.
        #expect(fixture.position("assets/icon.svg", 3).flatMap(Self.inlineLine) == 3)
        #expect(fixture.position("assets/icon.svg", 2).flatMap(Self.inlineLine) == 2)
        #expect(fixture.position("assets/icon.svg", 1) == .notShown(reason: .unchangedLine))
        // 7. Conflict: feature's line 2 sits on merged line 5, inside the conflict markers.
        #expect(
            fixture.position("src/conflict.swift", 2)
                == .inline(path: "src/conflict.swift", line: 5, hunk: 0, row: 4, movedFrom: 2))
        #expect(fixture.position("src/conflict.swift", 3) == .notShown(reason: .unchangedLine))
        #expect(fixture.position("src/conflict.swift", 0) == .fileLevel(path: "src/conflict.swift", reason: .lineZero))
        // 8. 5,000 lines.
        for line in [10, 1234, 2500, 3777, 4990] {
            #expect(fixture.position("src/big.swift", line).flatMap(Self.inlineLine) == line)
        }
        #expect(fixture.position("src/big.swift", 11) == .notShown(reason: .unchangedLine))
        #expect(fixture.position("src/big.swift", 7000) == .notShown(reason: .unchangedLine))
        // 9. Untouched.
        #expect(fixture.position("src/untouched.swift", 3) == .notShown(reason: .fileNotInDiff))
        #expect(fixture.position("src/untouched.swift", 0) == .notShown(reason: .fileNotInDiff))
        // 10. A space and non-ASCII.
        #expect(fixture.position("src/naïve file.swift", 4).flatMap(Self.inlineLine) == 4)
        #expect(fixture.position("src/naïve file.swift", 2).flatMap(Self.inlineLine) == 2)
        #expect(fixture.position("src/naïve file.swift", 3) == .notShown(reason: .unchangedLine))
        // R5.
        #expect(fixture.position(nil, nil) == .overview)
    }

    @Test func addressesTheAddedRowOfEveryInlineAnnotation() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.remove() }
        let annotations: [Annotation] = fixture.diff.files.flatMap { file -> [Annotation] in
            (1...70).map { line in S.annotation(file.path, line) }
        }
        let placed = fixture.place(annotations)
        #expect(placed.files.reduce(0) { $0 + $1.inline.count } == 14)
        for file in placed.files {
            for annotation in file.inline {
                guard case .inline(let path, let line, let hunk, let row, _) = annotation.position else {
                    Issue.record("not inline: \(annotation.position)")
                    continue
                }
                #expect(path == file.diff.path)
                let diffRow = file.diff.hunks[hunk].rows[row]
                #expect(diffRow.kind == .added)
                #expect(diffRow.newLine == line)
            }
            #expect(file.inline.map(Self.line) == file.inline.map(Self.line).sorted())
        }
    }

    @Test func summarisesTheFixtureWithNewAndExistingFindings() async throws {
        let fixture = try await Fixture.make()
        defer { fixture.remove() }
        let annotations = [
            S.annotation("src/shared.swift", 40, id: "old", severity: .high),
            S.annotation("src/app.swift", 5, id: "fresh", severity: .high),
            S.annotation("src/big.swift", 10, message: "same text", severity: .low),
            S.annotation(nil, nil, severity: nil),
        ]
        let target = [
            S.annotation("src/shared.swift", 45, id: "old"), S.annotation("src/big.swift", 99, message: "same text"),
        ]
        let placed = fixture.place(annotations, target: target)
        #expect(placed.reports.map(\.commit) == [fixture.feature])
        #expect(placed.files.map(\.diff) == fixture.diff.files)
        #expect(placed.files.filter(\.isConflicted).map(\.diff.path) == ["src/conflict.swift"])
        #expect(
            placed.summary == [
                ReportSummary(
                    reportKey: S.key("lint"),
                    counts: [
                        SeverityCount(severity: .high, total: 2, new: 1),
                        SeverityCount(severity: .low, total: 1, new: 0),
                        SeverityCount(severity: nil, total: 1, new: 1),
                    ], total: 4, new: 2)
            ])
    }

    private static func inlineLine(_ position: PlacedAnnotation.Position) -> Int? {
        if case .inline(_, let line, _, _, _) = position { return line }
        return nil
    }

    private static func line(_ annotation: PlacedAnnotation) -> Int {
        inlineLine(annotation.position) ?? 0
    }

    private static func movedFrom(_ position: PlacedAnnotation.Position) -> Int? {
        if case .inline(_, _, _, _, let movedFrom) = position { return movedFrom }
        return nil
    }
}
