import Foundation
import InsightsCore

/// The JSON form of one ``DataField`` in `report.data`.
struct StoredDataField: Encodable, Equatable {
    /// The field's title.
    var title: String
    /// The declared type, if any.
    var type: DataFieldType?
    /// The value.
    var value: StoredDataValue

    /// Wraps a domain field.
    init(_ field: DataField) {
        title = field.title
        type = field.type
        value = StoredDataValue(field.value)
    }

    /// Encodes fields as the JSON text stored in `report.data`.
    ///
    /// - Parameter fields: the report's data fields, in order.
    /// - Returns: a JSON array.
    static func encode(_ fields: [DataField]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(fields.map(StoredDataField.init))
        return String(decoding: data, as: UTF8.self)
    }

    /// Decodes the JSON text stored in `report.data`.
    ///
    /// - Parameter text: a JSON array written by ``encode(_:)``.
    /// - Returns: the data fields, in order.
    static func decode(_ text: String) throws -> [DataField] {
        // A report's data is read with every report: a direct parse costs a tenth of `JSONDecoder`.
        guard case .array(let items) = try JSONValue(parsing: text) else { throw CorruptData() }
        return try items.map { item in
            guard case .object(let field) = item, case .string(let title)? = field["title"],
                case .object(let value)? = field["value"]
            else { throw CorruptData() }
            var type: DataFieldType?
            if case .string(let raw)? = field["type"] {
                guard let known = DataFieldType(rawValue: raw) else { throw CorruptData() }
                type = known
            }
            return DataField(title: title, type: type, value: try StoredDataValue.value(from: value))
        }
    }

    /// Stored data that is not in the form ``encode(_:)`` writes.
    struct CorruptData: Error {}
}
