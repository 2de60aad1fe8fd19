import Foundation
import HTTPTypes
import HummingbirdTesting
import InsightsCore
import InsightsSQLite
import InsightsStore
import NIOCore
import Testing

@testable import InsightsServer

/// The commit-wide response cache: what it keeps and drops, and that no response outlives a write, whoever makes it.
@Suite struct CommitResponseCacheTests {
    private static func key(_ commit: Character = "a", paths: Set<String> = []) throws -> CommitResponseCache.Key {
        CommitResponseCache.Key(
            repository: try RepositoryRef(projectKey: "proj", slug: "repo"),
            commit: try CommitID(String(repeating: commit, count: 40)), filter: AnnotationFilter(paths: paths))
    }

    private static func body(_ size: Int) -> ByteBuffer {
        ByteBuffer(repeating: UInt8(ascii: "x"), count: size)
    }

    private static let first = CommitRevision(repositoryID: 1, sequence: 1)
    private static let second = CommitRevision(repositoryID: 1, sequence: 2)

    @Test func keepsABodyForItsRevisionOnly() throws {
        let cache = CommitResponseCache(capacity: 1 << 20)
        let key = try Self.key()
        cache.keep(Self.body(100), for: key, at: Self.first)

        #expect(cache.kept(key, at: Self.first) == Self.body(100))
        #expect(cache.kept(key, at: Self.second) == nil)
        #expect(cache.kept(key, at: CommitRevision(repositoryID: 2, sequence: 1)) == nil)
        #expect(cache.kept(try Self.key(paths: ["a.swift"]), at: Self.first) == nil)
        #expect(cache.kept(try Self.key("b"), at: Self.first) == nil)

        cache.keep(Self.body(200), for: key, at: Self.second)
        #expect(cache.kept(key, at: Self.second) == Self.body(200))
        #expect(cache.kept(key, at: Self.first) == nil)
        #expect(cache.keptBytes == 200 + 256, "replacing a body releases the old one's bytes")
    }

    @Test func dropsTheLeastRecentlyUsedWhenFull() throws {
        // Eight bodies of 1000 bytes (1256 with bookkeeping) fill 10,048 bytes.
        let cache = CommitResponseCache(capacity: 10_048)
        let keys = try (0..<8).map { try Self.key(paths: ["file\($0)"]) }
        for key in keys { cache.keep(Self.body(1000), for: key, at: Self.first) }
        #expect(cache.keptBytes == 10_048)
        _ = cache.kept(keys[0], at: Self.first)

        cache.keep(Self.body(1000), for: try Self.key(paths: ["new"]), at: Self.first)

        #expect(cache.keptBytes <= 10_048 / 4 * 3)
        #expect(cache.kept(keys[0], at: Self.first) != nil, "used recently")
        #expect(cache.kept(try Self.key(paths: ["new"]), at: Self.first) != nil, "just kept")
        #expect(cache.kept(keys[1], at: Self.first) == nil, "the least recently used")
    }

    @Test func neverKeepsMoreThanAnEighthOfItsCapacityInOneBody() throws {
        let cache = CommitResponseCache(capacity: 8000)
        cache.keep(Self.body(1000), for: try Self.key(), at: Self.first)
        #expect(cache.kept(try Self.key(), at: Self.first) == nil)

        let off = CommitResponseCache(capacity: 0)
        off.keep(Self.body(1), for: try Self.key(), at: Self.first)
        #expect(off.kept(try Self.key(), at: Self.first) == nil)
    }

    /// The ids the commit-wide query answers, read through the router.
    private static func externalIDs(_ client: any TestClientProtocol, _ server: TestServer, as user: String)
        async throws -> [String]
    {
        let response = try await client.send(.get, "\(DC.base)/annotations", headers: server.headers(user))
        #expect(response.status == .ok)
        return try response.json()["annotations"]?.elements.compactMap {
            if case .string(let id)? = $0["externalId"] { return id }
            return nil
        } ?? []
    }

    @Test(arguments: [ServerConfiguration.defaultResponseCacheBytes, 0])
    func everyWriteShowsInTheNextResponse(cacheBytes: Int) async throws {
        let server = try await TestServer.make(responseCacheBytes: cacheBytes)
        try await server.test { client in
            let alice = server.headers("alice")
            #expect(try await Self.externalIDs(client, server, as: "alice") == [])
            try await client.send(.put, DC.report("r1"), headers: alice, json: #"{"title":"t"}"#)
            try await client.send(
                .post, DC.annotations("r1"), headers: alice,
                json: #"{"annotations":[{"externalId":"a","message":"m","severity":"LOW"}]}"#)
            #expect(try await Self.externalIDs(client, server, as: "alice") == ["a"])
            #expect(try await Self.externalIDs(client, server, as: "alice") == ["a"])

            try await client.send(
                .put, "\(DC.annotations("r1"))/b", headers: alice, json: #"{"message":"m","severity":"LOW"}"#)
            #expect(try await Self.externalIDs(client, server, as: "alice") == ["a", "b"])
            try await client.send(.delete, "\(DC.annotations("r1"))?externalId=a", headers: alice)
            #expect(try await Self.externalIDs(client, server, as: "alice") == ["b"])

            // Another process on the same database: a second server instance or `insights admin`.
            guard case .sqlite(let file) = server.configuration.store.location else {
                Issue.record("The test server runs on SQLite.")
                return
            }
            let other = try SQLiteStore(path: file.path, environment: .live, logger: nil)
            let repository = try RepositoryRef(projectKey: "PROJ", slug: "repo")
            let address = ReportAddress(
                repository: repository, commit: try CommitID(TestServer.commit), key: try InsightKey("r1"))
            let aliceUser = try #require(try await other.users().first { $0.name == "alice" })
            let caller = Caller(
                principal: aliceUser.principal(), access: RepositoryAccess(isPublic: false, grant: .read))
            _ = try await other.putAnnotation(
                AnnotationContent(message: "from elsewhere"), at: .externalID("c"), of: address, keeping: [],
                maxPerReport: 10,
                by: caller)
            #expect(try await Self.externalIDs(client, server, as: "alice") == ["b", "c"])

            try await other.deleteRepository(repository)
            _ = try await other.createRepository(repository, isPublic: false)
            #expect(try await Self.externalIDs(client, server, as: "root") == [])
        }
    }
}
