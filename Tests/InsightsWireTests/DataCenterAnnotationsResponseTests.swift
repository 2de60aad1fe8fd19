import Foundation
import InsightsCore
import InsightsWire
import Testing

/// The hand-written annotation list response writes exactly what encoding the wire values would.
struct DataCenterAnnotationsResponseTests {
    private static func annotation(_ content: AnnotationContent, reportKey: String = "lint") throws -> Annotation {
        Annotation(
            uuid: UUID(), reportKey: try InsightKey(reportKey), content: content,
            createdAt: Date(timeIntervalSince1970: 1), updatedAt: Date(timeIntervalSince1970: 2))
    }

    static let contents: [AnnotationContent] = [
        AnnotationContent(message: "Only a message"),
        AnnotationContent(
            externalID: "id-1", path: "Sources/a.swift", line: 12, message: "Every field", title: "Cloud only",
            details: "Cloud only", severity: .medium, type: .codeSmell, result: .failed,
            link: "https://example.com/rules/1"),
        AnnotationContent(path: "file-level.swift", line: nil, message: "m", severity: .critical, type: .vulnerability),
        AnnotationContent(
            externalID: #"quote " backslash \ slash /"#, path: "ünïcode 🚀/\t.swift", line: 0,
            message: "control \u{01}\u{1F} newline \n return \r", severity: .low, type: .bug),
    ]

    @Test func writesWhatTheEncoderWrites() throws {
        let annotations = try Self.contents.enumerated().map { index, content in
            try Self.annotation(content, reportKey: index.isMultiple(of: 2) ? "lint" : "coverage.report")
        }
        for list in [[], [annotations[0]], annotations] {
            let encoded = try WireEncoder.bytes(
                DataCenterAnnotations(annotations: list.map(DataCenterAnnotation.init)))
            #expect(
                String(decoding: DataCenterAnnotations.responseBytes(for: list), as: UTF8.self)
                    == String(decoding: encoded, as: UTF8.self))
        }
    }
}
