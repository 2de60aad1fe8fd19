/// One `<error>` element of a Checkstyle report, as written by the tool.
struct CheckstyleFinding: Sendable, Equatable {
    /// The enclosing `<file name>`, not yet made repository-relative.
    var fileName: String
    /// The `line` attribute; `nil` when absent, unparsable or not positive.
    var line: Int?
    /// The `severity` attribute, lowercased (`error`, `warning`, `info`, `ignore`); empty when absent.
    var severity: String
    /// The `message` attribute.
    var message: String
    /// The `source` attribute: the rule, e.g. `ShellCheck.SC2086`; empty when absent.
    var source: String
}
