/// The caller-chosen key of a report, unique per repository and commit (Cloud: `external_id`).
///
/// Keys are case-sensitive, non-empty, at most ``InsightLimits/maxKeyLength`` characters long and free of U+0000
/// (``NullCharacterRule``).
public struct InsightKey: Hashable, Sendable, CustomStringConvertible {
    /// The key as given.
    public let rawValue: String

    /// Creates a key from a (percent-decoded) path segment.
    ///
    /// - Parameter text: the key.
    /// - Throws: ``InsightsError`` (`invalid`, field `key`) when empty, too long or containing U+0000.
    public init(_ text: String) throws(InsightsError) {
        guard !text.isEmpty else { throw .missingField(FieldPath("key")) }
        guard text.count <= InsightLimits.maxKeyLength else {
            throw .fieldTooLong(FieldPath("key"), max: InsightLimits.maxKeyLength)
        }
        try NullCharacterRule.check(text, at: FieldPath("key"))
        rawValue = text
    }

    public var description: String { rawValue }
}
