/// One `<error>` element of a cppcheck XML (version 2) report, as written by the tool.
struct CppcheckFinding: Sendable, Equatable {
    /// One `<location>` child: the primary position first, then the trace.
    struct Location: Sendable, Equatable {
        /// The `file` attribute, not yet made repository-relative.
        var file: String
        /// The `line` attribute; `nil` when absent, unparsable or not positive.
        var line: Int?
        /// The `info` attribute, unescaped; empty when absent.
        var info: String
    }

    /// The `id` attribute: the check, e.g. `nullPointer`; empty when absent.
    var id: String
    /// The `severity` attribute, lowercased (`error`, `warning`, `style`, `performance`, `portability`,
    /// `information`, …); empty when absent.
    var severity: String
    /// The `msg` attribute, unescaped.
    var message: String
    /// The `verbose` attribute, unescaped; empty when absent.
    var verbose: String
    /// The `cwe` attribute; `nil` when absent, unparsable or not positive.
    var cwe: Int?
    /// Whether the `inconclusive` attribute is `true`.
    var isInconclusive: Bool
    /// The `<location>` children in document order; empty for whole-program messages.
    var locations: [Location]
}
