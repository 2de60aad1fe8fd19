extension JSONValue {
    /// A text that is not one JSON value.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        /// The UTF-8 offset where parsing stopped.
        public let offset: Int

        public var description: String { "Invalid JSON at byte \(offset)" }
    }

    /// Parses one JSON value (RFC 8259), surrounded by optional white space.
    ///
    /// A direct recursive-descent parser over the UTF-8 bytes, for small documents read often (a report's stored data
    /// fields): about ten times cheaper than `JSONDecoder` on them. Nesting deeper than 64 levels is rejected.
    ///
    /// - Parameter text: the JSON text.
    /// - Throws: ``ParseError`` when `text` is not exactly one JSON value.
    public init(parsing text: String) throws(ParseError) {
        var text = text
        let parsed = text.withUTF8 { bytes -> Result<JSONValue, ParseError> in
            var parser = JSONParser(bytes: bytes)
            do throws(ParseError) {
                let value = try parser.value(depth: 0)
                parser.skipWhitespace()
                guard parser.position == bytes.count else { throw ParseError(offset: parser.position) }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        self = try parsed.get()
    }
}

/// The parser behind ``JSONValue/init(parsing:)``.
private struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private var failure: JSONValue.ParseError { JSONValue.ParseError(offset: position) }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
        guard depth < 64 else { throw failure }
        skipWhitespace()
        guard position < bytes.count else { throw failure }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: return .number(try number())
        }
    }

    private mutating func object(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
        position += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if try consume(UInt8(ascii: "}")) { return .object(members) }
        repeat {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw failure }
            let key = try string()
            skipWhitespace()
            guard try consume(UInt8(ascii: ":")) else { throw failure }
            members[key] = try value(depth: depth + 1)
            skipWhitespace()
        } while try consume(UInt8(ascii: ","))
        guard try consume(UInt8(ascii: "}")) else { throw failure }
        return .object(members)
    }

    private mutating func array(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if try consume(UInt8(ascii: "]")) { return .array(items) }
        repeat {
            items.append(try value(depth: depth + 1))
            skipWhitespace()
        } while try consume(UInt8(ascii: ","))
        guard try consume(UInt8(ascii: "]")) else { throw failure }
        return .array(items)
    }

    private mutating func consume(_ byte: UInt8) throws(JSONValue.ParseError) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONValue.ParseError) -> JSONValue {
        let length = word.utf8CodeUnitCount
        guard position + length <= bytes.count else { throw failure }
        for index in 0..<length where bytes[position + index] != word.utf8Start[index] { throw failure }
        position += length
        return value
    }

    private mutating func number() throws(JSONValue.ParseError) -> Double {
        let start = position
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        let integerDigits = position - integerStart
        // JSON allows no leading zero before other digits, and needs at least one digit.
        guard integerDigits > 0, !(integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0")) else {
            throw failure
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            try digits()
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            try digits()
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let number = Double(text), number.isFinite else { throw JSONValue.ParseError(offset: start) }
        return number
    }

    private mutating func digits() throws(JSONValue.ParseError) {
        let start = position
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        guard position > start else { throw failure }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func string() throws(JSONValue.ParseError) -> String {
        position += 1
        let start = position
        // Fast path: no escapes before the closing quote.
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
            guard bytes[position] >= 0x20 else { throw failure }
            position += 1
        }
        guard position < bytes.count else { throw failure }
        if bytes[position] == UInt8(ascii: "\"") {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            position += 1
            return text
        }
        var scalars = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &scalars)
            case 0x00..<0x20:
                throw JSONValue.ParseError(offset: position - 1)
            default:
                scalars.append(byte)
            }
        }
        throw failure
    }

    private mutating func escape(into output: inout [UInt8]) throws(JSONValue.ParseError) {
        guard position < bytes.count else { throw failure }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(byte)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low one.
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw failure }
                position += 2
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw failure }
                scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw failure }
            output.append(contentsOf: String(Character(unicode)).utf8)
        default:
            throw JSONValue.ParseError(offset: position - 1)
        }
    }

    private mutating func hexQuad() throws(JSONValue.ParseError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = bytes[position].asciiHexDigitValue else { throw failure }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
