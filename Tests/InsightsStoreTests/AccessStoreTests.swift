import Foundation
import InsightsCore
import InsightsStore
import Testing

/// Projects, repositories, users, tokens and grants in the store contract.
@Suite struct AccessStoreTests {
    @Test(arguments: StoreKind.enabled)
    func aSecretIsStoredOnceAndSharedByEveryCaller(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            let first = try await store.secret(named: "web-session-key", storingIfAbsent: [1, 2, 3])
            #expect(first == [1, 2, 3])
            #expect(try await store.secret(named: "web-session-key", storingIfAbsent: [9]) == [1, 2, 3])
            #expect(try await store.secret(named: "other", storingIfAbsent: [0, 255]) == [0, 255])
            let racing = try await withThrowingTaskGroup(of: [UInt8].self) { group in
                for value in UInt8(10)..<UInt8(20) {
                    group.addTask { try await store.secret(named: "raced", storingIfAbsent: [value]) }
                }
                return try await group.reduce(into: Set<[UInt8]>()) { $0.insert($1) }
            }
            #expect(racing.count == 1)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func repositoriesAreCaseInsensitiveAndUnique(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            try await store.createProject(key: "PROJ", name: "Project")
            let repository = try await store.createRepository(
                try RepositoryRef(projectKey: "proj", slug: "Repo"), isPublic: true)

            await #expect(throws: InsightsError.conflict("Project proj already exists.")) {
                try await store.createProject(key: "Proj", name: "Again")
            }
            let conflict = await #expect(throws: InsightsError.self) {
                _ = try await store.createRepository(
                    try RepositoryRef(projectKey: "PROJ", slug: "REPO"), isPublic: false)
            }
            #expect(conflict?.kind == .conflict)
            let missing = await #expect(throws: InsightsError.self) {
                _ = try await store.createRepository(
                    try RepositoryRef(projectKey: "none", slug: "repo"), isPublic: false)
            }
            #expect(missing?.kind == .notFound)
            #expect(repository.ref.description == "proj/repo")
            #expect(try await store.repositories() == [repository])

            try await store.setRepositoryVisibility(
                try RepositoryRef(projectKey: "PROJ", slug: "REPO"), isPublic: false)
            let found = try #require(try await store.repository(repository.ref, accessFor: nil))
            #expect(found.0.isPublic == false)
            #expect(found.1 == RepositoryAccess(isPublic: false, grant: nil))
            #expect(try await store.repository(try RepositoryRef(projectKey: "proj", slug: "x"), accessFor: nil) == nil)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func repositoriesListByProjectKeyAndSlug(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            _ = try await fixture.makeRepository(project: "b", slug: "one")
            _ = try await fixture.makeRepository(project: "a", slug: "two")
            _ = try await fixture.makeRepository(project: "a", slug: "one")

            let listed = try await fixture.store.repositories().map(\.ref.description)

            #expect(listed == ["a/one", "a/two", "b/one"])
        }
    }

    @Test(arguments: StoreKind.enabled)
    func deletingRepositoryCascades(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let kept = try await fixture.makeRepository(slug: "kept")
            let keptAddress = try StoreFixture.address(kept, key: "lint")
            try await fixture.store.grant(.admin, toUserNamed: "alice", on: .repository(seed.repository))
            for address in [seed.address, keptAddress] {
                _ = try await fixture.store.putReport(StoreFixture.content(), at: address, by: seed.aliceCaller)
                _ = try await fixture.store.addAnnotations(
                    [StoreFixture.annotation("a1")], to: address, mode: .insert, maxPerReport: 10,
                    by: seed.aliceCaller)
            }

            try await fixture.store.deleteRepository(seed.repository)

            #expect(try await fixture.store.statistics() == StoreStatistics(reports: 1, annotations: 1))
            #expect(try await fixture.store.repositories().map(\.ref) == [kept])
            // Re-created, it starts empty: no reports and no grants survive.
            _ = try await fixture.store.createRepository(seed.repository, isPublic: false)
            #expect(try await fixture.store.report(at: seed.address) == nil)
            let access = try #require(try await fixture.store.repository(seed.repository, accessFor: seed.alice.id))
            #expect(access.1.grant == nil)
            let missing = await #expect(throws: InsightsError.self) {
                try await fixture.store.deleteRepository(try RepositoryRef(projectKey: "proj", slug: "gone"))
            }
            #expect(missing?.kind == .notFound)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func grantsOnProjectAndRepositoryTakeTheHigher(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            let seed = try await fixture.seed()
            let sibling = try await fixture.makeRepository(slug: "sibling")
            let elsewhere = try await fixture.makeRepository(project: "other", slug: "repo")
            func grant(on ref: RepositoryRef) async throws -> Permission? {
                try #require(try await store.repository(ref, accessFor: seed.alice.id)).1.grant
            }

            #expect(try await grant(on: seed.repository) == nil)
            try await store.grant(.read, toUserNamed: "ALICE", on: .project("PROJ"))
            #expect(try await grant(on: seed.repository) == .read)
            #expect(try await grant(on: sibling) == .read)
            #expect(try await grant(on: elsewhere) == nil)

            try await store.grant(.admin, toUserNamed: "alice", on: .repository(seed.repository))
            #expect(try await grant(on: seed.repository) == .admin)
            #expect(try await grant(on: sibling) == .read)

            // Replacing the project grant with a higher one; the repository grant still wins where higher.
            try await store.grant(.write, toUserNamed: "alice", on: .project("proj"))
            #expect(try await grant(on: seed.repository) == .admin)
            #expect(try await grant(on: sibling) == .write)

            try await store.revokeGrant(fromUserNamed: "alice", on: .repository(seed.repository))
            #expect(try await grant(on: seed.repository) == .write)
            try await store.revokeGrant(fromUserNamed: "alice", on: .project("proj"))
            try await store.revokeGrant(fromUserNamed: "alice", on: .project("proj"))
            #expect(try await grant(on: seed.repository) == nil)
            #expect(try await store.repository(seed.repository, accessFor: nil)?.1.grant == nil)

            let unknownUser = await #expect(throws: InsightsError.self) {
                try await store.grant(.read, toUserNamed: "nobody", on: .project("proj"))
            }
            let unknownProject = await #expect(throws: InsightsError.self) {
                try await store.grant(.read, toUserNamed: "alice", on: .project("nope"))
            }
            #expect(unknownUser?.kind == .notFound)
            #expect(unknownProject?.kind == .notFound)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func usersAreCaseInsensitiveAndUnique(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            let bob = try await store.createUser(name: "Bob", passwordHash: "h1", isSystemAdmin: true)
            let alice = try await fixture.makeUser("alice")

            let conflict = await #expect(throws: InsightsError.self) {
                _ = try await store.createUser(name: "BOB", passwordHash: "h2", isSystemAdmin: false)
            }
            try await store.setPasswordHash("h3", forUserNamed: "bOb")

            #expect(conflict?.kind == .conflict)
            #expect(bob.name == "bob")
            #expect(bob.isSystemAdmin)
            let credentials = try #require(try await store.userCredentials(named: "BOB"))
            #expect(credentials.user == bob)
            #expect(credentials.passwordHash == "h3")
            #expect(try await store.userCredentials(named: "carol") == nil)
            #expect(try await store.users() == [alice, bob])
            await #expect(throws: InsightsError.self) {
                try await store.setPasswordHash("h", forUserNamed: "carol")
            }
        }
    }

    @Test(arguments: StoreKind.enabled)
    func tokensResolveByDigestUntilTheyExpire(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            let alice = try await fixture.makeUser("alice")
            let now = fixture.clock.now
            let expiry = now.addingTimeInterval(60)

            let token = try await store.createToken(
                digest: "d1", name: "ci", forUserNamed: "Alice", ceiling: .write, expiresAt: expiry)
            let forever = try await store.createToken(
                digest: "d2", name: "laptop", forUserNamed: "alice", ceiling: .read, expiresAt: nil)

            #expect(token.userID == alice.id)
            #expect(token.createdAt == now)
            #expect(token.expiresAt == expiry)
            #expect(token.ceiling == .write)
            let found = try #require(try await store.user(forTokenDigest: "d1", at: now))
            #expect(found.user == alice)
            #expect(found.token == token)
            #expect(try await store.user(forTokenDigest: "d1", at: expiry) == nil)
            #expect(try await store.user(forTokenDigest: "d2", at: expiry.addingTimeInterval(1e9))?.token == forever)
            #expect(try await store.user(forTokenDigest: "unknown", at: now) == nil)

            let duplicate = await #expect(throws: InsightsError.self) {
                _ = try await store.createToken(
                    digest: "d3", name: "ci", forUserNamed: "alice", ceiling: .read, expiresAt: nil)
            }
            let unknownUser = await #expect(throws: InsightsError.self) {
                _ = try await store.createToken(
                    digest: "d4", name: "ci", forUserNamed: "nobody", ceiling: .read, expiresAt: nil)
            }
            #expect(duplicate?.kind == .conflict)
            #expect(unknownUser?.kind == .notFound)

            try await store.deleteToken(named: "ci", forUserNamed: "alice")
            #expect(try await store.user(forTokenDigest: "d1", at: now) == nil)
            let missing = await #expect(throws: InsightsError.self) {
                try await store.deleteToken(named: "ci", forUserNamed: "alice")
            }
            #expect(missing?.kind == .notFound)
        }
    }
}
