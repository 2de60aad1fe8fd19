import Foundation
import InsightsCore
import Testing

@testable import InsightsConverters

/// GitLab Code Quality from `ruff --output-format=gitlab`, and a hand-written NUL-separated engine stream.
@Suite struct CodeClimateConverterTests {
    static func convert(_ path: String) throws -> InsightBundle {
        try CodeClimateConverter().convert(
            contentsOf: SARIFConverterTests.fixture(path),
            options: ConversionOptions(repositoryRoot: URL(fileURLWithPath: "/tmp/insights-fixtures/static")))
    }

    @Test func ruffCountMatchesTheTool() throws {
        let bundle = try Self.convert("codeclimate/ruff-gitlab.json")
        // ruff printed "Found 8 errors." for the same files and rules.
        let object = try JSONSerialization.jsonObject(
            with: Data(contentsOf: SARIFConverterTests.fixture("codeclimate/ruff-gitlab.json")))
        #expect((object as? [Any])?.count == 8)
        #expect(bundle.annotations.count == 8)
        #expect(bundle.report.data.first == DataField(title: "Findings", type: .number, value: .number(8)))
        #expect(bundle.report.result == .passed)
    }

    @Test func ruffIssuesKeepFingerprintsPathsAndLines() throws {
        let annotations = try Self.convert("codeclimate/ruff-gitlab.json").annotations
        let eval = try #require(annotations.first { $0.title == "S307" })
        #expect(eval.externalID == "cae5023a7135c812")
        #expect(eval.path == "app.py")
        #expect(eval.line == 7)
        #expect(eval.severity == .medium)  // "major"
        #expect(eval.type == .codeSmell)
        let second = try Self.convert("codeclimate/ruff-gitlab.json").annotations
        #expect(annotations.map(\.externalID) == second.map(\.externalID))
        #expect(Set(annotations.compactMap(\.externalID)).count == annotations.count)
    }

    @Test func readsNULSeparatedEngineOutput() throws {
        let bundle = try Self.convert("codeclimate/handwritten-engine-stream.json")
        #expect(bundle.annotations.count == 2)  // the measurement is skipped
        let injection = bundle.annotations[0]
        #expect(injection.severity == .critical)
        #expect(injection.type == .vulnerability)
        #expect(injection.line == 12)
        #expect(injection.path == "app/db.rb")
        #expect(injection.externalID?.hasPrefix("codeclimate-") == true)
        let length = bundle.annotations[1]
        #expect(length.severity == .low)
        #expect(length.type == .bug)
        #expect(length.path == "app/model.rb")
        #expect(length.line == 3)
        #expect(length.externalID == "f00d")
        #expect(bundle.report.result == .failed)
        #expect(bundle.report.reportType == .security)
    }

    @Test func readsJSONLines() throws {
        let url = try ScratchFile.write(
            """
            {"description":"one","check_name":"A","severity":"critical","location":{"path":"a.py","lines":{"begin":1}}}
            {"description":"two","check_name":"B","location":{"path":"b.py","lines":{"begin":0}}}

            """, extension: "json")
        defer { ScratchFile.remove(url) }
        let bundle = try CodeClimateConverter().convert(contentsOf: url, options: ConversionOptions())
        #expect(bundle.annotations.map(\.message) == ["one", "two"])
        #expect(bundle.annotations.map(\.severity) == [.high, .medium])
        #expect(bundle.annotations[1].line == nil)
    }

    @Test(arguments: [
        ("info", AnnotationSeverity.low), ("minor", .low), ("major", .medium), ("critical", .high),
        ("blocker", .critical), ("BLOCKER", .critical), ("unknown", .medium),
    ])
    func mapsSeverityTable(value: String, expected: AnnotationSeverity) {
        #expect(CodeClimateConverter.severity(value) == expected)
    }

    @Test func emptyArrayPasses() throws {
        let url = try ScratchFile.write("[]", extension: "json")
        defer { ScratchFile.remove(url) }
        let bundle = try CodeClimateConverter().convert(contentsOf: url, options: ConversionOptions())
        #expect(bundle.annotations.isEmpty)
        #expect(bundle.report.result == .passed)
    }

    @Test(arguments: ["[{\"description\": 5}]", "{not json}", "[1, 2]", "{\"a\": 1}\n{oops"])
    func malformedInputThrowsConversionError(text: String) throws {
        let url = try ScratchFile.write(text, extension: "json")
        defer { ScratchFile.remove(url) }
        #expect(throws: ConversionError.self) {
            try CodeClimateConverter().convert(contentsOf: url, options: ConversionOptions())
        }
    }
}
