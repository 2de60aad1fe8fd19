import Foundation
import InsightsCore
import Testing

@testable import InsightsConverters

/// JUnit XML from pytest; counts are pytest's own summary line, `3 failed, 4 passed, 1 skipped, 1 error`.
@Suite struct JUnitConverterTests {
    /// The directory pytest ran in.
    static let root = URL(fileURLWithPath: "/tmp/insights-fixtures/python")

    static func convert(_ path: String) throws -> InsightBundle {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try JUnitConverter().convert(
            contentsOf: fixtures.appendingPathComponent(path), options: ConversionOptions(repositoryRoot: root))
    }

    @Test(arguments: ["junit/pytest.xml", "junit/pytest-xunit1.xml", "junit/pytest-native.xml"])
    func countsMatchPytestSummary(fixture: String) throws {
        let report = try Self.convert(fixture).report
        // pytest: 3 failed, 4 passed, 1 skipped, 1 error → 9 tests, 4 failed (failures + errors).
        #expect(
            Array(report.data.prefix(4)) == [
                DataField(title: "Tests", type: .number, value: .number(9)),
                DataField(title: "Passed", type: .number, value: .number(4)),
                DataField(title: "Failed", type: .number, value: .number(4)),
                DataField(title: "Skipped", type: .number, value: .number(1)),
            ])
        #expect(report.result == .failed)
        #expect(report.reportType == .test)
        #expect(report.details == "9 tests: 4 passed, 4 failed, 1 skipped.")
        let duration = try #require(report.data.last)
        #expect(duration.title == "Duration")
        #expect(duration.type == .duration)
        _ = try report.validated(limits: .dataCenter)
        _ = try report.validated(limits: .cloud)
    }

    @Test func durationIsTheSuiteTimeInMilliseconds() throws {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let xml = try String(contentsOf: fixtures.appendingPathComponent("junit/pytest.xml"), encoding: .utf8)
        // Read the suite's own time attribute independently of the converter.
        let attribute = try #require(xml.firstMatch(of: #/<testsuite [^>]*time="([0-9.]+)"/#))
        let seconds = try #require(Double(attribute.1))
        let report = try Self.convert("junit/pytest.xml").report
        #expect(report.data.last?.value == .number((seconds * 1000).rounded()))
    }

    @Test(arguments: ["junit/pytest.xml", "junit/pytest-xunit1.xml", "junit/pytest-native.xml"])
    func locatesFailuresAtTheFailingLine(fixture: String) throws {
        let annotations = try Self.convert(fixture).annotations
        let located = annotations.map { "\($0.path ?? "-"):\($0.line ?? 0)" }
        #expect(
            located == [
                "tests/test_arith.py:11", "tests/test_arith.py:19", "tests/test_arith.py:33",
                "tests/test_arith.py:46",
            ])
        #expect(annotations.allSatisfy { $0.severity == .high && $0.type == .bug })
        #expect(annotations.first?.message == "tests.test_arith.test_add_wrong: assert 4 == 5\n +  where 4 = add(2, 2)")
        #expect(annotations[2].message.hasPrefix("tests.test_arith.test_with_broken_fixture: failed on setup"))
        #expect(Set(annotations.compactMap(\.externalID)).count == 4)
    }

    @Test func usesPytestsZeroBasedLineAttributeWhenTheTraceDoesNotHelp() throws {
        let testCase = JUnitCase(
            className: "tests.test_arith", name: "test_add", file: "tests/test_arith.py", line: 6)
        let problem = JUnitProblem(kind: "failure", message: "boom", type: "", text: "no frames here")
        let location = JUnitConverter.location(of: problem, in: testCase, root: Self.root)
        #expect(location == StackTraceLocator.Location(path: "tests/test_arith.py", line: 6))
    }

    @Test func readsXunit1FileAndLineAttributesAsOneBased() throws {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let delegate = JUnitParserDelegate()
        try XMLEventReader.parse(
            contentsOf: fixtures.appendingPathComponent("junit/pytest-xunit1.xml"), handler: delegate, format: "JUnit",
            root: "<testsuites> or <testsuite>")
        let testAdd = try #require(delegate.cases.first { $0.name == "test_add" })
        // `def test_add():` is on line 6 of sources/python/tests/test_arith.py; pytest writes line="5".
        #expect(testAdd.line == 6)
        #expect(testAdd.file == "tests/test_arith.py")
    }

    @Test(
        arguments: [
            ("  File \"/repo/tests/test_x.py\", line 12, in test_x", "tests/test_x.py", 12),
            ("tests/test_x.py:7: AssertionError", "tests/test_x.py", 7),
            ("  File \"/usr/lib/python3.11/unittest/case.py\", line 3, in run", nil, 0),
            ("  File \"<string>\", line 1, in <module>", nil, 0),
            ("    at com.acme.FooTest.bar(FooTest.java:42)", nil, 0),
        ] as [(String, String?, Int)])
    func extractsStackTraceLocations(text: String, path: String?, line: Int) {
        let found = StackTraceLocator.locations(in: text, root: URL(fileURLWithPath: "/repo"))
        #expect(found.first?.path == path)
        #expect((found.first?.line ?? 0) == line)
    }

    @Test func passesWhenNothingFailedAndKeepsPathlessFailures() throws {
        let url = try ScratchFile.write(
            """
            <testsuites time="2.5"><testsuite name="unit"><testsuite name="inner">
            <testcase classname="a.B" name="ok" time="1"/>
            <testcase classname="a.B" name="skip"><skipped/></testcase>
            </testsuite></testsuite></testsuites>
            """)
        defer { ScratchFile.remove(url) }
        let passing = try JUnitConverter().convert(contentsOf: url, options: ConversionOptions())
        #expect(passing.report.result == .passed)
        #expect(passing.report.data.last?.value == .number(2500))
        #expect(passing.annotations.isEmpty)

        let failing = try ScratchFile.write(
            """
            <testsuite name="s" time="0.5"><testcase classname="com.acme.FooTest" name="bar">
            <failure type="java.lang.AssertionError"><![CDATA[java.lang.AssertionError
                at com.acme.FooTest.bar(FooTest.java:42)]]></failure></testcase></testsuite>
            """)
        defer { ScratchFile.remove(failing) }
        let bundle = try JUnitConverter().convert(contentsOf: failing, options: ConversionOptions())
        let annotation = try #require(bundle.annotations.first)
        #expect(annotation.path == nil)
        #expect(annotation.line == nil)
        #expect(annotation.message == "com.acme.FooTest.bar: java.lang.AssertionError")
        #expect(annotation.details?.contains("FooTest.java:42") == true)
        #expect(bundle.report.result == .failed)
        #expect(bundle.report.data.last?.value == .number(500))
    }

    @Test(arguments: ["<testsuite><testcase name='x'>", "<checkstyle/>", "{\"tests\": 1}"])
    func rejectsMalformedInput(text: String) throws {
        let url = try ScratchFile.write(text)
        defer { ScratchFile.remove(url) }
        #expect(throws: ConversionError.self) {
            try JUnitConverter().convert(contentsOf: url, options: ConversionOptions())
        }
    }
}
