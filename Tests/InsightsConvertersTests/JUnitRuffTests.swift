import Foundation
import InsightsCore
import Testing

@testable import InsightsConverters

/// ruff's JUnit output: no `file` attribute; the suite is named by the path, the case has `line`/`column`.
/// Locations are checked against ruff's own text output (`--output-format concise`) of the same run.
@Suite struct JUnitRuffTests {
    /// The directory ruff ran in.
    static let root = URL(fileURLWithPath: "/tmp/insights-fixtures/static")

    static func fixture(_ path: String) throws -> URL {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return fixtures.appendingPathComponent(path)
    }

    /// `path:line` of every finding in ruff's concise output, and its `Found N errors.` count.
    static func conciseFindings() throws -> (locations: [String], count: Int) {
        let text = try String(contentsOf: fixture("junit/ruff-concise.txt"), encoding: .utf8)
        let locations = text.matches(of: #/^([^:\n]+):(\d+):\d+: /#.anchorsMatchLineEndings()).map { "\($0.1):\($0.2)" }
        let found = try #require(text.firstMatch(of: #/Found (\d+) errors\./#))
        return (locations, try #require(Int(found.1)))
    }

    @Test func locatesEveryFindingWhereRuffReportsIt() throws {
        let bundle = try JUnitConverter().convert(
            contentsOf: Self.fixture("junit/ruff.xml"), options: ConversionOptions(repositoryRoot: Self.root))
        let ruff = try Self.conciseFindings()
        // ruff: Found 8 errors.
        #expect(ruff.count == 8)
        #expect(ruff.locations.count == ruff.count)
        #expect(bundle.annotations.count == ruff.count)
        #expect(bundle.annotations.map { "\($0.path ?? "-"):\($0.line ?? 0)" } == ruff.locations)
        #expect(bundle.report.data.first == DataField(title: "Tests", type: .number, value: .number(8)))
        #expect(Set(bundle.annotations.compactMap(\.externalID)).count == 8)
    }

    @Test func fixtureHasNoFileAttribute() throws {
        let xml = try String(contentsOf: Self.fixture("junit/ruff.xml"), encoding: .utf8)
        #expect(!xml.contains(" file="))
        #expect(xml.contains(#"<testsuite name="/tmp/insights-fixtures/static/app.py""#))
        #expect(xml.contains(#"classname="/tmp/insights-fixtures/static/app" line="1" column="8""#))
    }

    @Test func fileAttributeWinsOverTheSuiteName() {
        let testCase = JUnitCase(
            className: "src/a", name: "x", file: "src/b.py", line: 4, suiteName: "src/a.py")
        let problem = JUnitProblem(kind: "failure", message: "boom", type: "", text: "")
        #expect(
            JUnitConverter.location(of: problem, in: testCase, root: nil)
                == StackTraceLocator.Location(path: "src/b.py", line: 4))
    }

    @Test func stackFrameInTheSuiteFileWinsOverTheLineAttribute() {
        let testCase = JUnitCase(className: "t/x", name: "y", line: 2, suiteName: "/repo/t/x.py")
        let problem = JUnitProblem(
            kind: "failure", message: "", type: "", text: "  File \"/repo/t/x.py\", line 9, in y")
        #expect(
            JUnitConverter.location(of: problem, in: testCase, root: URL(fileURLWithPath: "/repo"))
                == StackTraceLocator.Location(path: "t/x.py", line: 9))
    }

    @Test(
        arguments: [
            ("/tmp/insights-fixtures/static/app.py", "/tmp/insights-fixtures/static/app", true),
            ("app.py", "app", true),
            ("src/Foo.kt", "com.acme.Foo", true),
            ("C:\\src\\app.py", "", true),
            ("pytest", "tests.test_arith", false),
            ("com.acme.FooTest", "com.acme.FooTest", false),
            ("tests.test_arith", "tests.test_arith", false),
            ("utils.format", "utils.format adds", false),
            ("release 1.2", "", false),
            ("src/.hidden", "", false),
            ("src/app.", "", false),
        ] as [(String, String, Bool)])
    func recognizesSuiteNamesThatArePaths(name: String, className: String, isPath: Bool) {
        #expect(JUnitCase.isSourcePath(name, className: className) == isPath)
    }
}
