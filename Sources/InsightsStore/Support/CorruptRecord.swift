/// A stored value that does not decode into its domain type: the database was changed outside the store.
///
/// Never leaves a store: its boundary logs it and throws `InsightsError.unavailable`. Shared by the store
/// implementations of this package.
package struct CorruptRecord: Error, CustomStringConvertible {
    /// Creates the error for a value of `table.column` in row `id`.
    package init(table: String, column: String, id: Int64?) {
        self.table = table
        self.column = column
        self.id = id
    }

    /// The table holding the value.
    package var table: String
    /// The column holding the value.
    package var column: String
    /// The value's row id.
    package var id: Int64?

    package var description: String { "Corrupt value in \(table).\(column) (id \(id.map(String.init) ?? "?"))" }

    /// Converts a stored value, or throws ``CorruptRecord``.
    ///
    /// - Parameters:
    ///   - table: the table, for the error.
    ///   - column: the column, for the error.
    ///   - id: the row id, for the error.
    ///   - convert: the conversion; `nil` or a thrown error means the value is corrupt.
    /// - Returns: the converted value.
    package static func decode<T>(_ table: String, _ column: String, id: Int64?, _ convert: () throws -> T?) throws -> T
    {
        guard let value = try? convert() else {
            throw CorruptRecord(table: table, column: column, id: id)
        }
        return value
    }
}
