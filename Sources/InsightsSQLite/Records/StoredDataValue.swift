import InsightsCore

/// The JSON form of a ``DataValue`` in `report.data`: `{"kind": "bool" | "number" | "string", "value": …}` or
/// `{"kind": "link", "text": …, "href": …}`.
struct StoredDataValue: Encodable, Equatable {
    /// The domain value.
    var value: DataValue

    /// Wraps a domain value.
    init(_ value: DataValue) {
        self.value = value
    }

    private enum CodingKeys: String, CodingKey {
        case kind, value, text, href
    }

    private enum Kind: String, Encodable {
        case bool, number, string, link
    }

    /// The value stored as `object` (the members of `{"kind": …}`).
    ///
    /// - Throws: ``StoredDataField/CorruptData`` when `object` is not in the stored form.
    static func value(from object: [String: JSONValue]) throws -> DataValue {
        guard case .string(let raw)? = object["kind"], let kind = Kind(rawValue: raw) else {
            throw StoredDataField.CorruptData()
        }
        switch (kind, object["value"], object["text"], object["href"]) {
        case (.bool, .bool(let bool)?, _, _): return .bool(bool)
        case (.number, .number(let number)?, _, _): return .number(number)
        case (.string, .string(let string)?, _, _): return .string(string)
        case (.link, _, .string(let text)?, .string(let href)?): return .link(text: text, href: href)
        default: throw StoredDataField.CorruptData()
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch value {
        case .bool(let bool):
            try container.encode(Kind.bool, forKey: .kind)
            try container.encode(bool, forKey: .value)
        case .number(let number):
            try container.encode(Kind.number, forKey: .kind)
            try container.encode(number, forKey: .value)
        case .string(let string):
            try container.encode(Kind.string, forKey: .kind)
            try container.encode(string, forKey: .value)
        case .link(let text, let href):
            try container.encode(Kind.link, forKey: .kind)
            try container.encode(text, forKey: .text)
            try container.encode(href, forKey: .href)
        }
    }
}
