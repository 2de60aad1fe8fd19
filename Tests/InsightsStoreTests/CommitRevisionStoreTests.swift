import Foundation
import InsightsCore
import InsightsStore
import Testing

/// Commit revisions in the store contract: every write to a commit's insights moves its revision in the same
/// transaction, reads and refused writes do not, and a revision never stands for two different contents.
@Suite struct CommitRevisionStoreTests {
    /// One store write, named for the failure message.
    private struct Write {
        let name: String
        let run: () async throws -> Void

        init(_ name: String, _ run: @escaping () async throws -> Void) {
            self.name = name
            self.run = run
        }
    }

    /// The revision `revision(ofCommit:in:)` reports, checked against the one the commit-wide query returns.
    private static func revision(
        of address: ReportAddress, in store: any InsightsStore
    ) async throws -> CommitRevision {
        let revision = try await store.revision(ofCommit: address.commit, in: address.repository)
        let query = try await store.annotations(
            inCommit: address.commit, of: address.repository, matching: AnnotationFilter())
        #expect(query.revision == revision)
        #expect(try await store.revision(ofCommit: address.commit, in: address.repository) == revision)
        return revision
    }

    @Test(arguments: StoreKind.enabled)
    func everyWriteMovesTheRevisionAndNoRevisionRepeats(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let store = fixture.store
            let caller = seed.aliceCaller
            let address = seed.address
            let writes = [
                Write("create report") {
                    _ = try await store.putReport(StoreFixture.content(), at: address, by: caller)
                },
                Write("replace report") {
                    _ = try await store.putReport(StoreFixture.content(title: "Again"), at: address, by: caller)
                },
                Write("add annotations") {
                    _ = try await store.addAnnotations(
                        [StoreFixture.annotation("a"), StoreFixture.annotation("b"), StoreFixture.annotation(nil)],
                        to: address, mode: .insert, maxPerReport: 10, by: caller)
                },
                Write("upsert annotations") {
                    _ = try await store.addAnnotations(
                        [StoreFixture.annotation("a", message: "Changed")], to: address, mode: .upsert,
                        maxPerReport: 10, by: caller)
                },
                Write("create annotation") {
                    _ = try await store.putAnnotation(
                        StoreFixture.annotation("c"), to: address, maxPerReport: 10, by: caller)
                },
                Write("replace annotation") {
                    _ = try await store.putAnnotation(
                        StoreFixture.annotation("c", message: "Changed"), to: address, maxPerReport: 10, by: caller)
                },
                Write("delete annotations by external id") {
                    try await store.deleteAnnotations(of: address, externalIDs: ["a"], by: caller)
                },
                Write("delete all annotations") {
                    try await store.deleteAnnotations(of: address, externalIDs: nil, by: caller)
                },
                Write("delete report") { try await store.deleteReport(at: address, by: caller) },
            ]
            var seen = [try await Self.revision(of: address, in: store)]
            #expect(seen[0].sequence == 0, "a commit never written")
            for write in writes {
                try await write.run()
                let revision = try await Self.revision(of: address, in: store)
                #expect(!seen.contains(revision), "\(write.name) must move the revision to a new one")
                seen.append(revision)
            }
        }
    }

    @Test(arguments: StoreKind.enabled)
    func refusedWritesAndOtherCommitsLeaveTheRevision(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let store = fixture.store
            _ = try await store.putReport(StoreFixture.content(), at: seed.address, by: seed.aliceCaller)
            _ = try await store.addAnnotations(
                [StoreFixture.annotation("a")], to: seed.address, mode: .insert, maxPerReport: 2,
                by: seed.aliceCaller)
            let before = try await Self.revision(of: seed.address, in: store)

            await #expect(throws: InsightsError.self) {
                _ = try await store.addAnnotations(
                    [StoreFixture.annotation("b"), StoreFixture.annotation("c")], to: seed.address, mode: .insert,
                    maxPerReport: 2, by: seed.aliceCaller)
            }
            await #expect(throws: InsightsError.self) {
                _ = try await store.addAnnotations(
                    [StoreFixture.annotation("a")], to: seed.address, mode: .insert, maxPerReport: 2,
                    by: seed.aliceCaller)
            }
            let bob = StoreFixture.caller(try await fixture.makeUser("bob"))
            await #expect(throws: InsightsError.self) {
                try await store.deleteReport(at: seed.address, by: bob)
            }
            let otherCommit = try StoreFixture.address(seed.repository, commit: "b", key: "lint")
            _ = try await store.putReport(StoreFixture.content(), at: otherCommit, by: seed.aliceCaller)
            _ = try await store.annotations(of: seed.address)

            #expect(try await Self.revision(of: seed.address, in: store) == before)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func retentionMovesTheRevisionOfTheCommitsItEmpties(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let store = fixture.store
            let recent = try StoreFixture.address(seed.repository, commit: "b", key: "lint")
            _ = try await store.putReport(StoreFixture.content(), at: seed.address, by: seed.aliceCaller)
            fixture.clock.advance(milliseconds: 10_000)
            _ = try await store.putReport(StoreFixture.content(), at: recent, by: seed.aliceCaller)
            let oldBefore = try await Self.revision(of: seed.address, in: store)
            let recentBefore = try await Self.revision(of: recent, in: store)

            #expect(try await store.deleteReports(updatedBefore: fixture.clock.now.addingTimeInterval(-5)) == 1)

            #expect(try await Self.revision(of: seed.address, in: store) != oldBefore)
            #expect(try await Self.revision(of: recent, in: store) == recentBefore)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func aRecreatedRepositoryNeverRepeatsARevision(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let store = fixture.store
            _ = try await store.putReport(StoreFixture.content(), at: seed.address, by: seed.aliceCaller)
            let before = try await Self.revision(of: seed.address, in: store)

            try await store.deleteRepository(seed.repository)
            let unknown = try await Self.revision(of: seed.address, in: store)
            _ = try await store.createRepository(seed.repository, isPublic: false)
            let recreated = try await Self.revision(of: seed.address, in: store)
            _ = try await store.putReport(StoreFixture.content(), at: seed.address, by: seed.aliceCaller)
            let rewritten = try await Self.revision(of: seed.address, in: store)

            #expect(unknown == CommitRevision(repositoryID: 0, sequence: 0))
            #expect(recreated.sequence == 0)
            #expect(Set([before, unknown, recreated, rewritten]).count == 4)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func aWriteThroughAnotherStoreMovesTheRevision(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            _ = try await fixture.store.putReport(StoreFixture.content(), at: seed.address, by: seed.aliceCaller)
            let before = try await Self.revision(of: seed.address, in: fixture.store)

            let second = try fixture.openSecondStore()
            _ = try await second.addAnnotations(
                [StoreFixture.annotation("a")], to: seed.address, mode: .insert, maxPerReport: 10,
                by: seed.aliceCaller)

            #expect(try await Self.revision(of: seed.address, in: fixture.store) != before)
        }
    }
}
