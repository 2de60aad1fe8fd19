/// A forward-only JSON tokenizer over UTF-8 bytes that never builds a tree.
///
/// Converters use it to walk the outer structure of a large document (for example SARIF's `runs[].results[]`)
/// and hand the byte range of each interesting value to a decoder, so only one small piece of the document is
/// materialised at a time. Everything the scanner passes over is validated as JSON (RFC 8259): strings with
/// their escapes, numbers, literals, bracket nesting and separators.
///
/// The caller drives it like a cursor:
///
/// ```swift
/// var scanner = JSONScanner(bytes)
/// try scanner.beginObject()
/// while let key = try scanner.nextMember() {
///     if key == "runs" { try scanner.beginArray(); while try scanner.nextElement() { … } }
///     else { _ = try scanner.skipValue() }
/// }
/// try scanner.finish()
/// ```
///
/// Every method throws ``ConversionError`` with the byte offset on malformed input. The scanner borrows its
/// bytes: use it only while the buffer is valid (inside `withUnsafeBytes`).
struct JSONScanner {
    /// Where the cursor stands relative to the innermost open container.
    private enum State {
        /// Right after `{` or `[`: the container may close at once.
        case afterOpen
        /// A value is required next (document start, after `:` or after `,` in an array).
        case expectValue
        /// A value was just completed: `,` or the closing bracket must follow.
        case afterValue
    }

    /// The deepest nesting accepted, as in Foundation's `JSONDecoder`.
    static let maximumDepth = 512

    private let bytes: UnsafeRawBufferPointer
    private var state = State.expectValue
    /// The offset of the next unread byte.
    private(set) var offset = 0

