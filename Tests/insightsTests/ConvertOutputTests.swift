import Foundation
import InsightsClient
import Testing

/// `insights convert` writes its native document by hand (the annotations are nearly all of it); it must print the
/// same bytes as `JSONEncoder` with sorted keys, compact and indented.
@Suite struct ConvertOutputTests {
    static let fixtures = [
        "sarif/ruff.sarif", "sarif/semgrep.sarif", "sarif/clang-analyzer.sarif", "sarif/clang-diagnostics.sarif",
        "sarif/handwritten-edge-cases.sarif", "checkstyle/shellcheck.xml", "cppcheck/cppcheck.xml", "junit/pytest.xml",
        "cobertura/coverage.xml", "lcov/coverage.lcov", "codeclimate/ruff-gitlab.json",
    ]

    @Test(arguments: fixtures, [true, false])
    func printsWhatJSONEncoderPrints(fixture: String, compact: Bool) throws {
        let path = PublishEndToEndTests.fixtures.appendingPathComponent(fixture).path
        try expectEncoderOutput(for: path, compact: compact)
    }

    @Test(arguments: [true, false])
    func escapesLikeJSONEncoder(compact: Bool) throws {
        let messages = [
            "quote \" backslash \\ slash / tab\tend", "line\nbreak\r\u{0}\u{1F}\u{7F}", "ünïcödé 🚀 \u{2028}", "",
        ]
        let findings = messages.enumerated().map { index, message in
            GeneratedSARIF.Finding(
                ruleID: "R\(index)", level: "warning", path: "src/\"odd\" \\ name \(index).py", line: index + 1,
                message: message)
        }
        try expectEncoderOutput(for: GeneratedSARIF(findings), compact: compact)
    }

    @Test(arguments: [true, false])
    func anEmptyLogPrintsLikeJSONEncoder(compact: Bool) throws {
        try expectEncoderOutput(for: GeneratedSARIF([]), compact: compact)
    }

    /// Writes `log` to a temporary directory and checks what `insights convert` prints for it.
    private func expectEncoderOutput(for log: GeneratedSARIF, compact: Bool) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("insights-convert-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try expectEncoderOutput(for: log.write(named: "log.sarif", in: directory), compact: compact)
    }

    private func expectEncoderOutput(for path: String, compact: Bool) throws {
        let run = try CommandLineTests.run(["convert", path] + (compact ? ["--compact"] : []))
        try #require(run.status == 0, "\(run.errors)")
        let document = try JSONDecoder().decode(InsightDocument.self, from: Data(run.output.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            compact ? [.sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        let expected = String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        #expect(run.output == expected)
    }
}
