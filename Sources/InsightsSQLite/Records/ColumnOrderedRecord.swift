import GRDB

/// A record that reads its row by column position.
///
/// ``columnNames`` fixes which columns the record selects and in which order, both for GRDB's query interface (through
/// `databaseSelection`) and for the store's hand-written SQL (through ``selectionSQL``), so ``init(row:startingAt:)``
/// reads each value by index. GRDB's `Decodable` row decoding looks every column up by name and costs several
/// microseconds per row, which dominated the store's hot reads.
protocol ColumnOrderedRecord: FetchableRecord, TableRecord {
    /// The columns, in the order ``init(row:startingAt:)`` reads them.
    static var columnNames: [String] { get }

    /// Reads the record from `row`, whose columns from `offset` on are ``columnNames`` in order.
    ///
    /// - Throws: a `RowDecodingError` when a value is NULL or of the wrong type.
    init(row: Row, startingAt offset: Int) throws
}

extension ColumnOrderedRecord {
    /// The selection of GRDB's query interface: exactly ``columnNames``, in order.
    static var databaseSelection: [any SQLSelectable] { columnNames.map { Column($0) } }

    /// The columns as an SQL select list qualified by the table name, e.g. `report.id, report.uuid, …`.
    static var selectionSQL: String {
        columnNames.map { "\(databaseTableName).\($0)" }.joined(separator: ", ")
    }

    init(row: Row) throws {
        try self.init(row: row, startingAt: 0)
    }
}

/// Reads a row's values one column after another, from a starting column.
struct ColumnReader {
    private let row: Row
    private var index: Int

    /// A reader whose first ``next()`` reads column `index` of `row`.
    init(_ row: Row, startingAt index: Int) {
        self.row = row
        self.index = index
    }

    /// The value of the current column, then moves to the next one.
    ///
    /// - Throws: a `RowDecodingError` when the value is NULL (for a non-optional type) or of the wrong type.
    mutating func next<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: Value.Type = Value.self
    ) throws -> Value {
        defer { index += 1 }
        return try row.decode(type, atIndex: index)
    }
}
