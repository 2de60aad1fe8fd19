import InsightsCore
import Testing

@testable import InsightsReview

/// R6: binary files show everything at file level; SVG is text; special formats show changed lines at file level.
@Suite struct PlacementFormatTests {
    typealias S = PlacementSamples

    static let diff = S.diff(
        [
            S.file("logo.png", isBinary: true),
            S.file("icon.svg", S.replacement),
            S.file("LOGO.SVG", S.replacement),
            S.file("shared.png", isBinary: true),
        ], targetChanged: ["shared.png"])

    @Test(arguments: [Int?.none, 0, 1, 10, 9999])
    func showsEveryAnnotationOfABinaryFileAtFileLevel(line: Int?) throws {
        #expect(
            Placement.binaryPosition(try S.indexed(Self.diff, "logo.png"))
                == .fileLevel(path: "logo.png", reason: .binaryFile))
        #expect(
            S.position(S.annotation("logo.png", line), on: Self.diff)
                == .fileLevel(path: "logo.png", reason: .binaryFile))
    }

    @Test func keepsBinaryFilesTheTargetChangedAtFileLevel() {
        #expect(
            S.position(S.annotation("shared.png", 4), on: Self.diff)
                == .fileLevel(path: "shared.png", reason: .binaryFile))
    }

    @Test func leavesTextFilesToOtherRules() throws {
        #expect(Placement.binaryPosition(try S.indexed(Self.diff, "icon.svg")) == nil)
        #expect(Placement.binaryPosition(nil) == nil)
    }

    @Test(arguments: ["icon.svg", "LOGO.SVG"])
    func placesSVGChangedLinesInlineLikeText(path: String) {
        #expect(
            S.position(S.annotation(path, 11), on: Self.diff)
                == .inline(
                    path: path, line: 11, hunk: 0, row: 4, movedFrom: nil))
        #expect(S.position(S.annotation(path, 9), on: Self.diff) == .notShown(reason: .unchangedLine))
        #expect(S.position(S.annotation(path, 0), on: Self.diff) == .fileLevel(path: path, reason: .lineZero))
    }

    @Test func showsChangedLinesOfASpecialFormatAtFileLevelAndHidesTheRest() throws {
        let file = try S.indexed(Self.diff, "icon.svg")
        #expect(
            Placement.specialFormatPosition(line: 10, file: file, specialFormats: ["svg"])
                == .fileLevel(path: "icon.svg", reason: .specialFormat))
        #expect(
            Placement.specialFormatPosition(line: 9, file: file, specialFormats: ["svg"])
                == .notShown(reason: .unchangedLine))
        #expect(Placement.specialFormatPosition(line: 10, file: file) == nil)
    }

    @Test(arguments: [
        ("a/b.SVG", true), ("b.svg", true), ("svg", false), (".svg", false), ("a.svg/b.txt", false),
        ("b.svgz", false),
    ])
    func recognisesSpecialFormatsByExtensionIgnoringCase(path: String, expected: Bool) {
        #expect(Placement.isSpecialFormat(path, specialFormats: ["svg"]) == expected)
    }

    @Test func hasNoSpecialFormatsYet() {
        #expect(Placement.specialFormatExtensions.isEmpty)
    }
}
