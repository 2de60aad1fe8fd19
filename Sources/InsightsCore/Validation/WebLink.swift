import Foundation

/// Checks the http(s) URLs the API accepts for links and logos.
public enum WebLink {
    /// Whether `text` is an absolute http or https URL with a host.
    ///
    /// - Parameter text: the candidate URL.
    /// - Returns: `true` for e.g. `https://example.com/x`, `false` for `ftp://…`, `javascript:…` or `/relative`.
    public static func isValid(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return false }
        return true
    }

    /// Validates an optional link, treating an empty string as absent.
    ///
    /// - Returns: the link, or `nil` when absent or empty.
    /// - Throws: ``InsightsError`` (`invalid`) when present and not an http(s) URL.
    public static func validated(_ text: String?, at field: FieldPath) throws(InsightsError) -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard isValid(text) else { throw .invalidValue(field, "'\(field)' must be a valid http or https URL.") }
        return text
    }
}
