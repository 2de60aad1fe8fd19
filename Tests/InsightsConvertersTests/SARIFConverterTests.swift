import Foundation
import InsightsCore
import Testing

@testable import InsightsConverters

/// SARIF from ruff, semgrep and clang, plus a hand-written edge-case log; tool counts are in `Fixtures/README.md`.
@Suite struct SARIFConverterTests {
    /// The root the tool fixtures were generated under.
    static let root = URL(fileURLWithPath: "/tmp/insights-fixtures/static")

    static func fixture(_ path: String) throws -> URL {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return fixtures.appendingPathComponent(path)
    }

    static func convert(_ path: String, root: URL? = Self.root) throws -> InsightBundle {
        try SARIFConverter().convert(contentsOf: fixture(path), options: ConversionOptions(repositoryRoot: root))
    }

    /// Counts results straight from the JSON, independently of the converter.
    static func resultCount(_ path: String) throws -> Int {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: fixture(path)))
        let log = try #require(object as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        return runs.reduce(0) { $0 + (($1["results"] as? [Any])?.count ?? 0) }
    }

    @Test(arguments: [
        // (fixture, what the tool printed)
        ("sarif/ruff.sarif", 8),  // ruff: "Found 8 errors."
        ("sarif/semgrep.sarif", 2),  // semgrep: "Ran 2 rules on 2 files: 2 findings."
        ("sarif/clang-analyzer.sarif", 2),  // clang --analyze: "2 warnings generated."
        ("sarif/clang-diagnostics.sarif", 3),  // clang -Wall: 2 warnings + 1 note
    ])
    func countsMatchTheTool(fixture: String, toolCount: Int) throws {
        let bundle = try Self.convert(fixture)
        #expect(try Self.resultCount(fixture) == toolCount)
        #expect(bundle.annotations.count == toolCount)
        #expect(
            bundle.report.data.first == DataField(title: "Findings", type: .number, value: .number(Double(toolCount))))
        #expect(Set(bundle.annotations.compactMap(\.externalID)).count == toolCount)
    }

    @Test func ruffFindingsAreErrorsWithRelativePathsAndLinks() throws {
        let bundle = try Self.convert("sarif/ruff.sarif")
        #expect(bundle.report.title == "ruff")
        #expect(bundle.report.reporter == "ruff 0.17.6")
        #expect(bundle.report.result == .failed)
        #expect(bundle.annotations.allSatisfy { $0.severity == .high && $0.type == .bug })
        let eval = try #require(bundle.annotations.first { $0.title == "S307" })
        #expect(eval.path == "app.py")
        #expect(eval.line == 7)
        #expect(eval.link == "https://docs.astral.sh/ruff/rules/suspicious-eval-usage")
        #expect(Set(bundle.annotations.compactMap(\.path)) == ["app.py", "util.py"])
    }

    @Test func semgrepUsesRuleDefaultsAndSecuritySeverity() throws {
        let bundle = try Self.convert("sarif/semgrep.sarif")
        #expect(bundle.report.reporter == "Semgrep OSS 1.185.0")
        let eval = try #require(bundle.annotations.first { $0.title == "python-eval-use" })
        // Rule: security-severity "8.1", defaultConfiguration.level "error".
        #expect(eval.severity == .high)
        #expect(eval.type == .vulnerability)
        #expect(eval.path == "app.py")
        #expect(eval.message == "Avoid eval() on command; it executes arbitrary code.")
        let shell = try #require(bundle.annotations.first { $0.title == "python-shell-true" })
        #expect(shell.severity == .medium)
        #expect(shell.type == .codeSmell)
        #expect(bundle.report.result == .failed)
        #expect(bundle.report.reportType == .security)
        // Both results carry the placeholder fingerprint "requires login": ids must still differ.
        #expect(eval.externalID != shell.externalID)
    }

    @Test func clangWarningsPassAndNotesAreLow() throws {
        let analyzer = try Self.convert("sarif/clang-analyzer.sarif")
        #expect(analyzer.report.result == .passed)
        #expect(analyzer.report.title == "clang")
        #expect(analyzer.annotations.map(\.path) == ["overflow.c", "overflow.c"])
        #expect(analyzer.annotations.map(\.line) == [7, 10])
        let diagnostics = try Self.convert("sarif/clang-diagnostics.sarif")
        #expect(diagnostics.annotations.map(\.severity) == [.medium, .medium, .low])
    }

    @Test func externalIDsAreStableAcrossConversions() throws {
        for fixture in ["sarif/ruff.sarif", "sarif/semgrep.sarif", "sarif/handwritten-edge-cases.sarif"] {
            let first = try Self.convert(fixture).annotations.map(\.externalID)
            let second = try Self.convert(fixture).annotations.map(\.externalID)
            #expect(first == second)
            #expect(first.allSatisfy { $0 != nil })
        }
    }

    @Test func absolutePathsOutsideTheRootStayAbsolute() throws {
        let bundle = try Self.convert("sarif/ruff.sarif", root: URL(fileURLWithPath: "/elsewhere"))
        #expect(bundle.annotations.first?.path == "/tmp/insights-fixtures/static/app.py")
    }

    @Test(arguments: [
        "not json",
        "{\"version\": \"2.1.0\"}",
        "{\"version\": \"2.0.0\", \"runs\": []}",
        "{\"runs\": [{\"results\": []}]}",
        "{\"runs\": [{\"tool\": {\"driver\": {\"name\": \"x\"}}, \"results\": [{\"level\": \"error\"}]}]}",
        "",
    ])
    func malformedInputThrowsConversionError(text: String) throws {
        let url = try ScratchFile.write(text, extension: "sarif")
        defer { ScratchFile.remove(url) }
        #expect(throws: ConversionError.self) {
            try SARIFConverter().convert(contentsOf: url, options: ConversionOptions())
        }
    }

    @Test func missingFileThrowsConversionError() {
        #expect(throws: ConversionError.self) {
            try SARIFConverter().convert(
                contentsOf: URL(fileURLWithPath: "/nonexistent/x.sarif"), options: ConversionOptions())
        }
    }
}
