/// git's C-style quoting of paths (`core.quotePath`), shared by every reader of git's output.
public enum GitQuoting {
    /// Decodes git's C-style quoting: `"a\tb\303\251"` with `\a \b \t \n \v \f \r \" \\` and octal bytes.
    ///
    /// - Parameter text: the quoted text, quotes included.
    /// - Returns: the decoded string, or `nil` when the quoting is malformed or not UTF-8.
    public static func unquote(_ text: Substring) -> String? {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return nil }
        var bytes: [UInt8] = []
        var iterator = Array(text.dropFirst().dropLast().utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "\\") else {
                bytes.append(byte)
                continue
            }
            guard let escaped = iterator.next() else { return nil }
            switch escaped {
            case UInt8(ascii: "a"): bytes.append(0x07)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "v"): bytes.append(0x0B)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                guard let second = iterator.next(), let third = iterator.next() else { return nil }
                let digits = [escaped, second, third].map { Int($0) - Int(UInt8(ascii: "0")) }
                guard digits.allSatisfy({ (0...7).contains($0) }) else { return nil }
                let value = digits[0] * 64 + digits[1] * 8 + digits[2]
                guard value <= 255 else { return nil }
                bytes.append(UInt8(value))
            default: bytes.append(escaped)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
