import Foundation
import InsightsCore
import Testing

@testable import InsightsConverters

/// cppcheck 2.10's XML on `sources/c/defects.c`; counts are read from the file itself and match cppcheck's own
/// `--template='{severity}'` output (see `Fixtures/README.md`).
@Suite struct CppcheckConverterTests {
    static let fixture = "cppcheck/cppcheck.xml"
    /// The checked file, as cppcheck wrote it when run from the package root.
    static let source = "Tests/InsightsConvertersTests/Fixtures/sources/c/defects.c"

    static func convert() throws -> InsightBundle {
        try CppcheckConverter().convert(
            contentsOf: SARIFConverterTests.fixture(fixture), options: ConversionOptions())
    }

    /// One `<error>` element, read from the fixture's text without the converter or an XML parser.
    struct RawError {
        var severity: String
        var firstLine: Int?
    }

    /// Splits the fixture at `<error ` and reads each element's `severity` and its first `<location line>`.
    static func rawErrors() throws -> [RawError] {
        let text = try String(contentsOf: SARIFConverterTests.fixture(fixture), encoding: .utf8)
        return text.components(separatedBy: "<error ").dropFirst().map { element in
            let body = element.components(separatedBy: "</error>")[0]
            let location = body.components(separatedBy: "<location ").dropFirst().first
            return RawError(
                severity: attribute("severity", in: body) ?? "",
                firstLine: location.flatMap { attribute("line", in: $0) }.flatMap { Int($0) })
        }
    }

    private static func attribute(_ name: String, in text: String) -> String? {
        guard let start = text.range(of: " \(name)=\"") else { return nil }
        return String(text[start.upperBound...].prefix { $0 != "\"" })
    }

