extension JSONScanner {
    /// An object member's key, read without copying.
    ///
    /// Match it against string literals in a `switch` (`case "runs":`); this compares bytes and allocates nothing.
    /// The bytes belong to the scanner's buffer and are valid only as long as it is.
    struct Key {
        /// The key's bytes between the quotes, escapes not decoded.
        let raw: UnsafeRawBufferPointer
        /// The decoded key when it contains escapes; `nil` when ``raw`` is the key.
        let unescaped: String?

        /// The key as a string.
        var string: String {
            unescaped ?? String(decoding: raw, as: UTF8.self)
        }

        /// Whether `key` spells `name`.
        ///
        /// - Parameters:
        ///   - name: a literal key.
        ///   - key: a key read from the document.
        /// - Returns: `true` when their (decoded) bytes are equal.
        static func ~= (name: StaticString, key: Key) -> Bool {
            name.withUTF8Buffer { expected in
                if let unescaped = key.unescaped { return unescaped.utf8.elementsEqual(expected) }
                guard expected.count == key.raw.count else { return false }
                for index in 0..<expected.count where expected[index] != key.raw[index] { return false }
                return true
            }
        }
    }
}
