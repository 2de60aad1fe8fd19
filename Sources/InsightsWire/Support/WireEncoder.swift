public import Foundation

/// Encodes response and request bodies of either dialect: compact JSON, keys in the order the type encodes them
/// (declaration order for synthesized `Codable`), slashes unescaped (see ``CompactJSONEncoder``).
public enum WireEncoder {
    /// Encodes `value`.
    ///
    /// - Throws: `EncodingError` for a non-finite number (the dialect types never hold one).
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        Data(try bytes(value))
    }

    /// Encodes `value` into bytes, for a response body.
    ///
    /// - Throws: `EncodingError` for a non-finite number (the dialect types never hold one).
    public static func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        try CompactJSONEncoder().encode(value)
    }
}
