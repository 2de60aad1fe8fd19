public import InsightsCore

/// A report data field as both dialects write it; only the key of a LINK's text differs (`linktext` or `text`).
public struct WireDataField: Codable, Sendable, Equatable {
    /// The field's title.
    public var title: String?
    /// The declared type spelling.
    public var type: String?
    /// The raw value.
    public var value: JSONValue?

    /// Creates a raw data field.
    public init(title: String?, type: String?, value: JSONValue?) {
        self.title = title
        self.type = type
        self.value = value
    }

    /// Encodes a domain data field for a dialect.
    ///
    /// - Parameters:
    ///   - field: the stored field.
    ///   - linkTextKey: `linktext` (Data Center) or `text` (Cloud).
    public init(_ field: DataField, linkTextKey: String) {
        title = field.title
        type = field.type?.rawValue
        switch field.value {
        case .bool(let flag): value = .bool(flag)
        case .number(let number): value = .number(number)
        case .string(let text): value = .string(text)
        case .link(let text, let href): value = .object([linkTextKey: .string(text), "href": .string(href)])
        }
    }

    /// Validates this raw field into a domain field.
    ///
    /// - Parameters:
    ///   - limits: the dialect's limits (for the LINK text key).
    ///   - field: where it sits in the body, e.g. `data[1]`.
    public func toDomain(limits: InsightLimits, at field: FieldPath) throws(InsightsError) -> DataField {
        try DataField.validated(title: title, type: type, value: value, linkTextKey: limits.linkTextKey, at: field)
    }

    /// Validates a body's `data` array (absent = none) into domain fields, naming offenders as `data[i]…`.
    ///
    /// - Parameters:
    ///   - fields: the raw array, or `nil` when the body has none.
    ///   - limits: the dialect's limits (for the LINK text key).
    public static func toDomain(_ fields: [WireDataField]?, limits: InsightLimits) throws(InsightsError) -> [DataField]
    {
        var validated: [DataField] = []
        for (index, raw) in (fields ?? []).enumerated() {
            validated.append(try raw.toDomain(limits: limits, at: FieldPath("data").appending(index: index)))
        }
        return validated
    }
}
