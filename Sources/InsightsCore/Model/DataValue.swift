/// The validated value of a report data field.
public enum DataValue: Hashable, Sendable {
    /// A JSON boolean (BOOLEAN, or untyped).
    case bool(Bool)
    /// A JSON number (DATE and DURATION in milliseconds, NUMBER, PERCENTAGE 0–100, or untyped).
    case number(Double)
    /// A JSON string (TEXT, or untyped).
    case string(String)
    /// A link with its text (LINK); Data Center spells the text `linktext`, Cloud `text`.
    case link(text: String, href: String)
}
