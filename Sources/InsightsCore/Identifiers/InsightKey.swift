/// The caller-chosen key of a report, unique per repository and commit (Cloud: `external_id`).
///
/// Keys are case-sensitive, non-empty and at most ``InsightLimits/maxKeyLength`` characters long.
public struct InsightKey: Hashable, Sendable, CustomStringConvertible {
    /// The key as given.
    public let rawValue: String

    /// Creates a key from a (percent-decoded) path segment.
    ///
    /// - Parameter text: the key.
    /// - Throws: ``InsightsError`` (`invalid`, field `key`) when empty or too long.
    public init(_ text: String) throws(InsightsError) {
        guard !text.isEmpty else { throw .missingField(FieldPath("key")) }
        guard text.count <= InsightLimits.maxKeyLength else {
            throw .fieldTooLong(FieldPath("key"), max: InsightLimits.maxKeyLength)
        }
        rawValue = text
    }

    public var description: String { rawValue }
}
