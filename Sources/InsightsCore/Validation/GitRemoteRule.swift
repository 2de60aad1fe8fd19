/// What a git remote (a repository's `--git` link) may look like: a local path or a clone URL that git can never
/// read as an option.
public enum GitRemoteRule {
    /// The longest remote accepted, in UTF-8 bytes.
    public static let maxLength = 2048

    /// Checks a remote.
    ///
    /// - Throws: `invalid` (field `git`) for an empty remote, one longer than ``maxLength``, one that starts with
    ///   `-`, contains a control character, or uses git's `ext::` transport (which runs commands).
    public static func check(_ remote: String) throws(InsightsError) {
        let field = FieldPath("git")
        guard !remote.isEmpty else { throw .missingField(field) }
        guard remote.utf8.count <= maxLength else { throw .fieldTooLong(field, max: maxLength) }
        guard !remote.hasPrefix("-") else {
            throw .invalidValue(field, "A git remote must not start with '-'.")
        }
        guard remote.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F }) else {
            throw .invalidValue(field, "A git remote must not contain control characters.")
        }
        guard !remote.lowercased().hasPrefix("ext::") else {
            throw .invalidValue(field, "The ext:: transport is not allowed.")
        }
    }
}
