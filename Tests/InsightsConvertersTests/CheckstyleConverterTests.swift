import Foundation
import InsightsCore
import Testing

@testable import InsightsConverters

/// Checkstyle XML from `shellcheck -f checkstyle`; counts are ShellCheck's own (see `Fixtures/README.md`).
@Suite struct CheckstyleConverterTests {
    /// The root the fixture was generated under.
    static let root = URL(fileURLWithPath: "/tmp/insights-fixtures")

    static func fixture(_ path: String) throws -> URL {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return fixtures.appendingPathComponent(path)
    }

    static func convert(_ path: String) throws -> InsightBundle {
        try CheckstyleConverter().convert(
            contentsOf: fixture(path), options: ConversionOptions(repositoryRoot: root))
    }

    @Test func countsMatchShellCheck() throws {
        let bundle = try Self.convert("checkstyle/shellcheck.xml")
        // shellcheck -f gcc: 15 findings, 2 error, 5 warning, 8 note.
        #expect(bundle.annotations.count == 15)
        #expect(bundle.annotations.filter { $0.severity == .high }.count == 2)
        #expect(bundle.annotations.filter { $0.severity == .medium }.count == 5)
        #expect(bundle.annotations.filter { $0.severity == .low }.count == 8)
        #expect(
            bundle.report.data == [
                DataField(title: "Findings", type: .number, value: .number(15)),
                DataField(title: "Errors", type: .number, value: .number(2)),
                DataField(title: "Warnings", type: .number, value: .number(5)),
                DataField(title: "Info", type: .number, value: .number(8)),
            ])
    }

    @Test func failsWhenAnyErrorAndNamesTheTool() throws {
        let report = try Self.convert("checkstyle/shellcheck.xml").report
        #expect(report.result == .failed)
        #expect(report.title == "ShellCheck")
        #expect(report.reportType == .bug)
        #expect(report.details == "15 findings in 2 files: 2 errors, 5 warnings, 8 info.")
        _ = try report.validated(limits: .dataCenter)
        _ = try report.validated(limits: .cloud)
    }

    @Test func mapsAnErrorFindingToARepositoryRelativeAnnotation() throws {
        let bundle = try Self.convert("checkstyle/shellcheck.xml")
        let error = try #require(bundle.annotations.first { $0.message.hasSuffix("(SC2070)") })
        #expect(error.path == "shell/deploy.sh")
        #expect(error.line == 15)
        #expect(error.severity == .high)
        #expect(error.type == .codeSmell)
        #expect(error.message == "-n doesn't work with unquoted arguments. Quote or use [[ ]]. (SC2070)")
        let paths = Set(bundle.annotations.compactMap(\.path))
        #expect(paths == ["shell/deploy.sh", "shell/cleanup.sh"])
    }

    @Test func externalIDsAreUniqueAndStable() throws {
        let first = try Self.convert("checkstyle/shellcheck.xml").annotations.compactMap(\.externalID)
        let second = try Self.convert("checkstyle/shellcheck.xml").annotations.compactMap(\.externalID)
        #expect(first.count == 15)
        #expect(Set(first).count == 15)
        #expect(first == second)
        #expect(first.allSatisfy { $0.hasPrefix("checkstyle-") })
    }

    @Test(arguments: [("error", AnnotationSeverity.high), ("warning", .medium), ("info", .low), ("ignore", .low)])
    func mapsSeverity(name: String, expected: AnnotationSeverity) {
        #expect(CheckstyleConverter.severity(name) == expected)
    }

    @Test func passesWithoutErrorsAndKeepsFileLevelFindings() throws {
        let url = try ScratchFile.write(
            """
            <?xml version="1.0"?>
            <checkstyle version="8.0"><file name="./src/A.java">
            <error severity="warning" message="File is too long" source="com.puppycrawl.tools.checkstyle.checks.sizes.FileLengthCheck"/>
            <error line="3" severity="warning" message="x" source="com.puppycrawl.tools.checkstyle.checks.X"/>
            <error line="3" severity="warning" message="x" source="com.puppycrawl.tools.checkstyle.checks.X"/>
            </file></checkstyle>
            """)
        defer { ScratchFile.remove(url) }
        let bundle = try CheckstyleConverter().convert(contentsOf: url, options: ConversionOptions())
        #expect(bundle.report.result == .passed)
        #expect(bundle.report.title == "Checkstyle")
        let first = try #require(bundle.annotations.first)
        #expect(first.path == "src/A.java")
        #expect(first.line == nil)
        #expect(first.message == "File is too long (FileLengthCheck)")
        let ids = bundle.annotations.compactMap(\.externalID)
        #expect(ids[2] == ids[1] + "-2")
    }

    @Test(arguments: [
        "<checkstyle><file name='a'><error line='1'", "<testsuites/>", "not xml at all", "",
    ])
    func rejectsMalformedInput(text: String) throws {
        let url = try ScratchFile.write(text)
        defer { ScratchFile.remove(url) }
        #expect(throws: ConversionError.self) {
            try CheckstyleConverter().convert(contentsOf: url, options: ConversionOptions())
        }
    }

    @Test func rejectsAMissingFile() {
        #expect(throws: ConversionError.self) {
            try CheckstyleConverter().convert(
                contentsOf: URL(fileURLWithPath: "/nonexistent/checkstyle.xml"), options: ConversionOptions())
        }
    }
}
