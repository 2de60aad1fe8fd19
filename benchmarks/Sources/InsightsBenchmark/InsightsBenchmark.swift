import Foundation
import GRDB
import InsightsCore
import InsightsStorage
import InsightsStore
import Logging

/// Measures the storage ceiling: annotation rows inserted straight into the server's SQLite schema with GRDB, in
/// batches of 1000 per transaction, with the same durability settings as the store (WAL, synchronous FULL).
///
/// Usage: `insights-benchmark DATABASE_PATH ROWS` — prints `rows=… seconds=… rows_per_second=…`;
/// `insights-benchmark probe DATABASE_PATH` — prints the mean latency of single store reads against a database made by
/// `benchmarks/server/run.sh`.
@main
struct InsightsBenchmark {
    static func main() async throws {
        let arguments = CommandLine.arguments
        if arguments.count == 3, arguments[1] == "probe" {
            try await probe(path: arguments[2])
            return
        }
        guard arguments.count == 3, let rows = Int(arguments[2]), rows > 0 else {
            FileHandle.standardError.write(Data("usage: insights-benchmark DATABASE_PATH ROWS\n".utf8))
            exit(2)
        }
        let path = arguments[1]
        let reportID = try await prepareReport(path: path)

        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let pool = try DatabasePool(path: path, configuration: configuration)
        let batch = 1000
        let start = ContinuousClock.now
        var inserted = 0
        while inserted < rows {
            let count = min(batch, rows - inserted)
            try await pool.write { db in
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO annotation (uuid, reportId, path, line, message, severity, type, link, createdAt, updatedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                let now = Int64(Date().timeIntervalSince1970 * 1000)
                for index in 0..<count {
                    try statement.execute(arguments: [
                        UUID().uuidString.lowercased(), reportID, "src/module/file\(index % 50).swift", index % 400 + 1,
                        BenchmarkRows.message, "MEDIUM", "CODE_SMELL", BenchmarkRows.link, now, now,
                    ])
                }
            }
            inserted += count
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("rows=\(inserted) seconds=\(seconds) rows_per_second=\(Int(Double(inserted) / seconds))")
    }

    /// Times 2000 sequential calls of each store read a `GET …/reports/{key}` makes.
    static func probe(path: String) async throws {
        try await withStore(settings(path), logger: Logger(label: "insights.benchmark")) { try await probe($0) }
    }

    /// Times the reads on `store`.
    static func probe(_ store: some InsightsStore) async throws {
        let ref = try RepositoryRef(projectKey: "bench", slug: "repo")
        let address = ReportAddress(
            repository: ref, commit: try CommitID("0123456789abcdef0123456789abcdef01234567"), key: try InsightKey("r1")
        )
        func time(_ name: String, _ body: () async throws -> Void) async throws {
            let start = ContinuousClock.now
            for _ in 0..<2000 { try await body() }
            print(name, (ContinuousClock.now - start) / 2000)
        }
        try await time("health") { try await store.checkHealth() }
        try await time("token") { _ = try await store.user(forTokenDigest: "00", at: Date()) }
        try await time("repository") { _ = try await store.repository(ref, accessFor: UserID(1)) }
        try await time("report") { _ = try await store.report(at: address) }
    }

    /// Creates a project, repository, user and report through the store (which also migrates the schema).
    static func prepareReport(path: String) async throws -> Int64 {
        try await withStore(settings(path), logger: Logger(label: "insights.benchmark")) { store in
            try await prepareReport(in: store)
        }
        let pool = try DatabasePool(path: path)
        return try await pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM report WHERE key = ?", arguments: ["ceiling"]) ?? 0
        }
    }

    /// The SQLite database at `path`, opened as the server opens its store.
    static func settings(_ path: String) -> StoreSettings {
        StoreSettings(location: .sqlite(file: URL(fileURLWithPath: path)))
    }

    /// Creates the project, repository, user and report of the ceiling measurement.
    static func prepareReport(in store: some InsightsStore) async throws {
        try await store.createProject(key: "bench", name: "bench")
        let ref = try RepositoryRef(projectKey: "bench", slug: "ceiling")
        let repository = try await store.createRepository(ref, isPublic: false)
        let user = try await store.createUser(name: "bench", passwordHash: "x", isSystemAdmin: false)
        let address = ReportAddress(
            repository: ref, commit: try CommitID(String(repeating: "a", count: 40)), key: try InsightKey("ceiling"))
        let caller = Caller(
            principal: user.principal(), access: RepositoryAccess(isPublic: repository.isPublic, grant: .admin))
        _ = try await store.putReport(ReportContent(title: "ceiling"), at: address, by: caller)
    }
}

/// The annotation content shared with the HTTP benchmark's request body.
enum BenchmarkRows {
    static let message = "Function has a cyclomatic complexity of 23 (threshold 15); consider splitting it."
    static let link = "https://lint.example.com/rules/complexity"
}
