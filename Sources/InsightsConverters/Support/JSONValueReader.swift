/// Typed reads over a ``JSONScanner`` for hand-written decoders.
///
/// Each read checks the value's JSON type as `JSONDecoder` does for an optional property (`null` reads as `nil`,
/// any other type is an error) and, when it is wrong, names where the value is: `expected a string, found a number
/// at .runs[0].results[3].level`. The reader tracks that path itself as containers open and close, at the cost of
/// a store per member, so the happy path builds no strings.
///
/// ```swift
/// var reader = JSONValueReader(scanner, path: ".runs[0].results")
/// guard try reader.beginArray() else { return nil }
/// while try reader.nextElement() {
///     guard try reader.beginObject() else { throw reader.mismatch(expected: .object, found: .null) }
///     while let key = try reader.nextKey() {
///         switch key {
///         case "level": level = try reader.string()
///         default: try reader.skip()
///         }
///     }
/// }
/// ```
struct JSONValueReader {
    /// One open container on the path.
    private enum Step {
        /// In an object: the key of the member being read, or `nil` before the first key.
        case member(UnsafeRawBufferPointer?)
        /// In an array: the index of the element being read (-1 before the first).
        case element(Int)
    }

    /// The scanner, positioned after what has been read.
    private(set) var scanner: JSONScanner
    /// The path of the value the reader starts at, e.g. `.runs[0].results`.
    private let prefix: String
    private var steps: [Step] = []

    /// Creates a reader at the scanner's cursor.
    ///
    /// - Parameters:
    ///   - scanner: positioned before a value.
    ///   - path: the JSON path of that value, for error messages (e.g. `.runs[0].results`).
    init(_ scanner: JSONScanner, path: String) {
        self.scanner = scanner
        self.prefix = path
        steps.reserveCapacity(8)
    }

    /// The type of the next value, without consuming it.
    ///
    /// - Returns: the kind, or `nil` when the input ends or no value starts at the cursor.
    mutating func nextKind() -> JSONScanner.ValueKind? {
        scanner.nextKind()
    }

    /// Opens an object value.
    ///
    /// - Returns: `true` when an object was opened (read its members with ``nextKey()``), `false` after consuming
    ///   `null`.
    /// - Throws: ``ConversionError`` when the value is neither an object nor `null`.
    mutating func beginObject() throws(ConversionError) -> Bool {
        guard try expect(.object) else { return false }
        try scanner.beginObject()
        steps.append(.member(nil))
        return true
    }

    /// Moves to the next member of the object opened last.
    ///
    /// - Returns: the key, or `nil` once the object is closed.
    /// - Throws: ``ConversionError`` when the object is malformed.
    mutating func nextKey() throws(ConversionError) -> JSONScanner.Key? {
        guard let key = try scanner.nextKey() else {
            steps.removeLast()
            return nil
        }
        steps[steps.count - 1] = .member(key.raw)
        return key
    }

    /// Opens an array value.
    ///
    /// - Returns: `true` when an array was opened (walk it with ``nextElement()``), `false` after consuming `null`.
    /// - Throws: ``ConversionError`` when the value is neither an array nor `null`.
    mutating func beginArray() throws(ConversionError) -> Bool {
        guard try expect(.array) else { return false }
        try scanner.beginArray()
        steps.append(.element(-1))
        return true
    }

    /// Moves to the next element of the array opened last.
    ///
    /// - Returns: `true` when an element follows, `false` once the array is closed.
    /// - Throws: ``ConversionError`` when the array is malformed.
    mutating func nextElement() throws(ConversionError) -> Bool {
        guard try scanner.nextElement() else {
            steps.removeLast()
            return false
        }
        if case .element(let index) = steps[steps.count - 1] { steps[steps.count - 1] = .element(index + 1) }
        return true
    }

    /// Reads a string value.
    ///
    /// - Returns: the string, or `nil` for `null`.
    /// - Throws: ``ConversionError`` when the value is another type or malformed.
    mutating func string() throws(ConversionError) -> String? {
        guard try expect(.string) else { return nil }
        return try scanner.readString()
    }

