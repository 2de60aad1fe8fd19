/// A full git commit id: 40 (SHA-1) or 64 (SHA-256) hexadecimal digits, kept in lower case.
///
/// Both dialects meet on one record because the id is normalised on creation: `ABC…` and `abc…` name the same commit.
public struct CommitID: Hashable, Sendable, CustomStringConvertible {
    /// The lower-case hexadecimal id.
    public let rawValue: String

    /// Creates a commit id from user input.
    ///
    /// - Parameter text: 40 or 64 hexadecimal digits, in any case.
    /// - Throws: ``InsightsError`` (`invalid`, field `commitId`) for anything else.
    public init(_ text: String) throws(InsightsError) {
        let lowered = text.lowercased()
        guard lowered.utf8.count == 40 || lowered.utf8.count == 64,
            lowered.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
        else {
            throw .invalidValue(
                FieldPath("commitId"), "A commit id must be a full 40 or 64 character hexadecimal hash.")
        }
        rawValue = lowered
    }

    public var description: String { rawValue }
}
