import Foundation
import InsightsCore
import Testing

@testable import InsightsConverters

/// `--format auto`: every format from a real fixture or a tiny inline sample.
@Suite struct FormatDetectorTests {
    @Test(arguments: [
        ("sarif/ruff.sarif", InsightFormat.sarif),
        ("sarif/semgrep.sarif", .sarif),  // "$schema" comes last; version and runs first
        ("sarif/clang-analyzer.sarif", .sarif),
        ("sarif/clang-diagnostics.sarif", .sarif),
        ("sarif/handwritten-edge-cases.sarif", .sarif),
        ("codeclimate/ruff-gitlab.json", .codeclimate),
        ("codeclimate/handwritten-engine-stream.json", .codeclimate),
        ("cppcheck/cppcheck.xml", .cppcheck),
    ])
    func detectsFixtures(path: String, expected: InsightFormat) throws {
        #expect(try FormatDetector.detect(contentsOf: SARIFConverterTests.fixture(path)) == expected)
    }

    @Test(arguments: [
        (
            "<?xml version=\"1.0\"?>\n<checkstyle version=\"4.3\"><file name=\"a\"/></checkstyle>",
            InsightFormat.checkstyle
        ),
        (
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<results version=\"2\">\n    <cppcheck version=\"2.10\"/>",
            .cppcheck
        ),
        ("<?xml version=\"1.0\" encoding=\"utf-8\"?><testsuites><testsuite name=\"pytest\"/></testsuites>", .junit),
        ("<testsuite name=\"x\" tests=\"1\"></testsuite>", .junit),
        (
            "<?xml version=\"1.0\" ?>\n<!DOCTYPE coverage SYSTEM \"x.dtd\">\n<!-- c -->\n<coverage line-rate=\"1\"/>",
            .cobertura
        ),
        ("\u{FEFF}  <coverage/>", .cobertura),
        ("TN:\nSF:/src/a.c\nDA:1,1\nend_of_record\n", .lcov),
        ("SF:a.c\nDA:1,0\nend_of_record\n", .lcov),
        ("{\"version\":\"2.1.0\",\"runs\":[]}", .sarif),
        ("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\": []}", .sarif),
        ("[]", .codeclimate),
        ("{\"type\":\"issue\",\"check_name\":\"x\",\"description\":\"d\"}\0", .codeclimate),
        ("{\"fingerprint\":\"f\",\"location\":{\"path\":\"a\"}}", .codeclimate),
    ])
    func detectsInlineSamples(text: String, expected: InsightFormat) {
        #expect(FormatDetector.detect(prefix: Data(text.utf8)) == expected)
    }

    @Test(arguments: [
        "", "hello", "<html><body/></html>", "{\"name\": \"package\"}", "<!-- unterminated",
        "<results><test name=\"a\"/></results>",
    ])
    func rejectsUnknownContent(text: String) throws {
        #expect(FormatDetector.detect(prefix: Data(text.utf8)) == nil)
        let url = try ScratchFile.write(text)
        defer { ScratchFile.remove(url) }
        #expect(throws: ConversionError.self) { try FormatDetector.detect(contentsOf: url) }
    }

    @Test func missingFileThrowsConversionError() {
        #expect(throws: ConversionError.self) {
            try FormatDetector.detect(contentsOf: URL(fileURLWithPath: "/nonexistent/report.xml"))
        }
    }
}
