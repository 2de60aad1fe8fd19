public import Foundation

/// Encodes response and request bodies of either dialect with stable key order.
public enum WireEncoder {
    /// Encodes `value` as compact JSON with sorted keys and unescaped slashes.
    ///
    /// - Throws: only if `value`'s encoding throws (the dialect types never do for finite numbers).
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
