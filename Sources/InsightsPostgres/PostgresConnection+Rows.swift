import Foundation
import Logging
import PostgresNIO

extension PostgresConnection {
    /// Runs `query` and collects its rows.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }

    /// Runs `query` and returns its first row, or `nil`.
    func firstRow(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRow? {
        try await rows(query, logger: logger).first
    }

    /// Runs `query`, a statement whose rows (if any) do not matter.
    func execute(_ query: PostgresQuery, logger: Logger) async throws {
        _ = try await rows(query, logger: logger)
    }

    /// Runs `query`, which returns one integer (a count), and returns it.
    func count(_ query: PostgresQuery, logger: Logger) async throws -> Int {
        guard let row = try await firstRow(query, logger: logger) else { return 0 }
        return try row.decode(Int.self)
    }
}

extension String {
    /// The UTF-8 bytes that a `bytea` free-text column stores, U+0000 included.
    var storedBytes: Data { Data(utf8) }
}

extension Data {
    /// The free text a `bytea` column holds, as UTF-8.
    var storedText: String { String(decoding: self, as: UTF8.self) }
}
