import InsightsCore

/// The string grammar of JSON for ``JSONScanner``: finding where a quoted string ends, checking its escapes and
/// UTF-8, and decoding it.
///
/// Strings without escapes (nearly all of them in real tool output) are validated in one pass over their bytes
/// and can then be used in place; only strings with escapes are decoded into new storage.
enum JSONString {
    /// Moves past the string whose opening quote is at `offset`, validating it.
    ///
    /// - Parameters:
    ///   - bytes: the document.
    ///   - offset: on the opening quote; afterwards just past the closing quote.
    /// - Returns: whether the string contains escapes (its raw bytes then differ from its value).
    /// - Throws: ``ConversionError`` on a bad escape, an unescaped control character, invalid UTF-8 or a missing
    ///   closing quote.
    static func skip(_ bytes: UnsafeRawBufferPointer, at offset: inout Int) throws(ConversionError) -> Bool {
        let start = offset + 1
        var index = start
        var hasEscapes = false
        var union: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if union >= 0x80, !isValidUTF8(UnsafeRawBufferPointer(rebasing: bytes[start..<index])) {
                    throw JSONScanner.syntaxError("invalid UTF-8 in a string", at: start, in: bytes)
                }
                offset = index + 1
                return hasEscapes
            }
            if byte == UInt8(ascii: "\\") {
                _ = try unescape(bytes, at: &index)
                hasEscapes = true
            } else if byte < 0x20 {
                throw JSONScanner.syntaxError("unescaped control character in a string", at: index, in: bytes)
            } else {
                union |= byte
                index += 1
            }
        }
        throw JSONScanner.syntaxError("unterminated string", at: index, in: bytes)
    }

    /// The value of a string that ``skip(_:at:)`` validated.
    ///
    /// - Parameters:
    ///   - bytes: the document.
    ///   - content: the bytes between the quotes.
    ///   - hasEscapes: what ``skip(_:at:)`` returned.
    /// - Returns: the string, escapes decoded.
    /// - Throws: ``ConversionError`` when an escape is invalid (never for a string ``skip(_:at:)`` accepted).
    static func value(
        _ bytes: UnsafeRawBufferPointer, content: Range<Int>, hasEscapes: Bool
    ) throws(ConversionError) -> String {
        let raw = UnsafeRawBufferPointer(rebasing: bytes[content])
        guard hasEscapes else { return String(decoding: raw, as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var index = content.lowerBound
        while index < content.upperBound {
            if bytes[index] == UInt8(ascii: "\\") {
                UTF8.encode(try unescape(bytes, at: &index)) { decoded.append($0) }
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// Decodes the escape at `index` (a backslash) and moves past it; `\uXXXX` surrogate pairs become one scalar.
    private static func unescape(
        _ bytes: UnsafeRawBufferPointer, at index: inout Int
    ) throws(ConversionError) -> Unicode.Scalar {
        let start = index
        guard index + 1 < bytes.count else {
            throw JSONScanner.syntaxError("unterminated string", at: index, in: bytes)
        }
        let kind = bytes[index + 1]
        index += 2
        switch kind {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): break
        default: throw JSONScanner.syntaxError("invalid escape sequence", at: start, in: bytes)
        }
        let high = try hexQuad(bytes, at: &index)
        if (0xD800..<0xDC00).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw JSONScanner.syntaxError("unpaired surrogate in \\u escape", at: start, in: bytes) }
            index += 2
            let low = try hexQuad(bytes, at: &index)
            guard (0xDC00..<0xE000).contains(low),
                let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            else { throw JSONScanner.syntaxError("unpaired surrogate in \\u escape", at: start, in: bytes) }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else {
            throw JSONScanner.syntaxError("unpaired surrogate in \\u escape", at: start, in: bytes)
        }
        return scalar
    }

    private static func hexQuad(_ bytes: UnsafeRawBufferPointer, at index: inout Int) throws(ConversionError) -> UInt32
    {
        guard index + 4 <= bytes.count else {
            throw JSONScanner.syntaxError("invalid \\u escape", at: index, in: bytes)
        }
        var value: UInt32 = 0
        for position in index..<index + 4 {
            guard let digit = bytes[position].asciiHexDigitValue else {
                throw JSONScanner.syntaxError("invalid \\u escape", at: index, in: bytes)
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    /// Whether `raw` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
    private static func isValidUTF8(_ raw: UnsafeRawBufferPointer) -> Bool {
        var iterator = raw.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
