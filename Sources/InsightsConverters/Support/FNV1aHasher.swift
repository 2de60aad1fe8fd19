/// The 64-bit FNV-1a hash, fed incrementally; the hash behind ``ExternalIDAllocator``'s ids.
///
/// Feeding parts one by one with ``combine(_:)-(UInt8)`` separators gives the same hash as joining them first,
/// without building the joined string.
struct FNV1aHasher {
    /// The hash of everything combined so far.
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Creates a hasher in the initial state (the hash of no bytes).
    init() {}

    /// Adds one byte, e.g. a `0` separator between parts.
    ///
    /// - Parameter byte: the byte.
    mutating func combine(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// Adds the UTF-8 bytes of `text`.
    ///
    /// - Parameter text: the text.
    mutating func combine(_ text: String) {
        for byte in text.utf8 { combine(byte) }
    }

    /// The hash as 16 lowercase hex digits.
    var hex: String {
        String(unsafeUninitializedCapacity: 16) { digits in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> (60 - 4 * index)) & 0x0F
                digits[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 16
        }
    }
}