    /// Creates a scanner positioned at the start of `bytes`, expecting one JSON value.
    ///
    /// - Parameter bytes: UTF-8 JSON; it must outlive the scanner.
    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The first non-whitespace byte at the cursor, without consuming it.
    ///
    /// - Returns: the byte, or `nil` at the end of the input.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return offset < bytes.count ? bytes[offset] : nil
    }

    /// Whether the next value is the literal `null`.
    ///
    /// - Returns: `true` when the value at the cursor is `null` (nothing is consumed).
    mutating func isNullNext() -> Bool {
        guard peek() == UInt8(ascii: "n"), offset + 4 <= bytes.count else { return false }
        return bytes[offset + 1] == UInt8(ascii: "u") && bytes[offset + 2] == UInt8(ascii: "l")
            && bytes[offset + 3] == UInt8(ascii: "l")
    }

    /// Consumes the `{` that opens an object value.
    ///
    /// - Throws: ``ConversionError`` when the next value is not an object.
    mutating func beginObject() throws(ConversionError) {
        try open(UInt8(ascii: "{"), expected: "an object")
    }

    /// Consumes the `[` that opens an array value.
    ///
    /// - Throws: ``ConversionError`` when the next value is not an array.
    mutating func beginArray() throws(ConversionError) {
        try open(UInt8(ascii: "["), expected: "an array")
    }

    /// Moves to the next member of the innermost object and reads its key; the caller then consumes the value.
    ///
    /// - Returns: the decoded key, or `nil` after consuming the object's `}`.
    /// - Throws: ``ConversionError`` on a missing separator, a bad key or a missing `:`.
    mutating func nextMember() throws(ConversionError) -> String? {
        let byte = peek()
        switch state {
        case .afterOpen:
            if byte == UInt8(ascii: "}") { return close() }
        case .afterValue:
            if byte == UInt8(ascii: "}") { return close() }
            guard byte == UInt8(ascii: ",") else { throw error("expected ',' or '}'") }
            offset += 1
        case .expectValue:
            throw error("expected a value")
        }
        guard peek() == UInt8(ascii: "\"") else { throw error("expected a string key") }
        let key = try scanString()
        guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
        offset += 1
        state = .expectValue
        return key
    }

    /// Moves to the next element of the innermost array; the caller then consumes the element.
    ///
    /// - Returns: `true` when an element follows, `false` after consuming the array's `]`.
    /// - Throws: ``ConversionError`` on a missing separator.
    mutating func nextElement() throws(ConversionError) -> Bool {
        let byte = peek()
        switch state {
        case .afterOpen:
            if byte == UInt8(ascii: "]") { return close() != nil }
        case .afterValue:
            if byte == UInt8(ascii: "]") { return close() != nil }
            guard byte == UInt8(ascii: ",") else { throw error("expected ',' or ']'") }
            offset += 1
        case .expectValue:
            throw error("expected a value")
        }
        state = .expectValue
        return true
    }

    /// Reads a string value.
    ///
    /// - Returns: the string with escapes (including `\uXXXX` surrogate pairs) decoded.
    /// - Throws: ``ConversionError`` when the next value is not a valid string.
    mutating func readString() throws(ConversionError) -> String {
        guard state == .expectValue else { throw error("expected a value") }
        guard peek() == UInt8(ascii: "\"") else { throw error("expected a string") }
        let value = try scanString()
        state = .afterValue
        return value
    }

    /// Skips one complete value of any type, validating it.
    ///
    /// - Returns: the byte range of the value, e.g. to decode it on its own.
    /// - Throws: ``ConversionError`` when the value is not valid JSON.
    mutating func skipValue() throws(ConversionError) -> Range<Int> {
        guard state == .expectValue else { throw error("expected a value") }
        guard let byte = peek() else { throw error("unexpected end of input") }
        let start = offset
        try skip(first: byte, depth: 0)
        state = .afterValue
        return start..<offset
    }

    /// Checks that nothing but whitespace follows the document.
    ///
    /// - Throws: ``ConversionError`` when the document is incomplete or has trailing content.
    mutating func finish() throws(ConversionError) {
        guard state == .afterValue else { throw error("unexpected end of input") }
        guard peek() == nil else { throw error("unexpected content after the document") }
    }

    // MARK: - Containers

    private mutating func open(_ bracket: UInt8, expected: String) throws(ConversionError) {
        guard state == .expectValue else { throw error("expected a value") }
        guard peek() == bracket else { throw error("expected \(expected)") }
        offset += 1
        state = .afterOpen
    }

    /// Consumes the closing bracket at the cursor; returns a non-nil marker so callers can `return close()`.
    private mutating func close() -> String? {
        offset += 1
        state = .afterValue
        return nil
    }

    /// Skips a value whose first byte is `first`, recursing into containers.
    private mutating func skip(first: UInt8, depth: Int) throws(ConversionError) {
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth)") }
            let isObject = first == UInt8(ascii: "{")
            state = .expectValue
            if isObject { try beginObject() } else { try beginArray() }
            while try isObject ? nextMember() != nil : nextElement() {
                guard let next = peek() else { throw error("unexpected end of input") }
                try skip(first: next, depth: depth + 1)
                state = .afterValue
            }
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "t"): try skipLiteral("true")
        case UInt8(ascii: "f"): try skipLiteral("false")
        case UInt8(ascii: "n"): try skipLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try skipNumber()
        default:
            throw error("unexpected character")
        }
    }

    // MARK: - Scalars

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    private mutating func skipLiteral(_ literal: StaticString) throws(ConversionError) {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { throw error("unexpected end of input") }
        let matches = literal.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[offset + $0] == expected[$0] }
        }
        guard matches else { throw error("invalid literal") }
        offset += count
    }

    /// Skips `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func skipNumber() throws(ConversionError) {
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else {
            guard skipDigits() > 0 else { throw error("invalid number") }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard skipDigits() > 0 else { throw error("invalid number") }
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard skipDigits() > 0 else { throw error("invalid number") }
        }
    }

    private mutating func skipDigits() -> Int {
        let start = offset
        while offset < bytes.count, bytes[offset] &- UInt8(ascii: "0") < 10 { offset += 1 }
        return offset - start
    }

    /// Skips a string at the cursor (which is on its opening quote), validating escapes.
    private mutating func skipString() throws(ConversionError) {
        offset += 1
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                _ = try escape()
            } else if byte < 0x20 {
                throw error("unescaped control character in a string")
            } else {
                offset += 1
            }
        }
        throw error("unterminated string")
    }

    /// Reads a string at the cursor (which is on its opening quote) into a `String`.
    private mutating func scanString() throws(ConversionError) -> String {
        let start = offset + 1
        try skipString()
        let end = offset - 1
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        guard raw.contains(UInt8(ascii: "\\")) else {
            guard let string = Self.validatedString(raw) else { throw error("invalid UTF-8 in a string", at: start) }
            return string
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        let resume = offset
        offset = start
        while offset < end {
            if bytes[offset] == UInt8(ascii: "\\") {
                decoded.append(contentsOf: String(Character(try escape())).utf8)
            } else {
                decoded.append(bytes[offset])
                offset += 1
            }
        }
        offset = resume
        guard let string = decoded.withUnsafeBytes({ Self.validatedString($0) }) else {
            throw error("invalid UTF-8 in a string", at: start)
        }
        return string
    }

    /// Decodes the escape at the cursor (a backslash) and moves past it.
    private mutating func escape() throws(ConversionError) -> Unicode.Scalar {
        guard offset + 1 < bytes.count else { throw error("unterminated string") }
        let kind = bytes[offset + 1]
        offset += 2
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
        default: throw error("invalid escape sequence", at: offset - 2)
        }
        let high = try hexQuad()
        if (0xD800..<0xDC00).contains(high) {
            guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
            else { throw error("unpaired surrogate in \\u escape") }
            offset += 2
            let low = try hexQuad()
            guard (0xDC00..<0xE000).contains(low),
                let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            else { throw error("unpaired surrogate in \\u escape") }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else { throw error("unpaired surrogate in \\u escape") }
        return scalar
    }

    private mutating func hexQuad() throws(ConversionError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw error("invalid \\u escape") }
        var value: UInt32 = 0
        for index in offset..<offset + 4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        offset += 4
        return value
    }

    private static func validatedString(_ raw: UnsafeRawBufferPointer) -> String? {
        String(validating: raw.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    }

    private func error(_ message: String, at position: Int? = nil) -> ConversionError {
        let position = position ?? offset
        if position >= bytes.count { return ConversionError("\(message) (unexpected end of input)") }
        return ConversionError("\(message) at byte \(position)")
    }
}
