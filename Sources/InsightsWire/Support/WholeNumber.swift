/// Decodes whole numbers so that a fractional or out-of-range value is a type mismatch at its own key (JSONDecoder
/// otherwise reports it without the key, and the error could not name the field).
enum WholeNumber {
    /// Decodes an optional integer at `key`.
    ///
    /// - Throws: `DecodingError.typeMismatch` at `key` for a number that is not a whole `Int`, or for a non-number.
    static func decode<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> Int? {
        guard let number = try container.decodeIfPresent(Double.self, forKey: key) else { return nil }
        guard number.rounded() == number, let whole = Int(exactly: number) else {
            throw DecodingError.typeMismatch(
                Int.self,
                DecodingError.Context(
                    codingPath: container.codingPath + [key], debugDescription: "Expected a whole number."))
        }
        return whole
    }
}
