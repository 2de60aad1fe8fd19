import Foundation
import InsightsCore
import Testing

@testable import InsightsConverters

/// Paths from another machine mapped onto the tracked files, and findings outside the repository left out.
@Suite struct PathMapperTests {
    static let root = URL(fileURLWithPath: "/home/me/checkout", isDirectory: true)
    static let tracked: Set<String> = ["src/a.py", "a.py", "lib/util/a.py", "include/app.h", "README.md"]
    static let mapper = PathMapper(repositoryRoot: root, trackedFiles: tracked)

    @Test(arguments: [
        ("/builds/org/repo/src/a.py", "src/a.py"),
        ("/builds/org/repo/lib/util/a.py", "lib/util/a.py"),
        ("/builds/org/repo/a.py", "a.py"),
        ("/home/me/checkout/include/app.h", "include/app.h"),
        ("/workspace/include/app.h", "include/app.h"),
    ])
    func mapsAbsolutePathsOntoTheLongestTrackedSuffix(path: String, expected: String) {
        let mapping = Self.mapper.map(path)
        #expect(mapping.path == expected)
        #expect(mapping.isMapped)
        #expect(!mapping.isUnmatched && !mapping.isOutside)
    }

    @Test func leavesTrackedRelativePathsAndOtherSchemesAlone() {
        #expect(
            Self.mapper.map("src/a.py")
                == .init(path: "src/a.py", isMapped: false, isUnmatched: false, isOutside: false))
        let link = "https://example.com/src/a.py"
        #expect(Self.mapper.map(link) == .init(path: link, isMapped: false, isUnmatched: false, isOutside: false))
    }

    @Test func anUnmatchedRelativePathIsCountedButNotOutside() {
        let mapping = Self.mapper.map("src/generated.py")
        #expect(mapping.isUnmatched)
        #expect(!mapping.isOutside)
        #expect(mapping.path == "src/generated.py")
    }

    @Test(arguments: ["/usr/include/stdio.h", "/builds/org/repo/src/b.py", "/builds/org/repo/xa.py"])
    func anAbsolutePathNamingNoTrackedFileIsOutside(path: String) {
        let mapping = Self.mapper.map(path)
        #expect(mapping.path == path)
        #expect(mapping.isUnmatched && mapping.isOutside)
        #expect(!mapping.isMapped)
    }

    @Test func stripPrefixAndPathPrefixOverrideMatching() {
        let mapper = PathMapper(
            repositoryRoot: Self.root, trackedFiles: ["backend/src/a.py"], stripPrefixes: ["file:///builds/org/repo/"],
            pathPrefix: "./backend/")
        #expect(mapper.map("/builds/org/repo/src/a.py").path == "backend/src/a.py")
        #expect(mapper.map("src/a.py").path == "backend/src/a.py")
        // A prefix is removed at a `/` boundary only.
        #expect(mapper.map("/builds/org/repository/src/a.py").isOutside)
        #expect(mapper.map("/usr/include/stdio.h").isOutside)
    }

    @Test func withoutTrackedFilesOnlyTheOverridesApply() {
        let mapper = PathMapper(repositoryRoot: nil, trackedFiles: nil, stripPrefixes: ["/builds/org/repo"])
        #expect(mapper.map("/builds/org/repo/src/a.py").path == "src/a.py")
        let other = mapper.map("/usr/include/stdio.h")
        #expect(other == .init(path: "/usr/include/stdio.h", isMapped: false, isUnmatched: false, isOutside: false))
    }

    @Test func applyLeavesOutsideFindingsOutAndCountsThem() {
        let annotations = [
            AnnotationContent(path: "/builds/org/repo/src/a.py", line: 1, message: "mapped", severity: .high),
            AnnotationContent(path: "/builds/org/repo/src/a.py", line: 2, message: "mapped again", severity: .low),
            AnnotationContent(path: "/usr/include/stdio.h", line: 3, message: "system", severity: .high),
            AnnotationContent(path: "src/new.py", line: 4, message: "untracked", severity: .medium),
            AnnotationContent(message: "report-level"),
        ]
        let report = ReportContent(
            title: "t", details: "5 findings.",
            data: [
                DataField(title: "Findings", type: .number, value: .number(5)),
                DataField(title: "High", type: .number, value: .number(2)),
            ])
        let bundle = InsightBundle(report: report, annotations: annotations)

        let (mapped, summary) = Self.mapper.apply(to: bundle, keepingOutside: false)

        #expect(mapped.annotations.map(\.message) == ["mapped", "mapped again", "untracked", "report-level"])
        #expect(mapped.annotations.compactMap(\.path) == ["src/a.py", "src/a.py", "src/new.py"])
        #expect(summary.mappedPaths == 1)
        #expect(summary.unmatchedPaths == 2)
        #expect(summary.outsidePaths == 1 && summary.outsideFindings == 1)
        #expect(mapped.report.details == "5 findings.\n1 finding outside the repository left out.")
        #expect(mapped.report.data[1].value == .number(1))
        #expect(
            summary.line
                == "1 path mapped, 2 paths matching no tracked file; 1 finding outside the repository left out "
                + "(--keep-outside keeps them)")

        let (kept, keptSummary) = Self.mapper.apply(to: bundle, keepingOutside: true)
        #expect(kept.annotations.count == 5)
        #expect(kept.report == bundle.report)
        #expect(keptSummary.line?.hasSuffix("1 finding outside the repository kept") == true)
    }

    @Test func coverageFromAnotherMachineStillMeasuresTheChange() throws {
        let url = try ScratchFile.write(
            "SF:/builds/org/repo/src/a.py\nDA:1,1\nDA:2,0\nend_of_record\n", extension: "info")
        defer { ScratchFile.remove(url) }
        let options = ConversionOptions(
            repositoryRoot: Self.root, changedLines: ["src/a.py": [1, 2]], pathMapper: Self.mapper)

        let bundle = try LCOVConverter().convert(contentsOf: url, options: options)
        let (mapped, summary) = Self.mapper.apply(to: bundle, keepingOutside: false)

        #expect(bundle.report.data.contains { $0.title == "Changed lines covered" && $0.value == .string("1 / 2") })
        #expect(mapped.annotations.map(\.path) == ["src/a.py"])
        #expect(summary.mappedPaths == 1 && summary.outsideFindings == 0)
    }
}
