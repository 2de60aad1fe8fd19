public import Foundation

/// Encodes response and request bodies of either dialect: compact JSON, keys in the order the type encodes them
/// (declaration order for synthesized `Codable`), slashes unescaped (see ``StreamingJSONEncoder`` and
/// ``CompactJSONEncoder``).
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
        // Every type of this module encodes in order; anything else still encodes correctly through the tree.
        if let bytes = try StreamingJSONEncoder.encode(value) { return bytes }
        return try CompactJSONEncoder().encode(value)
    }
}
