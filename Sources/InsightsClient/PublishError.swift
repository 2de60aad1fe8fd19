/// Why publishing failed, with the server's own error message when it sent one. Never contains credentials.
public struct PublishError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of failure; compare against the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) { self.name = name }

        /// The server answered with an error status (after any retries).
        public static let refused = Code("refused")
        /// The server could not be reached (after any retries).
        public static let unreachable = Code("unreachable")
        /// The server answered something this client cannot read.
        public static let invalidResponse = Code("invalidResponse")
        /// The request could not be built (e.g. a bad URL).
        public static let invalidRequest = Code("invalidRequest")

        public var description: String { name }
    }

    /// The class of failure.
    public let code: Code
    /// The method and URL of the failing request, e.g. `PUT http://…/reports/key`.
    public let request: String
    /// The HTTP status, when the server answered.
    public let status: Int?
    /// The server's own message from its error body, or a description of the transport error.
    public let message: String
    /// How many attempts were made.
    public let attempts: Int

    /// Creates an error.
    public init(code: Code, request: String, status: Int? = nil, message: String, attempts: Int = 1) {
        self.code = code
        self.request = request
        self.status = status
        self.message = message
        self.attempts = attempts
    }

    public var description: String {
        let tries = attempts > 1 ? " after \(attempts) attempts" : ""
        if let status { return "\(request) failed with HTTP \(status)\(tries): \(message)" }
        return "\(request) failed\(tries): \(message)"
    }
}
