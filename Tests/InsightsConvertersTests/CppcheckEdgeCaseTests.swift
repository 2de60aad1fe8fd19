import Foundation
import InsightsCore
import Testing

@testable import InsightsConverters

/// Hand-written cppcheck XML for what the fixture does not show: findings without locations, absolute paths, line 0,
/// repeated findings, reports without findings, and malformed input.
@Suite struct CppcheckEdgeCaseTests {
    static func convert(_ errors: String, root: String? = nil) throws -> InsightBundle {
        let url = try ScratchFile.write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <results version="2">
                <cppcheck version="2.13.0"/>
                <errors>
            \(errors)
                </errors>
            </results>
            """, extension: "xml")
        defer { ScratchFile.remove(url) }
        return try CppcheckConverter().convert(
            contentsOf: url, options: ConversionOptions(repositoryRoot: root.map { URL(fileURLWithPath: $0) }))
    }

    @Test func aFindingWithoutLocationIsReportLevel() throws {
        let bundle = try Self.convert(
            """
            <error id="syntaxError" severity="warning" msg="Whole program" verbose="Whole program"/>
            """)
        let finding = try #require(bundle.annotations.first)
        #expect(finding.path == nil)
        #expect(finding.line == nil)
        #expect(finding.details == nil)
        #expect(finding.link == nil)
        #expect(finding.message == "Whole program (syntaxError)")
        #expect(bundle.report.details == "1 finding: warning 1.")
        #expect(bundle.report.result == .passed)
    }

    @Test func usesTheFirstOfSeveralLocationsAndMakesPathsRelative() throws {
        let bundle = try Self.convert(
            """
            <error id="ctunullpointer" severity="error" msg="Null pointer dereference: p" verbose="Null pointer dereference: p" cwe="476">
                <location file="/repo/src/use.c" line="9" column="5" info="Dereferencing argument p that is null"/>
                <location file="/repo/src/call.c" line="3" column="7" info="Calling function use, 1st argument is null"/>
                <symbol>p</symbol>
            </error>
            """, root: "/repo")
        let finding = try #require(bundle.annotations.first)
        #expect(finding.path == "src/use.c")
        #expect(finding.line == 9)
        #expect(
            finding.details
                == "src/use.c:9: Dereferencing argument p that is null\n"
                + "src/call.c:3: Calling function use, 1st argument is null")
        #expect(bundle.report.reporter == "Cppcheck 2.13.0")
        #expect(bundle.report.result == .failed)
    }

    @Test func lineZeroIsFileLevelAndRepeatsGetSuffixes() throws {
        let bundle = try Self.convert(
            """
            <error id="unusedFunction" severity="style" msg="The function 'f' is never used." verbose="The function 'f' is never used." cwe="561">
                <location file="./a.c" line="0" column="0"/>
            </error>
            <error id="unusedFunction" severity="style" msg="The function 'f' is never used." verbose="The function 'f' is never used." cwe="561">
                <location file="a.c" line="0" column="0"/>
            </error>
            """)
        #expect(bundle.annotations.map(\.path) == ["a.c", "a.c"])
        #expect(bundle.annotations.map(\.line) == [nil, nil])
        let ids = bundle.annotations.compactMap(\.externalID)
        #expect(ids.count == 2)
        #expect(ids[1] == ids[0] + "-2")
    }

    @Test func inconclusiveWithoutIDAndBlankMessageFallsBackToVerbose() throws {
        let bundle = try Self.convert(
            """
            <error severity="performance" msg=" " verbose="Use a reference" inconclusive="true">
                <location file="b.cpp" line="4"/>
            </error>
            """)
        let finding = try #require(bundle.annotations.first)
        #expect(finding.message == "Use a reference (inconclusive)")
        #expect(finding.title == nil)
        #expect(finding.severity == .low)
        #expect(finding.type == .codeSmell)
    }

    @Test func informationOnlyPasses() throws {
        let bundle = try Self.convert(
            """
            <error id="missingIncludeSystem" severity="information" msg="Cppcheck cannot find all the include files" verbose="x"/>
            <error id="checkersReport" severity="information" msg="Active checkers: 106/592" verbose="y"/>
            <error id="missingIncludeSystem" severity="information" msg="Cppcheck cannot find all the include files" verbose="x"/>
            """)
        #expect(bundle.annotations.isEmpty)
        #expect(bundle.report.result == .passed)
        #expect(
            bundle.report.details
                == "No findings. 3 information messages about the analysis left out "
                + "(missingIncludeSystem, checkersReport).")
    }

    @Test func emptyResultsPass() throws {
        let bundle = try Self.convert("")
        #expect(bundle.annotations.isEmpty)
        #expect(bundle.report.result == .passed)
        #expect(bundle.report.details == "No findings.")
        #expect(bundle.report.title == "Cppcheck")
        #expect(bundle.report.reportType == .bug)
        #expect(bundle.report.data.first == DataField(title: "Findings", type: .number, value: .number(0)))
    }

    @Test func aMissingVersionElementNamesJustTheTool() throws {
        let url = try ScratchFile.write("<results version=\"2\"><errors/></results>", extension: "xml")
        defer { ScratchFile.remove(url) }
        let bundle = try CppcheckConverter().convert(contentsOf: url, options: ConversionOptions())
        #expect(bundle.report.reporter == "Cppcheck")
    }

    @Test(arguments: [
        "<results version=\"2\"><cppcheck version=\"2.10\"/><errors><error id=\"x\" severity=\"error\"",
        "<results version=\"2\"><errors><error id='a' msg='b'></errors></results>",
        "<results><error file=\"a.c\" line=\"1\" id=\"x\" severity=\"error\" msg=\"m\"/></results>",
        "<results version=\"3\"><errors/></results>",
        "<checkstyle version=\"4.3\"/>",
        "not xml at all",
        "",
    ])
    func rejectsMalformedInput(text: String) throws {
        let url = try ScratchFile.write(text, extension: "xml")
        defer { ScratchFile.remove(url) }
        #expect(throws: ConversionError.self) {
            try CppcheckConverter().convert(contentsOf: url, options: ConversionOptions())
        }
    }

    @Test func namesTheVersionItCannotRead() throws {
        let url = try ScratchFile.write("<results><error file='a.c' line='1' id='x'/></results>", extension: "xml")
        defer { ScratchFile.remove(url) }
        let error = try #require(throws: ConversionError.self) {
            try CppcheckConverter().convert(contentsOf: url, options: ConversionOptions())
        }
        #expect(error.message.contains("--xml-version=2"))
    }

    @Test func rejectsAMissingFile() {
        #expect(throws: ConversionError.self) {
            try CppcheckConverter().convert(
                contentsOf: URL(fileURLWithPath: "/nonexistent/cppcheck.xml"), options: ConversionOptions())
        }
    }
}
