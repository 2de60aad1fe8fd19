/// The rule for U+0000 in identifiers and paths: rejected, in both dialects and every store.
///
/// Report keys, annotation external ids, annotation paths, repository names and commit ids address stored rows.
/// Drivers and databases that treat text as C strings cut such a value at its first U+0000 (`a\u0000b` became `a`,
/// aliasing another report), and PostgreSQL's `text` cannot hold it at all, so these fields never contain it. Free
/// text (titles, details, messages) is stored exactly instead; see `docs/api-decisions.md`.
public enum NullCharacterRule {
    /// Whether `text` contains U+0000.
    ///
    /// - Parameter text: the value to check.
    /// - Returns: `true` when any scalar is U+0000.
    public static func isViolated(by text: some StringProtocol) -> Bool {
        text.utf8.contains(0)
    }

    /// Rejects an identifier or path that contains U+0000.
    ///
    /// - Parameters:
    ///   - text: the value, or `nil` when absent (always accepted).
    ///   - field: the field to name in the error.
    /// - Throws: ``InsightsError`` (`invalid`) naming `field`.
    public static func check(_ text: String?, at field: FieldPath) throws(InsightsError) {
        guard let text, isViolated(by: text) else { return }
        throw .invalidValue(field, "'\(field)' must not contain the character U+0000.")
    }

    /// Rejects identifiers that contain U+0000.
    ///
    /// - Parameters:
    ///   - texts: the values, e.g. the repeated `externalId` parameters of a query.
    ///   - field: the field to name in the error.
    /// - Throws: ``InsightsError`` (`invalid`) naming `field`.
    public static func check(_ texts: some Sequence<String>, at field: FieldPath) throws(InsightsError) {
        for text in texts { try check(text, at: field) }
    }
}
