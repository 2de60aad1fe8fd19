/// Length and presence rules for the API's strings.
enum TextRules {
    /// Checks an optional string against a maximum length in UTF-16 code units.
    static func checkLength(_ text: String?, max: Int, at field: FieldPath) throws(InsightsError) {
        if let text, text.utf16.count > max { throw .fieldTooLong(field, max: max) }
    }

    /// Checks a required string: present, not blank, and within `max`.
    static func checkRequired(_ text: String, max: Int, at field: FieldPath) throws(InsightsError) {
        guard !text.allSatisfy(\.isWhitespace) else { throw .missingField(field) }
        try checkLength(text, max: max, at: field)
    }
}
