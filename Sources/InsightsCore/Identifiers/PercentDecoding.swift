extension StringProtocol {
    /// The text with every `%XX` escape replaced by the byte it encodes, or `nil` when a `%` is not followed by two
    /// hexadecimal digits or the decoded bytes are not UTF-8: the same answers as Foundation's
    /// `removingPercentEncoding`, without its bridge through `NSString` (on Linux, slow and serialized across
    /// threads; it stalled the server's request path).
    public var percentDecoded: String? {
        let utf8 = self.utf8
        guard utf8.contains(UInt8(ascii: "%")) else { return String(self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard index != utf8.endIndex, let high = utf8[index].asciiHexDigitValue else { return nil }
            index = utf8.index(after: index)
            guard index != utf8.endIndex, let low = utf8[index].asciiHexDigitValue else { return nil }
            index = utf8.index(after: index)
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
