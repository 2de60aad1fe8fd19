import PostgresNIO

/// Builds one statement over many rows: `WITH batch (position, …) AS (VALUES ($1::bigint, $2::uuid, …), …) …`, every
/// value a bound parameter cast to its column's type, so a batch of rows is written in one round trip.
///
/// Each row starts with its position in the batch (`position`), which the statement orders its inserts by, so rows
/// get row ids in the batch's order. The casts give every parameter a type, which a `NULL` parameter lacks.
struct BatchValues {
    /// The most parameters one statement may bind (PostgreSQL counts them in 16 bits).
    static let maximumBinds = 65_535

    private var interpolation = PostgresQuery.StringInterpolation(literalCapacity: 8192, interpolationCount: 0)
    private var separator = ""
    private var position: Int64 = 0

    /// Starts the statement: `WITH batch (position, <columns>) AS (VALUES `.
    ///
    /// - Parameter columns: the batch's columns after `position`, comma-separated.
    init(columns: String) {
        interpolation.appendLiteral("WITH batch (position, \(columns)) AS (VALUES ")
    }

    /// Appends a row: its position, then the values `values` adds with ``bind(_:as:)``.
    mutating func row(_ values: (inout Self) throws -> Void) throws {
        interpolation.appendLiteral(position == 0 ? "(" : ", (")
        separator = ""
        try bind(position, as: "bigint")
        position += 1
        try values(&self)
        interpolation.appendLiteral(")")
    }

    /// Appends one value of the current row, cast to `type`; `nil` binds `NULL`.
    ///
    /// - Parameters:
    ///   - value: the value.
    ///   - type: its SQL type, e.g. `bigint`, `text`, `bytea`.
    mutating func bind<Value: PostgresThrowingDynamicTypeEncodable>(_ value: Value?, as type: String) throws {
        interpolation.appendLiteral(separator)
        try interpolation.appendInterpolation(value)
        interpolation.appendLiteral("::\(type)")
        separator = ", "
    }

    /// Ends the `VALUES` list and appends the rest of the statement.
    ///
    /// - Parameter statement: what follows `WITH batch AS (…)`: further common table expressions (`, name AS …`) and
    ///   the final statement.
    /// - Returns: the statement.
    func query(_ statement: String) -> PostgresQuery {
        var interpolation = interpolation
        interpolation.appendLiteral(")\n")
        interpolation.appendLiteral(statement)
        return PostgresQuery(stringInterpolation: interpolation)
    }

    /// Splits `rows` into chunks small enough for one statement of `columns` values per row (plus the position).
    static func chunks<Row>(of rows: [Row], columns: Int) -> [ArraySlice<Row>] {
        let size = max(1, maximumBinds / (columns + 1))
        return stride(from: 0, to: rows.count, by: size).map { rows[$0..<min($0 + size, rows.count)] }
    }
}
