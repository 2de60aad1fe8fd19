import Foundation
import InsightsCore
import InsightsGit
import Testing

@testable import InsightsReview

/// ``EffectiveDiffBuilder`` on throw-away repositories, and its pure helpers.
@Suite struct EffectiveDiffBuilderTests {
    typealias S = PlacementSamples

    /// A repository where `main` and `feature` fork from `base`.
    struct Fork {
        var repo: ScratchRepository
        var base: CommitID
        var main: CommitID
        var feature: CommitID

        /// Builds the fork: `setUp` writes the base, `onMain` and `onFeature` change it.
        static func make(
            base setUp: (ScratchRepository) throws -> Void, main onMain: (ScratchRepository) throws -> Void,
            feature onFeature: (ScratchRepository) throws -> Void
        ) throws -> Fork {
            let repo = try ScratchRepository()
            try setUp(repo)
            let base = try CommitID(try repo.commitAll("base"))
            try onMain(repo)
            let main = try CommitID(try repo.commitAll("main", allowingEmpty: true))
            try repo.git("checkout", "-q", "-b", "feature", base.rawValue)
            try onFeature(repo)
            let feature = try CommitID(try repo.commitAll("feature", allowingEmpty: true))
            try repo.git("checkout", "-q", "main")
            return Fork(repo: repo, base: base, main: main, feature: feature)
        }

        func build() async throws -> EffectiveDiff {
            try await EffectiveDiffBuilder(git: GitClient(directory: repo.root)).build(source: feature, target: main)
        }
    }

    @Test func buildsAFastForwardWithoutTargetChanges() async throws {
        let fork = try Fork.make(
            base: { try $0.write("a.txt", ScratchRepository.lines(10)) }, main: { _ in },
            feature: { try $0.write("a.txt", ScratchRepository.lines(11)) })
        defer { fork.repo.remove() }
        let diff = try await fork.build()
        #expect(diff.mergeBase == fork.base)
        #expect(diff.targetChangedPaths.isEmpty)
        #expect(diff.conflictedPaths.isEmpty)
        #expect(diff.relocations.isEmpty)
        #expect(diff.files.map(\.path) == ["a.txt"])
        #expect(diff.files.first?.addedLines == [11])
    }

    @Test func listsTargetChangesWithoutTracingFilesOnlyOneSideChanged() async throws {
        let fork = try Fork.make(
            base: {
                try $0.write("a.txt", ScratchRepository.lines(10))
                try $0.write("b.txt", ScratchRepository.lines(10))
            },
            main: { try $0.write("b.txt", ScratchRepository.lines(12)) },
            feature: { try $0.write("a.txt", "top\n" + ScratchRepository.lines(10)) })
        defer { fork.repo.remove() }
        let diff = try await fork.build()
        #expect(diff.targetChangedPaths == ["b.txt"])
        #expect(diff.files.map(\.path) == ["a.txt"])
        #expect(diff.relocations.isEmpty)
    }

