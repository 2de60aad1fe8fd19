/// A proxy setting that is missing or whose value cannot be used.
public struct ProxyConfigurationError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, naming the flag and environment variable; never a secret.
    public let message: String

    /// Creates an error with its message.
    ///
    /// - Parameter message: the explanation shown to the user.
    init(_ message: String) {
        self.message = message
    }

    /// A value that is present but invalid.
    ///
    /// - Parameters:
    ///   - key: the setting.
    ///   - value: the value given.
    ///   - expected: what would have been accepted.
    /// - Returns: an error naming the flag and its environment variable.
    static func invalid(_ key: ProxyConfiguration.Key, value: String, expected: String) -> ProxyConfigurationError {
        let source = key.environmentVariable.map { " (\($0))" } ?? ""
        return ProxyConfigurationError("Invalid value '\(value)' for --\(key.rawValue)\(source): expected \(expected).")
    }

    public var description: String { message }
}
