import Foundation
public import InsightsCore

/// Cloud's error body: `{"type":"error","error":{"message":…,"detail":…}}`; `detail` is optional.
public struct CloudErrorBody: Codable, Sendable, Equatable {
    /// The inner error object.
    public struct Detail: Codable, Sendable, Equatable {
        /// A human-readable explanation; required.
        public var message: String
        /// More detail, e.g. the offending field; optional.
        public var detail: String?

        /// Creates the inner object.
        public init(message: String, detail: String? = nil) {
            self.message = message
            self.detail = detail
        }
    }

    /// Always `"error"`.
    public var type: String
    /// What went wrong.
    public var error: Detail

    /// Creates a body.
    public init(message: String, detail: String? = nil) {
        type = "error"
        error = Detail(message: message, detail: detail)
    }

    /// Renders a domain error the way Bitbucket Cloud does, naming fields in Cloud spelling (`summary`, not
    /// `message`).
    public init(_ error: InsightsError) {
        guard let field = error.field, !field.components.isEmpty else {
            self.init(message: error.message)
            return
        }
        let cloudField = CloudSpelling.cloudPath(field)
        let message = error.message.replacing("'\(field)'", with: "'\(cloudField)'")
        self.init(message: message, detail: "Field: \(cloudField)")
    }
}
