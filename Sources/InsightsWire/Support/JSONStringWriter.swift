/// Writes JSON string literals into a byte buffer, escaping exactly what `JSONEncoder` escapes with
/// `.withoutEscapingSlashes`: `"`, `\` and control characters (as `\b`, `\t`, `\n`, `\f`, `\r` or `\u00XX`).
/// Everything else, including non-ASCII text, is written as UTF-8.
public enum JSONStringWriter {
    /// Appends `value` as a quoted JSON string.
    ///
    /// - Parameters:
    ///   - value: the text.
    ///   - buffer: where the bytes go.
    public static func append(_ value: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            // Runs without escapes are copied whole.
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                appendEscape(for: byte, to: &buffer)
                start = index + 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        buffer.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The escape sequence for a byte that may not appear raw in a JSON string.
    private static func appendEscape(for byte: UInt8, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): buffer.append(byte)
        case 0x08: buffer.append(UInt8(ascii: "b"))
        case 0x09: buffer.append(UInt8(ascii: "t"))
        case 0x0A: buffer.append(UInt8(ascii: "n"))
        case 0x0C: buffer.append(UInt8(ascii: "f"))
        case 0x0D: buffer.append(UInt8(ascii: "r"))
        default:
            buffer.append(contentsOf: "u00".utf8)
            buffer.append(hexDigits[Int(byte >> 4)])
            buffer.append(hexDigits[Int(byte & 0x0F)])
        }
    }
}
