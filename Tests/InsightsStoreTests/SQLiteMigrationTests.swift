import Foundation
import GRDB
import InsightsCore
import InsightsStore
import Testing

@testable import InsightsSQLite

/// Opening a database written by an earlier version migrates it in place.
struct SQLiteMigrationTests {
    /// A database at schema v1 with one report on commit `aaaa…` of `proj/repo`.
    private static func makeV1Database(at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try SQLiteSchema.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO project (id, key, name) VALUES (1, 'proj', 'Project');
                    INSERT INTO repository (id, projectId, slug, isPublic) VALUES (1, 1, 'repo', 0);
                    INSERT INTO user (id, name, passwordHash, isSystemAdmin) VALUES (1, 'alice', 'hash', 0);
                    INSERT INTO report (uuid, repositoryId, commitId, key, title, data, creatorId, createdAt, updatedAt)
                    VALUES ('E621E1F8-C36C-495A-93FC-0C247A3E6E5F', 1, ?, 'lint', 'Lint', '[]', 1, 0, 0);
                    """, arguments: [String(repeating: "a", count: 40)])
        }
    }

    @Test func commitsWithReportsStartAtRevisionOne() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("insights-migration-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("insights.sqlite").path
        try Self.makeV1Database(at: path)

        let store = try SQLiteStore(path: path, environment: .live, logger: nil)
        let repository = try RepositoryRef(projectKey: "proj", slug: "repo")
        let written = try await store.revision(
            ofCommit: try CommitID(String(repeating: "a", count: 40)), in: repository)
        let neverWritten = try await store.revision(
            ofCommit: try CommitID(String(repeating: "b", count: 40)), in: repository)

        #expect(written == CommitRevision(repositoryID: 1, sequence: 1))
        #expect(neverWritten == CommitRevision(repositoryID: 1, sequence: 0))
    }
}
