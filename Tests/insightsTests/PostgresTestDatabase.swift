import Foundation

/// A database of one test's own, created empty beside the one `INSIGHTS_TEST_POSTGRES_URL` names (whose role may
/// create databases) and dropped by ``drop()``.
struct PostgresTestDatabase: Sendable {
    /// `INSIGHTS_TEST_POSTGRES_URL`, the test cluster's database, when it is set.
    static let clusterURL = ProcessInfo.processInfo.environment["INSIGHTS_TEST_POSTGRES_URL"]

    /// The URL of the database the test uses.
    let url: String
    /// The database's name, `insights_e2e_` and a random suffix.
    let name: String
    /// The URL the database was created from, and is dropped from.
    private let administrationURL: String

    /// Creates a new, empty database through `url`.
    ///
    /// - Throws: ``InsightsProcessError`` when `url` cannot be parsed or `psql` fails.
    static func create(through url: String) throws -> PostgresTestDatabase {
        let name = "insights_e2e_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        guard var components = URLComponents(string: url) else {
            throw InsightsProcessError(message: "INSIGHTS_TEST_POSTGRES_URL is not a URL")
        }
        components.path = "/\(name)"
        guard let databaseURL = components.string else {
            throw InsightsProcessError(message: "no URL for database \(name)")
        }
        try PSQL.run("CREATE DATABASE \(name)", on: url)
        return PostgresTestDatabase(url: databaseURL, name: name, administrationURL: url)
    }

    /// Drops the database, closing what still connects to it; never throws, so it can run in a `defer`.
    func drop() {
        _ = try? PSQL.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: administrationURL)
    }
}