    @Test func countsMatchTheToolsOutput() throws {
        let raw = try Self.rawErrors()
        let bySeverity = Dictionary(grouping: raw, by: \.severity).mapValues(\.count)
        // cppcheck --template='{severity}': 5 error, 1 warning, 6 style, 1 portability, 1 information.
        #expect(bySeverity == ["error": 5, "warning": 1, "style": 6, "portability": 1, "information": 1])

        let bundle = try Self.convert()
        #expect(bundle.annotations.count == raw.count - bySeverity["information", default: 0])
        #expect(bundle.annotations.filter { $0.severity == .high }.count == bySeverity["error"])
        #expect(bundle.annotations.filter { $0.severity == .medium }.count == bySeverity["warning"])
        let low = ["style", "performance", "portability"].reduce(0) { $0 + bySeverity[$1, default: 0] }
        #expect(bundle.annotations.filter { $0.severity == .low }.count == low)
        #expect(
            bundle.report.data == [
                DataField(title: "Findings", type: .number, value: .number(13)),
                DataField(title: "Critical", type: .number, value: .number(0)),
                DataField(title: "High", type: .number, value: .number(5)),
                DataField(title: "Medium", type: .number, value: .number(1)),
                DataField(title: "Low", type: .number, value: .number(7)),
            ])
    }

    @Test func failsOnErrorsAndNamesTheToolVersion() throws {
        let report = try Self.convert().report
        #expect(report.result == .failed)
        #expect(report.title == "Cppcheck")
        #expect(report.reporter == "Cppcheck 2.10")
        // arrayIndexOutOfBounds and bufferAccessOutOfBounds carry CWE-788.
        #expect(report.reportType == .security)
        #expect(
            report.details
                == "13 findings in 1 file: error 5, warning 1, style 6, portability 1. "
                + "1 information message about the analysis left out (missingIncludeSystem).")
        _ = try report.validated(limits: .dataCenter)
        _ = try report.validated(limits: .cloud)
    }

    @Test func pathsAndLinesComeFromTheFirstLocation() throws {
        let annotations = try Self.convert().annotations
        #expect(annotations.allSatisfy { $0.path == Self.source })
        let expected = try Self.rawErrors().filter { $0.severity != "information" }.map(\.firstLine)
        #expect(annotations.map(\.line) == expected)
        for annotation in annotations {
            _ = try annotation.validated(limits: .dataCenter)
            _ = try annotation.validated(limits: .cloud)
        }
    }

    @Test func mapsANullDereferenceWithItsTrace() throws {
        let annotations = try Self.convert().annotations
        let finding = try #require(annotations.first { $0.title == "nullPointer" })
        #expect(finding.line == 12)
        #expect(finding.message == "Null pointer dereference: p (nullPointer)")
        #expect(finding.severity == .high)
        #expect(finding.type == .bug)
        #expect(finding.link == "https://cwe.mitre.org/data/definitions/476.html")
        #expect(
            finding.details
                == "\(Self.source):12: Null pointer dereference\n"
                + "\(Self.source):11: Assignment 'p=NULL', assigned value is 0")
    }

    @Test func marksInconclusiveFindings() throws {
        let annotations = try Self.convert().annotations
        let finding = try #require(annotations.first { $0.title == "duplicateBranch" })
        #expect(finding.message == "Found duplicate branches for 'if' and 'else'. (duplicateBranch, inconclusive)")
        #expect(finding.severity == .low)
        #expect(finding.type == .codeSmell)
        #expect(finding.line == 41)
        let details = try #require(finding.details)
        #expect(details.hasSuffix("\n\(Self.source):41\n\(Self.source):43"))
        #expect(annotations.filter { $0.message.contains("inconclusive") }.count == 1)
    }

    @Test func outOfBoundsAccessIsAVulnerability() throws {
        let annotations = try Self.convert().annotations
        let vulnerabilities = annotations.filter { $0.type == .vulnerability }.compactMap(\.title)
        #expect(vulnerabilities == ["arrayIndexOutOfBounds", "bufferAccessOutOfBounds"])
        let warning = try #require(annotations.first { $0.title == "nullPointerRedundantCheck" })
        #expect(warning.severity == .medium)
        #expect(warning.type == .bug)
        let portability = try #require(annotations.first { $0.title == "invalidPointerCast" })
        #expect(portability.severity == .low)
        #expect(portability.type == .codeSmell)
    }

    @Test func leavesOutInformationMessages() throws {
        let annotations = try Self.convert().annotations
        #expect(!annotations.contains { $0.title == "missingIncludeSystem" })
    }

    @Test func unescapesVerboseText() throws {
        let annotations = try Self.convert().annotations
        let finding = try #require(annotations.first { $0.title == "variableScope" })
        let details = try #require(finding.details)
        #expect(details.contains("inner loops. Here is an example where cppcheck will write that the scope for 'i'"))
        #expect(details.contains("\nvoid f(int x)\n{\n"))
        #expect(!details.contains("\\012"))
    }

    @Test func externalIDsAreUniqueAndStable() throws {
        let first = try Self.convert().annotations.compactMap(\.externalID)
        let second = try Self.convert().annotations.compactMap(\.externalID)
        #expect(first.count == 13)
        #expect(Set(first).count == 13)
        #expect(first == second)
        #expect(first.allSatisfy { $0.hasPrefix("cppcheck-") })
    }

    @Test(arguments: [
        ("error", AnnotationSeverity?.some(.high)), ("warning", .medium), ("style", .low), ("performance", .low),
        ("portability", .low), ("information", nil), ("debug", nil), ("none", nil), ("", .low),
    ])
    func mapsSeverity(name: String, expected: AnnotationSeverity?) {
        #expect(CppcheckConverter.severity(name) == expected)
    }

    @Test(arguments: [
        ("error", Int?.some(788), AnnotationType.vulnerability), ("warning", 119, .vulnerability),
        ("error", 476, .bug), ("error", nil, .bug), ("warning", 398, .bug), ("style", 788, .codeSmell),
        ("performance", nil, .codeSmell), ("portability", 758, .codeSmell),
    ])
    func mapsType(severity: String, cwe: Int?, expected: AnnotationType) {
        #expect(CppcheckConverter.type(severity: severity, cwe: cwe) == expected)
    }

    @Test(arguments: [
        ("no escapes", "no escapes"), ("a\\012b", "a\nb"), ("caf\\303\\251", "café"), ("tab\\011", "tab\t"),
        ("C:\\dir\\file", "C:\\dir\\file"), ("\\400 and \\08", "\\400 and \\08"), ("end\\01", "end\\01"),
    ])
    func unescapesOctalBytes(raw: String, expected: String) {
        #expect(CppcheckText.unescaped(raw) == expected)
    }
}
