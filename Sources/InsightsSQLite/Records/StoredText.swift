import Foundation
import GRDB

/// Free text stored so that it reads back exactly, U+0000 included.
///
/// GRDB 7.10 binds a Swift `String` with `sqlite3_bind_text(…, -1, …)` and reads one with
/// `String(cString: sqlite3_column_text(…))`: both stop at the first U+0000, so `a\u0000b` was stored and read as `a`.
/// Text that contains U+0000 is therefore bound as a BLOB of its UTF-8 bytes (SQLite keeps a BLOB as it is, whatever
/// the column's affinity), and every value is read by its byte length: a BLOB's or a TEXT's bytes, as UTF-8. Text
/// without U+0000, which is almost all of it, stays a TEXT value, so existing rows and queries are unchanged.
///
/// Only free-text columns use it; identifiers never contain U+0000 (``InsightsCore/NullCharacterRule``).
struct StoredText: Hashable, DatabaseValueConvertible, StatementColumnConvertible {
    /// The text.
    var string: String

    /// Wraps a string for binding.
    init(_ string: String) {
        self.string = string
    }

    /// Reads a column by its length; a TEXT value's bytes come from `sqlite3_column_blob` as well.
    init(sqliteStatement: SQLiteStatement, index: CInt) {
        string = String(decoding: Data(sqliteStatement: sqliteStatement, index: index), as: UTF8.self)
    }

    /// A TEXT value, or a BLOB of the UTF-8 bytes when the text contains U+0000.
    var databaseValue: DatabaseValue {
        string.utf8.contains(0) ? Data(string.utf8).databaseValue : string.databaseValue
    }

    /// The text of a TEXT or BLOB value; `nil` for any other value.
    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StoredText? {
        switch dbValue.storage {
        case .string(let string): StoredText(string)
        case .blob(let data): StoredText(String(decoding: data, as: UTF8.self))
        default: nil
        }
    }
}

extension StoredText: Encodable {
    /// Encodes the string; GRDB's record encoder uses ``databaseValue`` instead.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(string)
    }
}

extension ColumnReader {
    /// The current column as free text read by its length (see ``StoredText``), then moves to the next one.
    ///
    /// - Throws: a `RowDecodingError` when the value is NULL or not text.
    mutating func nextText() throws -> String {
        try next(StoredText.self).string
    }

    /// The current column as optional free text read by its length, then moves to the next one.
    ///
    /// - Throws: a `RowDecodingError` when the value is not text.
    mutating func nextOptionalText() throws -> String? {
        try next(StoredText?.self)?.string
    }
}
