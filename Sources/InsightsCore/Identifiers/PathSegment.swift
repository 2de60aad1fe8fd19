/// Decodes the percent-encoded segments of a request path, the same way for both dialects.
public enum PathSegment {
    /// The text a path segment stands for.
    ///
    /// A segment is taken literally when it holds no `%`; otherwise every `%XX` escape is decoded and the result must
    /// be UTF-8. A malformed escape or bytes that are not UTF-8 are rejected rather than kept as written, so
    /// `%FF%FE` and `%25FF%25FE` never address the same row. U+0000 is rejected (see ``NullCharacterRule``).
    ///
    /// - Parameters:
    ///   - raw: the segment as it appears in the request path.
    ///   - field: the path parameter, in the dialect's spelling (e.g. `key`, `commitId`, `repo_slug`).
    /// - Returns: the decoded text.
    /// - Throws: ``InsightsError`` (`invalid`) naming `field`.
    public static func decoded(_ raw: some StringProtocol, field: FieldPath) throws(InsightsError) -> String {
        guard let text = raw.percentDecoded else {
            throw .invalidValue(field, "'\(field)' is not valid percent-encoded UTF-8.")
        }
        try NullCharacterRule.check(text, at: field)
        return text
    }
}
