/// Where Swift concurrency runs tasks, chosen with `INSIGHTS_EXECUTOR` before anything else starts.
///
/// `event-loop` (the default) runs them on SwiftNIO's event loops, so an HTTP handler shares its connection's thread:
/// the most requests per second. `swift` keeps Swift's own executor: fewer requests per second at saturation, but
/// none of the occasional stalls of 0.2–1.7 s measured with `event-loop` at saturation (docs/PERFORMANCE.md).
enum TaskExecutorChoice: String, CaseIterable {
    /// SwiftNIO's event loops.
    case eventLoop = "event-loop"
    /// Swift concurrency's default executor.
    case swift

    /// The environment variable that chooses.
    static let variable = "INSIGHTS_EXECUTOR"

    /// The choice `environment` makes; unset or empty means ``eventLoop``.
    ///
    /// - Returns: the choice, or the message for a value that names none.
    static func chosen(in environment: [String: String]) -> Result<Self, UsageMessage> {
        guard let value = environment[variable], !value.isEmpty else { return .success(.eventLoop) }
        guard let choice = Self(rawValue: value) else {
            let known = allCases.map(\.rawValue).joined(separator: " or ")
            return .failure(UsageMessage(text: "\(variable) must be \(known), not '\(value)'."))
        }
        return .success(choice)
    }

    /// A usage error found before the command line is parsed.
    struct UsageMessage: Error {
        /// What to print.
        let text: String
    }
}
