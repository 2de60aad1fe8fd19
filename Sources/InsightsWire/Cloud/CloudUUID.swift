public import Foundation

/// Cloud's spelling of uuids: lower case in curly braces, e.g. `{3f2a…}` (D53).
public enum CloudUUID {
    /// The braced, lower-case form of a uuid.
    ///
    /// - Parameter uuid: the stored uuid.
    /// - Returns: e.g. `{0f8fad5b-d9cb-469f-a165-70867728950e}`.
    public static func string(_ uuid: UUID) -> String {
        "{\(uuid.uuidString.lowercased())}"
    }

    /// Parses a uuid with or without braces.
    ///
    /// - Parameter text: e.g. `{0f8fad5b-…}` or `0f8fad5b-…`.
    /// - Returns: the uuid, or `nil` when `text` is not one.
    public static func parse(_ text: String) -> UUID? {
        var inner = Substring(text)
        if inner.hasPrefix("{"), inner.hasSuffix("}") {
            inner = inner.dropFirst().dropLast()
        }
        return UUID(uuidString: String(inner))
    }
}
