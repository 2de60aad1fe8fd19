extension DataField {
    /// Builds a data field from untrusted JSON, checking the value against the declared type.
    ///
    /// - Parameters:
    ///   - title: the field's title; required.
    ///   - type: the declared type spelling, or `nil` for a plain primitive.
    ///   - value: the raw JSON value; required and not `null`.
    ///   - linkTextKey: the dialect's key of a LINK's text (`linktext` or `text`).
    ///   - field: where the data field sits in the body, e.g. `data[2]`.
    /// - Returns: the validated field.
    /// - Throws: ``InsightsError`` (`invalid`) naming the offending sub-field.
    public static func validated(
        title: String?, type: String?, value: JSONValue?, linkTextKey: String, at field: FieldPath
    ) throws(InsightsError) -> DataField {
        guard let title else { throw .missingField(field.appending("title")) }
        let valueField = field.appending("value")
        var declared: DataFieldType?
        if let type {
            guard let parsed = DataFieldType(rawValue: type) else {
                throw .invalidValue(
                    field.appending("type"),
                    "'\(field.appending("type"))' must be one of \(DataFieldType.allCases.map(\.rawValue).joined(separator: ", "))."
                )
            }
            declared = parsed
        }
        guard let value, value != .null else { throw .missingField(valueField) }
        let checked = try checkedValue(value, type: declared, linkTextKey: linkTextKey, at: valueField)
        return DataField(title: title, type: declared, value: checked)
    }

    private static func checkedValue(
        _ value: JSONValue, type: DataFieldType?, linkTextKey: String, at field: FieldPath
    ) throws(InsightsError) -> DataValue {
        func mismatch(_ expected: String) -> InsightsError {
            .invalidValue(field, "'\(field)' must be \(expected), not \(value.typeName).")
        }
        switch (type, value) {
        case (nil, .bool(let flag)), (.boolean?, .bool(let flag)):
            return .bool(flag)
        case (nil, .number(let number)), (.number?, .number(let number)):
            guard number.isFinite else { throw mismatch("a finite number") }
            return .number(number)
        case (nil, .string(let text)), (.text?, .string(let text)):
            return .string(text)
        case (.date?, .number(let number)), (.duration?, .number(let number)):
            guard number.isFinite else { throw mismatch("a finite number of milliseconds") }
            return .number(number)
        case (.percentage?, .number(let number)):
            guard number >= 0, number <= 100 else {
                throw .invalidValue(field, "'\(field)' must be a number between 0 and 100.")
            }
            return .number(number)
        case (.link?, .object(let object)):
            guard case .string(let text)? = object[linkTextKey] else {
                throw .missingField(field.appending(linkTextKey))
            }
            guard case .string(let href)? = object["href"] else { throw .missingField(field.appending("href")) }
            guard WebLink.isValid(href) else {
                throw .invalidValue(
                    field.appending("href"), "'\(field.appending("href"))' must be a valid http or https URL.")
            }
            return .link(text: text, href: href)
        case (nil, _): throw mismatch("a number, string or boolean")
        case (.boolean?, _): throw mismatch("a boolean")
        case (.number?, _), (.date?, _), (.duration?, _), (.percentage?, _): throw mismatch("a number")
        case (.text?, _): throw mismatch("a string")
        case (.link?, _): throw mismatch("an object with '\(linkTextKey)' and 'href'")
        }
    }
}
