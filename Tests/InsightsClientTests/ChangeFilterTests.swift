import InsightsClient
import InsightsCore
import Testing

@Suite struct ChangeFilterTests {
    private let changed: [String: Set<Int>] = ["src/a.swift": [3, 4], "docs/b.md": []]

    private func finding(_ path: String?, _ line: Int?) -> AnnotationContent {
        AnnotationContent(path: path, line: line, message: "m", severity: .low)
    }

    @Test func allKeepsEverything() {
        let filter = ChangeFilter(mode: .all, changedLines: changed)
        #expect(filter.includes(finding("other.swift", 1)))
    }

    @Test func filesKeepsFindingsInChangedFilesAndPathlessOnes() {
        let filter = ChangeFilter(mode: .files, changedLines: changed)
        #expect(filter.includes(finding("src/a.swift", 99)))
        #expect(filter.includes(finding("docs/b.md", 1)))
        #expect(filter.includes(finding(nil, nil)))
        #expect(!filter.includes(finding("other.swift", 1)))
    }

    @Test(
        arguments: [
            ("src/a.swift", 3, true), ("src/a.swift", 5, false), ("src/a.swift", nil, true), ("./src/a.swift", 4, true),
            ("docs/b.md", 1, false), ("docs/b.md", nil, true), ("other.swift", nil, false),
        ] as [(String, Int?, Bool)])
    func linesKeepsChangedLinesAndFileLevelFindings(path: String, line: Int?, kept: Bool) {
        let filter = ChangeFilter(mode: .lines, changedLines: changed)
        #expect(filter.includes(finding(path, line)) == kept)
    }

    @Test func linesAlwaysKeepsPathlessFindings() {
        #expect(ChangeFilter(mode: .lines, changedLines: [:]).includes(finding(nil, 7)))
    }
}
