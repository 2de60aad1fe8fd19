import Foundation

/// The server's `GET …/reports/{key}/annotations` answer.
struct StoredAnnotations: Decodable {
    /// One stored annotation, as the Data Center dialect returns it.
    struct Item: Decodable {
        let externalId: String?
        let path: String?
        let line: Int?
        let message: String
        let severity: String?
    }

    let annotations: [Item]

    /// How many annotations have each severity.
    var severityCounts: [String: Int] {
        annotations.reduce(into: [:]) { counts, item in counts[item.severity ?? "", default: 0] += 1 }
    }
}
