import Foundation
import InsightsCore
import Testing

@testable import InsightsConverters

/// The hand-written `sarif/handwritten-edge-cases.sarif`: message strings, URI bases, artifacts, suppressions,
/// baseline state, result kinds, security severity, several runs and duplicate results.
@Suite struct SARIFEdgeCaseTests {
    static func convert() throws -> InsightBundle {
        try SARIFConverter().convert(
            contentsOf: SARIFConverterTests.fixture("sarif/handwritten-edge-cases.sarif"),
            options: ConversionOptions(repositoryRoot: URL(fileURLWithPath: "/repo")))
    }

    @Test func skipsSuppressedAbsentAndPassingResults() throws {
        let bundle = try Self.convert()
        // 9 results in the file: one suppressed, one absent from the baseline, one of kind "pass".
        #expect(try SARIFConverterTests.resultCount("sarif/handwritten-edge-cases.sarif") == 9)
        #expect(bundle.annotations.count == 6)
        #expect(!bundle.annotations.contains { $0.message.contains("suppressed in source") })
        #expect(bundle.annotations.contains { $0.message.contains("rejected") })
        #expect(bundle.report.details?.contains("3 suppressed or fixed results left out") == true)
    }

    @Test func fillsMessageStringsWithArguments() throws {
        let first = try #require(try Self.convert().annotations.first)
        #expect(first.message == "Value x is 42; use {braces} and keep {7}.")
        #expect(first.link == "https://example.com/rules/EDGE001")
        // No level: the rule's defaultConfiguration.level "error".
        #expect(first.severity == .high)
        #expect(first.type == .bug)
    }

    @Test func resolvesURIBasesArtifactsAndPercentEncoding() throws {
        let annotations = try Self.convert().annotations
        #expect(annotations[0].path == "src/main.swift")
        #expect(annotations[0].line == 3)
        #expect(annotations[1].path == "src/lib/a b.swift")
        #expect(annotations[1].line == nil)  // startLine 0: file-level
        #expect(annotations[2].path == "docs/read me.md")
        #expect(annotations[3].path == nil)
        #expect(annotations[4].path == "z.c")
    }

    @Test func mapsSecuritySeverityBeforeLevel() throws {
        let annotations = try Self.convert().annotations
        #expect(annotations[1].severity == .critical)  // rule security-severity "9.8"
        #expect(annotations[1].type == .vulnerability)
        #expect(annotations[2].severity == .medium)  // result security-severity 5.0 (a number), level note
        #expect(annotations[2].type == .vulnerability)
        #expect(annotations[3].severity == .medium)  // no level anywhere: warning
        #expect(annotations[3].type == .codeSmell)
        #expect(annotations[4].severity == .low)  // level none
    }

    @Test func mergesRunsIntoOneReport() throws {
        let report = try Self.convert().report
        #expect(report.title == "Static analysis")
        #expect(report.reporter == "EdgeTool 1.2.3, OtherTool 0.9.0")
        #expect(report.result == .failed)
        #expect(report.data.count <= 6)
        #expect(
            report.data == [
                DataField(title: "Findings", type: .number, value: .number(6)),
                DataField(title: "Critical", type: .number, value: .number(1)),
                DataField(title: "High", type: .number, value: .number(1)),
                DataField(title: "Medium", type: .number, value: .number(2)),
                DataField(title: "Low", type: .number, value: .number(2)),
            ])
    }

    @Test func deduplicatesIdenticalResults() throws {
        let annotations = try Self.convert().annotations
        let first = try #require(annotations[4].externalID)
        #expect(annotations[5].externalID == first + "-2")
        #expect(first.hasPrefix("X1-"))
    }

    @Test(arguments: [
        ("{0} and {1}", ["a", "b"], "a and b"),
        ("{{0}} is literal", ["a"], "{0} is literal"),
        ("{1}{0}", ["a", "b"], "ba"),
        ("missing {3}", ["a"], "missing {3}"),
        ("open { brace", [], "open { brace"),
        ("close } brace", [], "close } brace"),
    ])
    func formatsPlaceholders(template: String, arguments: [String], expected: String) {
        #expect(SARIFMessageFormatter.format(template, arguments: arguments) == expected)
    }

    @Test(arguments: [
        (9.8, "note", AnnotationSeverity.critical), (9.0, "none", .critical), (8.9, "note", .high),
        (7.0, "note", .high), (6.9, "error", .medium), (4.0, "error", .medium), (3.9, "error", .low),
        (0.1, "error", .low),
    ])
    func mapsSecuritySeverityTable(score: Double, level: String, expected: AnnotationSeverity) {
        #expect(SARIFSeverityMapping.severity(securitySeverity: score, level: level) == expected)
    }

    @Test(arguments: [
        ("error", AnnotationSeverity.high), ("warning", .medium), ("note", .low), ("none", .low),
    ])
    func mapsLevelTable(level: String, expected: AnnotationSeverity) {
        #expect(SARIFSeverityMapping.severity(securitySeverity: nil, level: level) == expected)
        #expect(SARIFSeverityMapping.severity(securitySeverity: 0, level: level) == expected)
    }
}
