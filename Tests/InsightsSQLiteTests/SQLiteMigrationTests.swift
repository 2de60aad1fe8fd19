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

    /// Runs `body` with the path of a fresh v1 database, removed afterwards.
    private static func withV1Database(_ body: (String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("insights-migration-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("insights.sqlite").path
        try makeV1Database(at: path)
        try await body(path)
    }

    @Test func commitsWithReportsStartAtRevisionOne() async throws {
        try await Self.withV1Database { path in

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

    @Test func existingProjectsAndRepositoriesGetDistinctUUIDs() async throws {
        try await Self.withV1Database { path in
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO project (id, key, name) VALUES (2, 'other', 'Other');
                        INSERT INTO repository (id, projectId, slug, isPublic) VALUES (2, 2, 'repo', 1);
                        """)
            }
            try queue.close()

            let store = try SQLiteStore(path: path, environment: .live, logger: nil)
            let repositories = try await store.repositories()
            let uuids = repositories.flatMap { [$0.uuid, $0.projectUUID] }
            #expect(repositories.count == 2)
            #expect(Set(uuids).count == 4)
            #expect(uuids.allSatisfy { $0.uuidString.dropFirst(14).first == "4" }, "version 4")
            let first = try #require(repositories.first)
            let found = try await store.repositoryRef(project: .uuid(first.projectUUID), repository: .uuid(first.uuid))
            #expect(found == first.ref)
        }
    }
}