    /// Reads an integer value. As with `JSONDecoder`, a number with a fraction or exponent is accepted when its
    /// value is a whole number that fits (`1.0`, `1e2`).
    ///
    /// - Returns: the integer, or `nil` for `null`.
    /// - Throws: ``ConversionError`` when the value is another type, not a whole number or out of range.
    mutating func int() throws(ConversionError) -> Int? {
        guard try expect(.number) else { return nil }
        let token = try scanner.readNumber()
        // Like JSONDecoder: other notations go through `Double` (so `1e-400` reads as 0).
        let parsed = Self.integer(token) ?? Double(String(decoding: token, as: UTF8.self)).flatMap { Int(exactly: $0) }
        if let value = parsed { return value }
        throw mismatch("expected an integer, found \(String(decoding: token, as: UTF8.self))")
    }

    /// Reads a number value as a `Double`.
    ///
    /// - Returns: the number, or `nil` for `null` and for numbers a `Double` cannot represent (`1e400`).
    /// - Throws: ``ConversionError`` when the value is another type or malformed.
    mutating func double() throws(ConversionError) -> Double? {
        guard try expect(.number) else { return nil }
        return Self.double(try scanner.readNumber())
    }

    /// Skips the next value, validating it.
    ///
    /// - Throws: ``ConversionError`` when the value is not valid JSON.
    mutating func skip() throws(ConversionError) {
        _ = try scanner.skipValue()
    }

    /// An error for a value of the wrong type at the current path.
    ///
    /// - Parameters:
    ///   - expected: the type the decoder needs.
    ///   - found: the type in the document.
    /// - Returns: e.g. `expected a string, found a number at .runs[0].results[3].level`.
    func mismatch(expected: JSONScanner.ValueKind, found: JSONScanner.ValueKind) -> ConversionError {
        mismatch("expected \(expected.phrase), found \(found.phrase)")
    }

    /// An error for a required member that the object just closed did not have.
    ///
    /// - Parameter key: the member's key.
    /// - Returns: e.g. `missing 'message' at .runs[0].results[3]`.
    func missing(_ key: String) -> ConversionError {
        ConversionError("missing '\(key)' at \(path)")
    }

    /// `message` followed by the current path.
    private func mismatch(_ message: String) -> ConversionError {
        ConversionError("\(message) at \(path)")
    }

    /// The JSON path of the value being read, e.g. `.runs[0].results[3].locations[0]`.
    private var path: String {
        var path = prefix
        for step in steps {
            switch step {
            case .member(let key?): path += "." + String(decoding: key, as: UTF8.self)
            case .member(nil): continue
            case .element(let index): path += "[\(index)]"
            }
        }
        return path.isEmpty ? "the top level" : path
    }

    /// Checks the next value's type: `true` when it is `kind`, `false` after consuming `null`.
    private mutating func expect(_ kind: JSONScanner.ValueKind) throws(ConversionError) -> Bool {
        switch scanner.nextKind() {
        case kind?:
            return true
        case .null?:
            try skip()
            return false
        case let found?:
            throw mismatch(expected: kind, found: found)
        case nil:
            // Not a value at all: let the scanner describe the syntax error.
            try skip()
            throw scanner.error("expected a value")
        }
    }

    /// The value of a number token made of an optional minus and digits only, when it fits in an `Int`.
    private static func integer(_ token: UnsafeRawBufferPointer) -> Int? {
        let isNegative = token.first == UInt8(ascii: "-")
        var value = 0
        for byte in token.dropFirst(isNegative ? 1 : 0) {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(isNegative ? -Int(digit) : Int(digit))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    /// The value of a number token as a `Double`, or `nil` when it overflows or underflows to zero (where
    /// `JSONDecoder` reports the number as not representable).
    private static func double(_ token: UnsafeRawBufferPointer) -> Double? {
        guard let value = Double(String(decoding: token, as: UTF8.self)), value.isFinite else { return nil }
        if value == 0 {
            // `1e-400` parses as zero; only a zero mantissa really is zero.
            for byte in token {
                if byte | 0x20 == UInt8(ascii: "e") { break }
                if byte &- UInt8(ascii: "1") < 9 { return nil }
            }
        }
        return value
    }
}
