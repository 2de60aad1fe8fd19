import HTTPTypes
import InsightsCore

extension InsightsError.Kind {
    /// The HTTP status every dialect answers for this kind of error.
    var httpStatus: HTTPResponse.Status {
        switch self {
        case .invalid: .badRequest
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .payloadTooLarge: .contentTooLarge
        case .unavailable: .serviceUnavailable
        case .internalFailure: .internalServerError
        }
    }
}
