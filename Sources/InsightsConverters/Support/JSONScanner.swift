/// A forward-only JSON tokenizer over UTF-8 bytes that never builds a tree.
///
/// Converters use it to walk a large document (for example SARIF's `runs[].results[]`) and read only the values
/// they need, straight from the bytes; everything else is skipped without being materialised. Everything the
/// scanner passes over is validated as JSON (RFC 8259): strings with their escapes and UTF-8, numbers, literals,
/// bracket nesting and separators.
///
/// The caller drives it like a cursor:
///
/// ```swift
/// var scanner = JSONScanner(bytes)
/// try scanner.beginObject()
/// while let key = try scanner.nextKey() {
///     switch key {
///     case "runs": try scanner.beginArray(); while try scanner.nextElement() { … }
///     default: _ = try scanner.skipValue()
///     }
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

    /// The first non-whitespace byte at the cursor, without consuming it; `nil` at the end of the input.
    private mutating func peek() -> UInt8? {
        skipWhitespace()
        return offset < bytes.count ? bytes[offset] : nil
    }

    /// The type of the value at the cursor, judged by its first byte (nothing is consumed).
    ///
    /// - Returns: the kind, or `nil` at the end of the input or when no JSON value can start there.
    mutating func nextKind() -> ValueKind? {
        peek().flatMap(ValueKind.init(first:))
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
    /// The key is not copied: match it against literals (`case "runs":`) or ask for ``Key/string``.
    ///
    /// - Returns: the key, or `nil` after consuming the object's `}`.
    /// - Throws: ``ConversionError`` on a missing separator, a bad key or a missing `:`.
    mutating func nextKey() throws(ConversionError) -> Key? {
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
        let key = try scanKey()
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

    /// Reads a number value without converting it.
    ///
    /// - Returns: the number's bytes, validated against the JSON number grammar.
    /// - Throws: ``ConversionError`` when the next value is not a valid number.
    mutating func readNumber() throws(ConversionError) -> UnsafeRawBufferPointer {
        guard state == .expectValue else { throw error("expected a value") }
        guard let byte = peek(), byte == UInt8(ascii: "-") || byte &- UInt8(ascii: "0") < 10 else {
            throw error("expected a number")
        }
        let start = offset
        try skipNumber()
        state = .afterValue
        return UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
    }

    /// Skips one complete value of any type, validating it.
    ///
    /// - Returns: the byte range of the value, e.g. to decode it on its own.
    /// - Throws: ``ConversionError`` when the value is not valid JSON.
    mutating func skipValue() throws(ConversionError) -> Range<Int> {
        guard state == .expectValue else { throw error("expected a value") }
        skipWhitespace()
        let start = offset
        try skip(depth: 0)
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

    /// An error at the cursor that names the byte offset.
    ///
    /// - Parameter message: what is wrong, e.g. `expected a value`.
    /// - Returns: the error.
    func error(_ message: String) -> ConversionError {
        Self.syntaxError(message, at: offset, in: bytes)
    }

    /// An error that names the byte offset where `bytes` stop being valid JSON.
    ///
    /// - Parameters:
    ///   - message: what is wrong, e.g. `expected a value`.
    ///   - position: the offending offset.
    ///   - bytes: the document.
    /// - Returns: the error.
    static func syntaxError(_ message: String, at position: Int, in bytes: UnsafeRawBufferPointer) -> ConversionError {
        if position >= bytes.count { return ConversionError("\(message) (unexpected end of input)") }
        return ConversionError("\(message) at byte \(position)")
    }

    // MARK: - Containers

    private mutating func open(_ bracket: UInt8, expected: String) throws(ConversionError) {
        guard state == .expectValue else { throw error("expected a value") }
        guard peek() == bracket else { throw error("expected \(expected)") }
        offset += 1
        state = .afterOpen
    }

    /// Consumes the closing bracket at the cursor; returns `nil` so callers can `return close()`.
    private mutating func close() -> Key? {
        offset += 1
        state = .afterValue
        return nil
    }

    /// Skips the value at the cursor (after whitespace), recursing into containers; `depth` counts the containers
    /// opened by this skip so far.
    private mutating func skip(depth: Int) throws(ConversionError) {
        guard offset < bytes.count else { throw error("unexpected end of input") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): try skipContainer(isObject: true, depth: depth)
        case UInt8(ascii: "["): try skipContainer(isObject: false, depth: depth)
        case UInt8(ascii: "\""): _ = try JSONString.skip(bytes, at: &offset)
        case UInt8(ascii: "t"): try skipLiteral("true")
        case UInt8(ascii: "f"): try skipLiteral("false")
        case UInt8(ascii: "n"): try skipLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        default: throw error("unexpected character")
        }
    }

    /// Skips an object or array whose opening bracket is at the cursor.
    private mutating func skipContainer(isObject: Bool, depth: Int) throws(ConversionError) {
        guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth)") }
        let closing = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        offset += 1
        if peek() == closing {
            offset += 1
            return
        }
        while true {
            if isObject {
                guard peek() == UInt8(ascii: "\"") else { throw error("expected a string key") }
                _ = try JSONString.skip(bytes, at: &offset)
                guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
                offset += 1
            }
            skipWhitespace()
            try skip(depth: depth + 1)
            switch peek() {
            case closing:
                offset += 1
                return
            case UInt8(ascii: ","):
                offset += 1
                skipWhitespace()
            default:
                throw error(isObject ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        }
    }

    // MARK: - Scalars

    /// Reads the key whose opening quote is at the cursor.
    private mutating func scanKey() throws(ConversionError) -> Key {
        let start = offset + 1
        let hasEscapes = try JSONString.skip(bytes, at: &offset)
        let content = start..<offset - 1
        return Key(
            raw: UnsafeRawBufferPointer(rebasing: bytes[content]),
            unescaped: hasEscapes ? try JSONString.value(bytes, content: content, hasEscapes: true) : nil)
    }

    /// Reads the string whose opening quote is at the cursor.
    private mutating func scanString() throws(ConversionError) -> String {
        let start = offset + 1
        let hasEscapes = try JSONString.skip(bytes, at: &offset)
        return try JSONString.value(bytes, content: start..<offset - 1, hasEscapes: hasEscapes)
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x09, 0x0D: offset += 1
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
}
