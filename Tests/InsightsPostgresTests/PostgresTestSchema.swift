import Foundation
import InsightsCore
import InsightsPostgres
import InsightsStore
import PostgresNIO

/// A new, empty schema in the database at `INSIGHTS_TEST_POSTGRES_URL` for one test, dropped afterwards, so tests
/// running in parallel never see each other's rows.
enum PostgresTestSchema {
    /// The test database, from `INSIGHTS_TEST_POSTGRES_URL`; tests that need a server are enabled when it is set.
    static let url = ProcessInfo.processInfo.environment["INSIGHTS_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// Runs `body` with the URL of a new, empty schema (dropped afterwards) and a function that runs one query
    /// returning text on it.
    static func with<T>(
        _ body: (String, @escaping @Sendable (String) async throws -> [String]) async throws -> T
    ) async throws -> T {
        guard let base = url, var components = URLComponents(string: base), let host = components.host,
            let user = components.user
        else { throw InsightsError.unavailable }
        let schema = "insights_pgtest_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        let configuration = PostgresConnection.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: String(components.path.drop { $0 == "/" }), tls: .disable)
        let query: @Sendable (String) async throws -> [String] = { sql in
            let logger = Logger(label: "insights.postgres.tests")
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            do {
                try await connection.query("SET search_path TO \(unescaped: schema)", logger: logger)
                var values: [String] = []
                for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
                    .decode(String.self)
                {
                    values.append(value)
                }
                try await connection.close()
                return values
            } catch {
                try? await connection.close()
                throw error
            }
        }
        _ = try await query("CREATE SCHEMA \(schema)")
        components.queryItems =
            (components.queryItems ?? []) + [URLQueryItem(name: "options", value: "-c search_path=\(schema)")]
        guard let schemaURL = components.string else { throw InsightsError.unavailable }
        do {
            let value = try await body(schemaURL, query)
            _ = try await query("DROP SCHEMA \(schema) CASCADE")
            return value
        } catch {
            _ = try? await query("DROP SCHEMA \(schema) CASCADE")
            throw error
        }
    }
}
