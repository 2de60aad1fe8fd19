import Hummingbird
import InsightsCore
import Logging

/// Maps anything a handler throws to a domain error, so each dialect renders one kind of value.
enum ErrorTranslation {
    /// The domain error for `error`: itself when it is one, the matching kind for Hummingbird's HTTP errors, and a
    /// generic `unavailable` (logged in full) for anything unexpected.
    static func insightsError(from error: any Error, logger: Logger) -> InsightsError {
        if let error = error as? InsightsError {
            if error.kind == .unavailable || error.kind == .internalFailure {
                logger.error("Request failed", metadata: ["error": "\(String(reflecting: error))"])
            } else {
                logger.debug("Request rejected", metadata: ["error": "\(error)"])
            }
            return error
        }
        if let error = error as? HTTPError {
            switch error.status {
            case .notFound: return .notFound("No resource exists at this URL.")
            case .methodNotAllowed: return InsightsError(kind: .invalid, message: "This method is not supported here.")
            case .contentTooLarge:
                return InsightsError(kind: .payloadTooLarge, message: "The request body is too large.")
            case .unauthorized: return .unauthenticated
            case .forbidden: return .forbidden("You are not permitted to access this resource")
            default:
                if error.status.code < 500 {
                    return InsightsError(kind: .invalid, message: error.body ?? error.status.reasonPhrase)
                }
            }
        }
        logger.error("Unexpected error", metadata: ["error": "\(String(reflecting: error))"])
        return .internalFailure
    }
}
