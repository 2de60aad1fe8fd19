public import InsightsCore

/// Data Center's error body: `{"errors":[{"context":…,"message":…,"exceptionName":…}]}`.
public struct DataCenterErrorBody: Codable, Sendable, Equatable {
    /// One problem.
    public struct Entry: Codable, Sendable, Equatable {
        /// The offending JSON field, or `null`.
        public var context: String?
        /// A human-readable explanation.
        public var message: String
        /// The Bitbucket exception class name, or `null`.
        public var exceptionName: String?

        /// Creates an entry.
        public init(context: String?, message: String, exceptionName: String?) {
            self.context = context
            self.message = message
            self.exceptionName = exceptionName
        }

        // `context` and `exceptionName` are written as explicit nulls, as Bitbucket does.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(context, forKey: .context)
            try container.encode(message, forKey: .message)
            try container.encode(exceptionName, forKey: .exceptionName)
        }
    }

    /// The problems, usually one.
    public var errors: [Entry]

    /// Creates a body.
    public init(errors: [Entry]) {
        self.errors = errors
    }

    /// Renders a domain error the way Bitbucket Data Center does.
    public init(_ error: InsightsError) {
        errors = [
            Entry(
                context: error.field.flatMap { $0.components.isEmpty ? nil : $0.description },
                message: error.message,
                exceptionName: Self.exceptionName(for: error))
        ]
    }

    private static func exceptionName(for error: InsightsError) -> String? {
        // A 401 for a request without credentials is Bitbucket's "authentication required", not a wrong password.
        if error == .authenticationRequired { return "com.atlassian.bitbucket.auth.AuthenticationRequiredException" }
        return exceptionName(for: error.kind)
    }

    private static func exceptionName(for kind: InsightsError.Kind) -> String? {
        switch kind {
        case .invalid: "com.atlassian.bitbucket.validation.ArgumentValidationException"
        case .unauthenticated: "com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException"
        case .forbidden: "com.atlassian.bitbucket.AuthorisationException"
        case .notFound: "com.atlassian.bitbucket.NoSuchEntityException"
        case .conflict: "com.atlassian.bitbucket.DuplicateEntityException"
        case .payloadTooLarge: "com.atlassian.bitbucket.validation.ArgumentValidationException"
        case .unavailable, .internalFailure: "com.atlassian.bitbucket.ServiceException"
        }
    }
}
