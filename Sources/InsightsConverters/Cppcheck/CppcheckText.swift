/// Undoes the escaping cppcheck applies to message text.
///
/// cppcheck writes every byte that is not printable ASCII — newlines, tabs and each byte of a UTF-8 character — as a
/// backslash and three octal digits (`\012`, `\303\251`) before XML-escaping the text.
enum CppcheckText {
    /// Turns `\ooo` escapes back into bytes and decodes the result as UTF-8.
    ///
    /// - Parameter text: an attribute value as the XML parser returned it.
    /// - Returns: the text with escapes replaced; text without escapes is returned unchanged, and a backslash not
    ///   followed by three octal digits (at most `\377`) is kept.
    static func unescaped(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), let value = octalByte(bytes, at: index + 1) {
                output.append(value)
                index += 4
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The byte written as three octal digits starting at `start`, or `nil` when there are none or they exceed 255.
    private static func octalByte(_ bytes: [UInt8], at start: Int) -> UInt8? {
        guard start + 3 <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + 3] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "7") else { return nil }
            value = value * 8 + Int(byte - UInt8(ascii: "0"))
        }
        return value <= 0o377 ? UInt8(value) : nil
    }
}
