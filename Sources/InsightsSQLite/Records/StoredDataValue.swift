import InsightsCore

/// The JSON form of a ``DataValue`` in `report.data`: `{"kind": "bool" | "number" | "string", "value": …}` or
/// `{"kind": "link", "text": …, "href": …}`.
struct StoredDataValue: Codable, Equatable {
    /// The domain value.
    var value: DataValue

    /// Wraps a domain value.
    init(_ value: DataValue) {
        self.value = value
    }

    private enum CodingKeys: String, CodingKey {
        case kind, value, text, href
    }

    private enum Kind: String, Codable {
        case bool, number, string, link
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .bool: value = .bool(try container.decode(Bool.self, forKey: .value))
        case .number: value = .number(try container.decode(Double.self, forKey: .value))
        case .string: value = .string(try container.decode(String.self, forKey: .value))
        case .link:
            value = .link(
                text: try container.decode(String.self, forKey: .text),
                href: try container.decode(String.self, forKey: .href))
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
