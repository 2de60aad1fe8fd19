import Foundation

/// The server's two API dialects, with the request bodies, statuses and error bodies the end-to-end tests use.
enum WireDialect: String, CaseIterable, Sendable, CustomStringConvertible {
    case dataCenter = "Data Center"
    case cloud = "Cloud"

    var description: String { rawValue }

    /// The status of an accepted annotation POST: 204 without a body on Data Center, 200 with the stored
    /// annotations on Cloud.
    var annotationsAddedStatus: Int {
        switch self {
        case .dataCenter: 204
        case .cloud: 200
        }
    }

    /// A report PUT body with `title` (and what Cloud requires besides).
    func reportBody(title: String) throws -> String {
        switch self {
        case .dataCenter: try Self.json(DataCenterReportBody(title: title))
        case .cloud: try Self.json(CloudReportBody(title: title, details: "End-to-end test", reportType: "TEST"))
        }
    }

    /// An annotation POST body: one annotation per external id, each with `message`.
    func annotationsBody(externalIDs: [String], message: String) throws -> String {
        switch self {
        case .dataCenter:
            try Self.json(
                DataCenterAnnotationsBody(
                    annotations: externalIDs.map { .init(externalId: $0, message: message, severity: "LOW") }))
        case .cloud:
            try Self.json(
                externalIDs.map { CloudAnnotationBody(externalID: $0, annotationType: "BUG", summary: message) })
        }
    }

    /// The message of `body` when it is this dialect's error body, `nil` when it is not one.
    func errorMessage(in body: Data) -> String? {
        let decoder = JSONDecoder()
        switch self {
        case .dataCenter:
            return (try? decoder.decode(ConnectionLimitsEndToEndTests.DataCenterBody.self, from: body))?.errors.first?
                .message
        case .cloud:
            guard let error = try? decoder.decode(ConnectionLimitsEndToEndTests.CloudBody.self, from: body),
                error.type == "error"
            else { return nil }
            return error.error.message
        }
    }

    private static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}

private struct DataCenterReportBody: Encodable {
    let title: String
}

private struct CloudReportBody: Encodable {
    let title: String
    let details: String
    let reportType: String

    enum CodingKeys: String, CodingKey {
        case title, details
        case reportType = "report_type"
    }
}

private struct DataCenterAnnotationsBody: Encodable {
    struct Item: Encodable {
        let externalId: String
        let message: String
        let severity: String
    }

    let annotations: [Item]
}

private struct CloudAnnotationBody: Encodable {
    let externalID: String
    let annotationType: String
    let summary: String

    enum CodingKeys: String, CodingKey {
        case externalID = "external_id"
        case annotationType = "annotation_type"
        case summary
    }
}
