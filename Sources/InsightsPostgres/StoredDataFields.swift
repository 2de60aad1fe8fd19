import Foundation
import InsightsCore

/// The JSON text of a report's data fields in `report.data`, the same form the SQLite store writes:
/// `[{"title": …, "type": …, "value": {"kind": "bool" | "number" | "string", "value": …}}]`, a link's value being
/// `{"kind": "link", "text": …, "href": …}`.
///
/// JSON escapes U+0000 (`\u0000`), so the column can be `text` and still hold every title and value exactly.
enum StoredDataFields {
    /// Stored data that is not in the form ``encode(_:)`` writes.
    struct CorruptData: Error {}

    private struct Field: Encodable {
        var title: String
        var type: DataFieldType?
        var value: Value
    }

    private struct Value: Encodable {
        var kind: String
        var value: JSONValue?
        var text: String?
        var href: String?
    }

    /// Encodes fields as JSON text.
    ///
    /// - Parameter fields: the report's data fields, in order.
    /// - Returns: a JSON array.
    static func encode(_ fields: [DataField]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let stored = fields.map { field in
            let value: Value =
                switch field.value {
                case .bool(let bool): Value(kind: "bool", value: .bool(bool))
                case .number(let number): Value(kind: "number", value: .number(number))
                case .string(let string): Value(kind: "string", value: .string(string))
                case .link(let text, let href): Value(kind: "link", text: text, href: href)
                }
            return Field(title: field.title, type: field.type, value: value)
        }
        return String(decoding: try encoder.encode(stored), as: UTF8.self)
    }

    /// Decodes the JSON text written by ``encode(_:)``.
    ///
    /// - Parameter text: a JSON array.
    /// - Returns: the data fields, in order.
    static func decode(_ text: String) throws -> [DataField] {
        guard case .array(let items) = try JSONValue(parsing: text) else { throw CorruptData() }
        return try items.map { item in
            guard case .object(let field) = item, case .string(let title)? = field["title"],
                case .object(let value)? = field["value"], case .string(let kind)? = value["kind"]
            else { throw CorruptData() }
            var type: DataFieldType?
            if case .string(let raw)? = field["type"] {
                guard let known = DataFieldType(rawValue: raw) else { throw CorruptData() }
                type = known
            }
            let decoded: DataValue
            switch (kind, value["value"], value["text"], value["href"]) {
            case ("bool", .bool(let bool)?, _, _): decoded = .bool(bool)
            case ("number", .number(let number)?, _, _): decoded = .number(number)
            case ("string", .string(let string)?, _, _): decoded = .string(string)
            case ("link", _, .string(let text)?, .string(let href)?): decoded = .link(text: text, href: href)
            default: throw CorruptData()
            }
            return DataField(title: title, type: type, value: decoded)
        }
    }
}
