import InsightsReview
import Mustache

/// One row of a unified diff, with the annotations shown right under it.
struct DiffRowView: Sendable {
    /// The CSS modifier: `context`, `added` or `removed`.
    let kind: String
    /// ` `, `+` or `-`.
    let marker: String
    /// The old-side line number; `nil` for an added row.
    let oldLine: Int?
    /// The new-side line number; `nil` for a removed row.
    let newLine: Int?
    /// The line's text.
    let text: String
    /// Whether annotations are shown under the row.
    let hasAnnotations: Bool
    /// The annotations on this row, by line then input order.
    let annotations: [AnnotationView]

    /// The view of a diff row.
    ///
    /// - Parameters:
    ///   - row: the row.
    ///   - annotations: the annotations placed on it.
    init(_ row: DiffRow, annotations: [AnnotationView]) {
        (kind, marker) =
            switch row.kind {
            case .context: ("context", " ")
            case .added: ("added", "+")
            case .removed: ("removed", "-")
            }
        oldLine = row.oldLine
        newLine = row.newLine
        text = row.text
        hasAnnotations = !annotations.isEmpty
        self.annotations = annotations
    }
}

/// Answers Mustache's lookups directly instead of through `Mirror`, which took two thirds of the time to render a
/// 5,000-row diff with 1,000 annotations. `MustacheParentTests` checks that every stored property is answered.
extension DiffRowView: MustacheParent {
    /// The stored property named `name`, `nil` for an absent optional or an unknown name.
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "marker": marker
        case "oldLine": oldLine
        case "newLine": newLine
        case "text": text
        case "hasAnnotations": hasAnnotations
        case "annotations": annotations
        default: nil
        }
    }
}
