import Foundation
import InsightsCore
import InsightsReview

/// A small pull request whose annotations land in every place the page has: inline on a changed row, at the top
/// of a file, moved by the target branch, potentially obsolete, not shown, and in the overview; plus a file big
/// enough to start collapsed, a binary file and a rename.
enum PullRequestFixture {
    typealias S = WebSamples

    /// `src/moved.swift` after the target inserted two lines at the top: the source's replacement of old line 10
    /// sits on merged lines 12 and 13.
    static let shiftedReplacement = """
        @@ -10,5 +10,6 @@
         eight
         nine
        -ten
        +TEN
        +ten and a half
         eleven
         twelve

        """

    /// Source tip → merge tree of `src/moved.swift`: two lines inserted at the top, source line 30 changed.
    static let targetEdits = LineMap(
        S.file(
            "src/moved.swift",
            """
            @@ -0,0 +1,2 @@
            +target one
            +target two
            @@ -30 +32 @@
            -thirty
            +THIRTY

            """))

    static let bigFileRows = 500

    static let diff = S.diff(
        [
            S.file("src/app.swift", S.replacement),
            S.file("src/moved.swift", shiftedReplacement),
            S.file("src/big.swift", S.addedLines(bigFileRows), status: .added),
            S.file("assets/logo.png", status: .modified, isBinary: true),
            S.file("src/new-name.swift", status: .renamed, oldPath: "src/old-name.swift"),
        ],
        targetChanged: ["src/moved.swift"], relocations: ["src/moved.swift": targetEdits])

    static let reports = [
        S.report("lint", title: "Lint"),
        S.report("security", title: "Security scan"),
    ]

    static let inline = S.annotation("src/app.swift", 10, message: "inline on TEN", severity: .high)
    static let fileLevel = S.annotation("src/app.swift", 0, message: "about the whole file", severity: .low)
    static let moved = S.annotation("src/moved.swift", 10, message: "moved by the target", severity: .medium)
    static let obsolete = S.annotation("src/moved.swift", 30, message: "cannot be traced", severity: .high)
    static let unchanged = S.annotation("src/app.swift", 8, message: "on an unchanged line", severity: .low)
    static let overview = S.annotation(nil, nil, report: "security", message: "about everything", severity: .critical)
    static let binary = S.annotation("assets/logo.png", 3, message: "in the picture", severity: nil, type: nil)

    static let annotations = [inline, fileLevel, moved, obsolete, unchanged, overview, binary]

    static let insights = S.place(diff, reports: reports, annotations: annotations)

    /// The element id of an annotation.
    static func id(_ annotation: Annotation) -> String {
        "id=\"annotation-\(annotation.uuid.uuidString.lowercased())\""
    }
}
