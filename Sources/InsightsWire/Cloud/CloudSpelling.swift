public import InsightsCore

/// How Bitbucket Cloud spells the shared enums: the domain's raw values, matched exactly and case-sensitively.
public enum CloudSpelling {
    /// Parses one of an enum's Cloud spellings.
    ///
    /// - Parameters:
    ///   - text: the value as sent, e.g. `CRITICAL`.
    ///   - type: the domain enum, e.g. ``AnnotationSeverity``.
    ///   - field: where the value sits in the body, in canonical names.
    /// - Returns: the parsed value.
    /// - Throws: ``InsightsError`` (`invalid`) listing the allowed spellings.
    public static func parse<Value: RawRepresentable & CaseIterable>(
        _ text: String, as type: Value.Type, at field: FieldPath
    ) throws(InsightsError) -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidValue(field, "'\(field)' must be one of \(allowed).")
        }
        return value
    }

    /// Parses an optional value, keeping `nil` as `nil`.
    ///
    /// - Throws: ``InsightsError`` (`invalid`) when present and not a valid spelling.
    public static func parseIfPresent<Value: RawRepresentable & CaseIterable>(
        _ text: String?, as type: Value.Type, at field: FieldPath
    ) throws(InsightsError) -> Value? where Value.RawValue == String {
        guard let text else { return nil }
        return try parse(text, as: type, at: field)
    }

    /// Canonical (Data Center) body keys and their Cloud names, for error messages.
    public static let fieldNames: [String: String] = [
        "message": "summary",
        "externalId": "external_id",
        "reportType": "report_type",
        "logoUrl": "logo_url",
        "isRemoteLinkEnabled": "remote_link_enabled",
    ]

    /// A canonical field path in Cloud names: `message` becomes `summary`, an annotation's `type` becomes
    /// `annotation_type` (a data field's `type` stays `type`), and so on.
    ///
    /// - Parameter field: the canonical path.
    /// - Returns: the path as a Cloud client would name it.
    public static func cloudPath(_ field: FieldPath) -> FieldPath {
        var renamed: [FieldPath.Component] = []
        for (index, component) in field.components.enumerated() {
            guard case .key(let key) = component else {
                renamed.append(component)
                continue
            }
            if key == "type" {
                let isDataField =
                    index >= 2 && field.components[index - 2] == .key("data")
                renamed.append(isDataField ? component : .key("annotation_type"))
            } else {
                renamed.append(.key(fieldNames[key] ?? key))
            }
        }
        return FieldPath(components: renamed)
    }
}