    @Test func tracesFilesBothSidesChanged() async throws {
        let fork = try Fork.make(
            base: { try $0.write("a.txt", ScratchRepository.lines(40)) },
            main: { repo in
                var lines = ScratchRepository.lines(40).split(separator: "\n").map(String.init)
                lines.insert(contentsOf: ["main 1", "main 2", "main 3"], at: 0)
                lines[3 + 29] = "line 30 on main"
                try repo.write("a.txt", lines.joined(separator: "\n") + "\n")
            },
            feature: { repo in
                var lines = ScratchRepository.lines(40).split(separator: "\n").map(String.init)
                lines[19] = "line 20 on feature"
                try repo.write("a.txt", lines.joined(separator: "\n") + "\n")
            })
        defer { fork.repo.remove() }
        let diff = try await fork.build()
        #expect(diff.targetChangedPaths == ["a.txt"])
        #expect(diff.files.first?.addedLines == [23])
        let lines = try #require(diff.relocations["a.txt"])
        #expect(lines.newLine(forOldLine: 20) == 23)
        #expect(lines.newLine(forOldLine: 30) == nil)
        #expect(lines.newLine(forOldLine: 31) == 34)
        let placed = Placement.place(
            PlacementInput(
                sourceCommit: fork.feature, diff: diff, reports: [S.report(commit: fork.feature)],
                annotations: [S.annotation("a.txt", 20), S.annotation("a.txt", 30)]))
        #expect(
            placed.files.first?.inline.map(\.position) == [
                .inline(path: "a.txt", line: 23, hunk: 0, row: 4, movedFrom: 20)
            ])
        #expect(placed.obsolete.map(\.position) == [.obsolete(path: "a.txt", reason: .targetChanged)])
    }

    @Test func givesUpOnLinesTheTargetChangedInAConflictedFile() async throws {
        let fork = try Fork.make(
            base: { try $0.write("c.txt", ScratchRepository.lines(30)) },
            main: { repo in
                var lines = ScratchRepository.lines(30).split(separator: "\n").map(String.init)
                lines[1] = "line 2 on main"
                lines[24] = "line 25 on main"
                try repo.write("c.txt", lines.joined(separator: "\n") + "\n")
            },
            feature: { repo in
                var lines = ScratchRepository.lines(30).split(separator: "\n").map(String.init)
                lines[1] = "line 2 on feature"
                lines[14] = "line 15 on feature"
                try repo.write("c.txt", lines.joined(separator: "\n") + "\n")
            })
        defer { fork.repo.remove() }
        let diff = try await fork.build()
        #expect(diff.conflictedPaths == ["c.txt"])
        let placed = Placement.place(
            PlacementInput(
                sourceCommit: fork.feature, diff: diff, reports: [S.report(commit: fork.feature)],
                annotations: [S.annotation("c.txt", 15), S.annotation("c.txt", 25), S.annotation("c.txt", 0)]))
        let file = try #require(placed.files.first)
        #expect(file.isConflicted && file.isChangedOnTarget)
        // Three lines of conflict markers and main's line 2 come before feature's line 15.
        #expect(file.inline.map(\.position) == [.inline(path: "c.txt", line: 19, hunk: 1, row: 4, movedFrom: 15)])
        #expect(file.fileLevel.map(\.position) == [.fileLevel(path: "c.txt", reason: .lineZero)])
        #expect(placed.obsolete.map(\.position) == [.obsolete(path: "c.txt", reason: .conflicted)])
    }

    @Test func tracesAFileRenamedOnTheSourceAndChangedOnTheTarget() async throws {
        let fork = try Fork.make(
            base: { try $0.write("old.txt", ScratchRepository.lines(30, prefix: "stable")) },
            main: { repo in
                try repo.write("old.txt", "main top\n" + ScratchRepository.lines(30, prefix: "stable"))
            },
            feature: { repo in
                try repo.git("mv", "old.txt", "new.txt")
                try repo.write("new.txt", ScratchRepository.lines(30, prefix: "stable") + "feature end\n")
            })
        defer { fork.repo.remove() }
        let diff = try await fork.build()
        let file = try #require(diff.files.first)
        #expect(file.status == .renamed)
        #expect(file.oldPath == "old.txt")
        #expect(file.newPath == "new.txt")
        #expect(file.addedLines == [32])
        #expect(diff.targetChangedPaths == ["old.txt"])
        let lines = try #require(diff.relocations["new.txt"])
        #expect(lines.newLine(forOldLine: 31) == 32)
        #expect(lines.newLine(forOldLine: 1) == 2)
    }

    @Test func failsForAnUnknownCommit() async throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.write("a.txt", "a\n")
        let head = try CommitID(try repo.commitAll("only"))
        let missing = try CommitID(String(repeating: "d", count: 40))
        await #expect(throws: GitError.self) {
            try await EffectiveDiffBuilder(git: GitClient(directory: repo.root)).build(source: missing, target: head)
        }
    }

    @Test func mergesUnrelatedHistoriesFromAnEmptyTree() async throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.write("a.txt", "a\n")
        try repo.write("same.txt", "same\n")
        let main = try CommitID(try repo.commitAll("main"))
        try repo.git("checkout", "-q", "--orphan", "other")
        try repo.git("rm", "-q", "-r", "-f", ".")
        try repo.write("a.txt", "other a\n")
        try repo.write("b.txt", "b\n")
        let other = try CommitID(try repo.commitAll("other"))
        let diff = try await EffectiveDiffBuilder(git: GitClient(directory: repo.root)).build(
            source: other, target: main)
        #expect(diff.mergeBase == nil)
        #expect(diff.targetChangedPaths.isEmpty)
        #expect(diff.conflictedPaths == ["a.txt"])
        #expect(diff.files.first { $0.path == "b.txt" }?.status == .added)
        #expect(diff.files.first { $0.path == "same.txt" } == nil)
    }

    @Test func tracesEveryNameOfFilesWithANameTheTargetChanged() {
        let files = [
            S.file("new.txt", status: .renamed, oldPath: "old.txt"), S.file("a.txt"), S.file("b.txt"),
            S.file("gone.txt", status: .deleted),
        ]
        #expect(
            EffectiveDiffBuilder.sharedPaths(files, targetChanged: ["old.txt", "b.txt", "gone.txt", "elsewhere"])
                == ["old.txt", "new.txt", "b.txt", "gone.txt"])
        #expect(EffectiveDiffBuilder.sharedPaths(files, targetChanged: []).isEmpty)
    }

    @Test func keysLineMapsBySourcePathAndFillsIdenticalFilesWithIdentity() {
        let sourceToMerge = [
            S.file("a.txt", "@@ -0,0 +1 @@\n+top\n"),
            S.file("moved.txt", status: .renamed, oldPath: "source name.txt"),
            S.file("added.txt", "@@ -0,0 +1 @@\n+x\n", status: .added),
        ]
        let effective = [S.file("a.txt"), S.file("same.txt"), S.file("source name.txt"), S.file("other.txt")]
        let maps = EffectiveDiffBuilder.relocations(
            sourceToMerge, shared: ["a.txt", "same.txt", "source name.txt", "moved.txt", "added.txt"],
            effective: effective)
        #expect(Set(maps.keys) == ["a.txt", "source name.txt", "same.txt"])
        #expect(maps["a.txt"]?.newLine(forOldLine: 1) == 2)
        #expect(maps["same.txt"] == .identity)
    }
}
