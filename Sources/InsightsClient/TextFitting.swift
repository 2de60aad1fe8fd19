/// Shortens strings to a maximum length in UTF-16 code units (as Bitbucket counts) with a visible marker, and
/// replaces over-long identifiers with stable hash-based ones.
enum TextFitting {
    /// The marker that ends a shortened text.
    static let marker = "…"

    /// `text` unchanged when it fits, otherwise cut at a character boundary and ended with ``marker``, at most
    /// `max` UTF-16 units in all.
    static func truncated(_ text: String, max: Int) -> String {
        guard text.utf16.count > max else { return text }
        let budget = max - marker.utf16.count
        var result = ""
        var used = 0
        for character in text {
            let width = character.utf16.count
            if used + width > budget { break }
            result.append(character)
            used += width
        }
        return result + marker
    }

    /// `id` unchanged when it fits, otherwise its first characters joined to a 16-digit hash of the whole id, so
    /// the replacement is stable across reruns and distinct ids stay distinct.
    static func fittedID(_ id: String, max: Int) -> String {
        guard id.utf16.count > max else { return id }
        let hash = "~" + stableHash(id)
        return truncatedPlain(id, max: min(max, 64) - hash.utf16.count) + hash
    }

    /// A 64-bit FNV-1a hash as 16 lower-case hex digits: identical on every platform and run.
    static func stableHash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func truncatedPlain(_ text: String, max: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let width = character.utf16.count
            if used + width > max { break }
            result.append(character)
            used += width
        }
        return result
    }
}
