import Foundation
import InsightsCore

/// The JSON form of one ``DataField`` in `report.data`.
struct StoredDataField: Codable, Equatable {
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

    /// The domain field.
    var dataField: DataField {
        DataField(title: title, type: type, value: value.value)
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
        try JSONDecoder().decode([StoredDataField].self, from: Data(text.utf8)).map(\.dataField)
    }
}
