/// A setting whose value cannot be used.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The setting.
    public let key: ServerConfiguration.Key
    /// The value given.
    public let value: String
    /// What would have been accepted.
    public let expected: String

    public var description: String {
        "Invalid value '\(value)' for --\(key.rawValue) (\(key.environmentVariable)): expected \(expected)."
    }
}
