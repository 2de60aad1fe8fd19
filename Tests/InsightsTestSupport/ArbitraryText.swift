public import PropertyBased

/// Generators of hostile Unicode text for round-trip properties: U+0000 and other controls, JSON escapes, quotes and
/// backslashes, astral characters (surrogate pairs in UTF-16), combining marks, right-to-left text and
/// noncharacters, mixed with plain letters.
public enum ArbitraryText {
    /// Fragments that broke, or could break, a store or an encoder.
    public static let hostile: [String] = [
        "\u{0}", "a\u{0}b", "\u{0}\u{0}", "\"", "\\", "\\u0000", "\\\"", "\"\\", "'", "\n", "\r\n", "\t", "\u{7}",
        "\u{1F}", "\u{7F}", "</script>", "&amp;", "%00", "%FF", "{", "}", "\u{2028}", "\u{2029}", "\u{FEFF}",
        "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{10FFFF}", "😀", "👩‍👩‍👧", "🇸🇪", "e\u{301}", "\u{301}",
        "a\u{300}\u{316}\u{35C}",
        "\u{5E9}\u{5DC}\u{5D5}\u{5DD}", "\u{627}\u{644}\u{633}\u{644}\u{627}\u{645}", "\u{202E}abc\u{202C}", "\u{200F}",
        "\u{200D}", "ß", "İ", "Ω", "\u{2126}",
    ]

    /// One piece of text: a hostile fragment, a random scalar from a telling range, or a plain letter.
    public static let piece = Gen<String>.oneOf(
        Gen<String?>.element(of: hostile).map { $0 ?? "" },
        Gen.unicodeScalar(in: "\u{0}"..."\u{7F}").map { String(Character($0)) },
        Gen.unicodeScalar(in: "\u{300}"..."\u{36F}").map { String(Character($0)) },
        Gen.unicodeScalar(in: "\u{590}"..."\u{6FF}").map { String(Character($0)) },
        Gen.unicodeScalar(in: "\u{E000}"..."\u{FFFF}").map { String(Character($0)) },
        Gen.unicodeScalar(in: "\u{10000}"..."\u{10FFFF}").map { String(Character($0)) },
        Gen.letterOrNumber.map { String($0) }
    )

    /// Text of up to `pieces` pieces; may be empty.
    public static func text(pieces: ClosedRange<Int> = 0...24) -> Generator<String, some SendableSequenceType> {
        piece.array(of: pieces).map { $0.joined() }
    }

    /// Text that a required field accepts: it starts with a letter, so it is never blank.
    public static func required() -> Generator<String, some SendableSequenceType> {
        text().map { "x" + $0 }
    }

    /// `text` cut or padded with `a` to exactly `units` UTF-16 code units, never splitting a scalar.
    ///
    /// - Parameters:
    ///   - text: the text to fit.
    ///   - units: the length in UTF-16 code units, as the API's limits count it.
    /// - Returns: the fitted text.
    public static func fitted(_ text: String, toUTF16Count units: Int) -> String {
        var scalars = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            let width = scalar.utf16.count
            guard count + width <= units else { break }
            scalars.append(scalar)
            count += width
        }
        return String(scalars) + String(repeating: "a", count: units - count)
    }

    /// Whether two texts are the same bytes (Swift's `==` treats canonically equivalent strings as equal).
    public static func same(_ lhs: String?, _ rhs: String?) -> Bool {
        lhs.map { Array($0.utf8) } == rhs.map { Array($0.utf8) }
    }
}
