/// Every error the domain and the stores report, independent of any dialect.
///
/// Each dialect maps ``kind`` to an HTTP status and renders ``message`` and ``field`` in its own error body.
/// New cases are added as static members, so callers never switch over an exhaustive list of reasons.
public struct InsightsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad class of an error; it decides the HTTP status.
    public enum Kind: Sendable, Equatable {
        /// The request is malformed or breaks a rule (400).
        case invalid
        /// No credentials, or wrong ones (401).
        case unauthenticated
        /// Authenticated, but not allowed (403).
        case forbidden
        /// The addressed repository, report or annotation does not exist (404).
        case notFound
        /// The request conflicts with stored state (409).
        case conflict
        /// The request body is larger than the server accepts (413).
        case payloadTooLarge
        /// The store cannot be reached or failed (503).
        case unavailable
        /// An unexpected failure inside the server (500); details are logged, never shown.
        case internalFailure
    }

    /// The broad class of the error.
    public let kind: Kind
    /// The offending field, in canonical names, when one can be named.
    public let field: FieldPath?
    /// A human-readable explanation, safe to show to the caller.
    public let message: String

    /// Creates an error; prefer the static factories.
    public init(kind: Kind, field: FieldPath? = nil, message: String) {
        self.kind = kind
        self.field = field
        self.message = message
    }

    public var description: String {
        if let field { return "\(field): \(message)" }
        return message
    }

    /// A required field is absent or empty.
    public static func missingField(_ field: FieldPath) -> InsightsError {
        InsightsError(
            kind: .invalid, field: field, message: "\(field.components.isEmpty ? "A value" : "'\(field)'") is required."
        )
    }

    /// A string is longer than allowed.
    public static func fieldTooLong(_ field: FieldPath, max: Int) -> InsightsError {
        InsightsError(kind: .invalid, field: field, message: "'\(field)' must be at most \(max) characters long.")
    }

    /// A value has the wrong type, range or spelling.
    public static func invalidValue(_ field: FieldPath, _ reason: String) -> InsightsError {
        InsightsError(kind: .invalid, field: field, message: reason)
    }

    /// A report carries more data fields than the dialect allows.
    public static func tooManyDataFields(max: Int) -> InsightsError {
        InsightsError(
            kind: .invalid, field: FieldPath("data"), message: "A report may have at most \(max) data fields.")
    }

    /// The request would take a report past its annotation cap; nothing was stored.
    public static func annotationCapExceeded(max: Int) -> InsightsError {
        InsightsError(
            kind: .invalid, field: FieldPath("annotations"),
            message: "A report may have at most \(max) annotations; the request was rejected and nothing was stored.")
    }

    /// One request carries more annotations than the dialect allows per request.
    public static func tooManyAnnotationsInRequest(max: Int) -> InsightsError {
        InsightsError(
            kind: .invalid, field: FieldPath("annotations"),
            message: "Bulk upload supports a maximum of \(max) annotations.")
    }

    /// An external id occurs twice in a request, or already exists where it must be new.
    public static func duplicateExternalID(_ field: FieldPath, _ id: String) -> InsightsError {
        InsightsError(kind: .invalid, field: field, message: "The external id '\(id)' is already used in this report.")
    }

    /// The named thing does not exist.
    public static func notFound(_ what: String) -> InsightsError {
        InsightsError(kind: .notFound, message: what)
    }

    /// The caller may not do this.
    public static func forbidden(_ reason: String) -> InsightsError {
        InsightsError(kind: .forbidden, message: reason)
    }

    /// Credentials were presented and are wrong: an unknown user, a wrong password, an unknown or expired token.
    public static let unauthenticated = InsightsError(
        kind: .unauthenticated, message: "Authentication failed. Please check your credentials and try again.")

    /// The request carried no credentials, and what it asks for needs a signed-in user.
    ///
    /// Same ``Kind/unauthenticated`` (401) as ``unauthenticated``, but it does not claim a wrong password.
    public static let authenticationRequired = InsightsError(
        kind: .unauthenticated,
        message: "Authentication is required: the request carried no credentials. Please sign in and try again.")

    /// The request conflicts with stored state.
    public static func conflict(_ reason: String) -> InsightsError {
        InsightsError(kind: .conflict, message: reason)
    }

    /// The request body is too large.
    public static func payloadTooLarge(max: Int) -> InsightsError {
        InsightsError(kind: .payloadTooLarge, message: "The request body exceeds the limit of \(max) bytes.")
    }

    /// Something unexpected failed; the underlying error is logged, never shown.
    public static let internalFailure = InsightsError(
        kind: .internalFailure, message: "An unexpected error occurred. It has been logged.")

    /// The store failed; the underlying error is logged, never shown.
    public static let unavailable = InsightsError(
        kind: .unavailable, message: "The service is temporarily unavailable. Please try again.")
}
