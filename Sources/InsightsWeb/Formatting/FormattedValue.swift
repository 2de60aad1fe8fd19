/// A data field's value as a report card shows it: plain text, or a link with its text.
public enum FormattedValue: Hashable, Sendable {
    /// Text shown as is (the template escapes it).
    case text(String)
    /// A clickable link; `href` is always an http or https URL.
    case link(text: String, href: String)
}
