/// Why a file could not be converted. The message names the file position when the parser knows it.
public struct ConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A human-readable explanation.
    public let message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
