import Foundation
public import InsightsCore

/// Cloud's error body: `{"type":"error","error":{"message":…,"detail":…,"fields":{…}}}`; `detail` and `fields` are
/// optional. `fields` maps an offending field, in Cloud spelling, to its messages.
public struct CloudErrorBody: Codable, Sendable, Equatable {
    /// The inner error object.
    public struct Detail: Codable, Sendable, Equatable {
        /// A human-readable explanation; required.
        public var message: String
        /// More detail; optional.
        public var detail: String?
        /// The offending fields and what is wrong with each; optional.
        public var fields: [String: [String]]?

        /// Creates the inner object.
        public init(message: String, detail: String? = nil, fields: [String: [String]]? = nil) {
            self.message = message
            self.detail = detail
            self.fields = fields
        }
    }

    /// Always `"error"`.
    public var type: String
    /// What went wrong.
    public var error: Detail

    /// Creates a body.
    public init(message: String, detail: String? = nil, fields: [String: [String]]? = nil) {
        type = "error"
        error = Detail(message: message, detail: detail, fields: fields)
    }

    /// What Bitbucket Cloud answers for a resource that does not exist.
    public static let notFoundMessage = "Resource not found"

    /// Renders a domain error the way Bitbucket Cloud does: a missing resource as `Resource not found` with the
    /// domain's explanation as `detail`, and fields named in Cloud spelling (`summary`, not `message`) both in the
    /// message and in `fields`.
    public init(_ error: InsightsError) {
        if error.kind == .notFound {
            self.init(
                message: Self.notFoundMessage, detail: error.message == Self.notFoundMessage ? nil : error.message)
            return
        }
        guard let field = error.field, !field.components.isEmpty else {
            self.init(message: error.message)
            return
        }
        let cloudField = CloudSpelling.cloudPath(field)
        let message = error.message.replacing("'\(field)'", with: "'\(cloudField)'")
        self.init(message: message, detail: "Field: \(cloudField)", fields: ["\(cloudField)": [message]])
    }
}
