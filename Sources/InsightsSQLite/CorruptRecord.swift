/// A stored value that does not decode into its domain type: the database was changed outside the store.
///
/// Never leaves the store: its boundary logs it and throws `InsightsError.unavailable`.
struct CorruptRecord: Error, CustomStringConvertible {
    /// The table holding the value.
    var table: String
    /// The column holding the value.
    var column: String
    /// The value's row id.
    var id: Int64?

    var description: String { "Corrupt value in \(table).\(column) (id \(id.map(String.init) ?? "?"))" }

    /// Converts a stored value, or throws ``CorruptRecord``.
    ///
    /// - Parameters:
    ///   - table: the table, for the error.
    ///   - column: the column, for the error.
    ///   - id: the row id, for the error.
    ///   - convert: the conversion; `nil` or a thrown error means the value is corrupt.
    /// - Returns: the converted value.
    static func decode<T>(_ table: String, _ column: String, id: Int64?, _ convert: () throws -> T?) throws -> T {
        guard let value = try? convert() else {
            throw CorruptRecord(table: table, column: column, id: id)
        }
        return value
    }
}
