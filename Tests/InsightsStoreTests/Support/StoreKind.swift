import Foundation

/// The store implementations the contract suite runs against.
///
/// `postgres` runs only when `INSIGHTS_TEST_POSTGRES_URL` is set (`scripts/postgres-cluster.sh start` prints one),
/// so ``enabled`` is the list every contract test takes as its arguments.
enum StoreKind: String, CaseIterable, CustomStringConvertible, Sendable {
    /// ``SQLiteStore`` on a new file in a unique temporary directory.
    case sqlite
    /// ``PostgresStore`` on a new, empty schema of the database at ``postgresURL``, dropped afterwards.
    case postgres

    /// The PostgreSQL database the `postgres` kind uses, from `INSIGHTS_TEST_POSTGRES_URL`, if set.
    static let postgresURL: String? = ProcessInfo.processInfo.environment["INSIGHTS_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// The kinds to run now.
    static var enabled: [StoreKind] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var description: String { rawValue }
}
