import Foundation
import InsightsCore
import InsightsStore
import Testing

/// The report part of the store contract.
@Suite struct ReportStoreTests {
    @Test(arguments: StoreKind.enabled)
    func createsReportWithCallerAsCreator(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let content = StoreFixture.content()

            let outcome = try await fixture.store.putReport(content, at: seed.address, by: seed.aliceCaller)

            #expect(outcome.isCreated)
            let report = outcome.value
            #expect(report.content == content)
            #expect(report.creator == seed.alice.id)
            #expect(report.createdAt == fixture.clock.now)
            #expect(report.updatedAt == fixture.clock.now)
            #expect(report.repository == seed.repository)
            #expect(report.key == seed.address.report.externalID)
            let stored = try #require(try await fixture.store.report(at: seed.address))
            #expect(stored == report)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func replaceKeepsIdentityAndAnnotationsButReplacesContent(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let first = try await fixture.store.putReport(
                StoreFixture.content(), at: seed.address, by: seed.aliceCaller)
            _ = try await fixture.store.addAnnotations(
                [StoreFixture.annotation("a1")], to: seed.address, mode: .insert, maxPerReport: 10,
                by: seed.aliceCaller)
            fixture.clock.advance(milliseconds: 1_500)

            let replacement = ReportContent(title: "Only a title")
            let second = try await fixture.store.putReport(replacement, at: seed.address, by: seed.aliceCaller)

            #expect(!second.isCreated)
            #expect(second.value.uuid == first.value.uuid)
            #expect(second.value.creator == first.value.creator)
            #expect(second.value.createdAt == first.value.createdAt)
            #expect(second.value.updatedAt == fixture.clock.now)
            #expect(second.value.content == replacement)
            #expect(try await fixture.store.report(at: seed.address) == second.value)
            #expect(try await fixture.store.annotations(of: seed.address).map(\.content.externalID) == ["a1"])
        }
    }

    @Test(arguments: StoreKind.enabled)
    func onlyTheCreatorMayReplace(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let bob = try await fixture.makeUser("bob")
            _ = try await fixture.store.putReport(StoreFixture.content(), at: seed.address, by: seed.aliceCaller)

            let error = await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.putReport(
                    StoreFixture.content(title: "Bob's"), at: seed.address, by: StoreFixture.caller(bob, grant: .admin))
            }
            #expect(error?.kind == .forbidden)
            #expect(try await fixture.store.report(at: seed.address)?.content.title == "Lint")
        }
    }

    @Test(arguments: StoreKind.enabled)
    func anonymousCallerCannotCreate(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let anonymous = Caller(principal: .anonymous, access: RepositoryAccess(isPublic: true, grant: nil))

            let error = await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.putReport(StoreFixture.content(), at: seed.address, by: anonymous)
            }
            #expect(error?.kind == .unauthenticated)
            #expect(try await fixture.store.report(at: seed.address) == nil)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func unknownRepositoryIsNotFound(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let address = try StoreFixture.address(try RepositoryRef(projectKey: "proj", slug: "nope"), key: "lint")

            let error = await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.putReport(StoreFixture.content(), at: address, by: seed.aliceCaller)
            }
            #expect(error == .notFound("Repository proj/nope does not exist."))
        }
    }

    @Test(arguments: StoreKind.enabled)
    func creatorOrAdministratorMayDelete(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let bob = try await fixture.makeUser("bob")
            let root = try await fixture.makeUser("root", isSystemAdmin: true)
            let second = try StoreFixture.address(seed.repository, key: "second")
            _ = try await fixture.store.putReport(StoreFixture.content(), at: seed.address, by: seed.aliceCaller)
            _ = try await fixture.store.putReport(StoreFixture.content(), at: second, by: seed.aliceCaller)

            let error = await #expect(throws: InsightsError.self) {
                try await fixture.store.deleteReport(at: seed.address, by: StoreFixture.caller(bob, grant: .write))
            }
            #expect(error?.kind == .forbidden)

            try await fixture.store.deleteReport(at: seed.address, by: StoreFixture.caller(bob, grant: .admin))
            try await fixture.store.deleteReport(at: second, by: StoreFixture.caller(root, grant: nil))
            #expect(try await fixture.store.report(at: seed.address) == nil)
            #expect(try await fixture.store.report(at: second) == nil)

            let missing = await #expect(throws: InsightsError.self) {
                try await fixture.store.deleteReport(at: second, by: seed.aliceCaller)
            }
            #expect(missing?.kind == .notFound)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func deletingReportDeletesItsAnnotations(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            _ = try await fixture.store.putReport(StoreFixture.content(), at: seed.address, by: seed.aliceCaller)
            _ = try await fixture.store.addAnnotations(
                [StoreFixture.annotation("a1"), StoreFixture.annotation(nil)], to: seed.address, mode: .insert,
                maxPerReport: 10, by: seed.aliceCaller)
            #expect(try await fixture.store.statistics() == StoreStatistics(reports: 1, annotations: 2))

            try await fixture.store.deleteReport(at: seed.address, by: seed.aliceCaller)

            #expect(try await fixture.store.statistics() == StoreStatistics(reports: 0, annotations: 0))
        }
    }

    @Test(arguments: StoreKind.enabled)
    func pagesListInCreationOrder(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let keys = ["zeta", "alpha", "mid", "beta", "omega"]
            for key in keys {
                let address = try StoreFixture.address(seed.repository, key: key)
                _ = try await fixture.store.putReport(StoreFixture.content(), at: address, by: seed.aliceCaller)
            }
            // Replacing a report keeps its place; a report on another commit is not listed.
            let mid = try StoreFixture.address(seed.repository, key: "mid")
            _ = try await fixture.store.putReport(ReportContent(title: "new"), at: mid, by: seed.aliceCaller)
            let other = try StoreFixture.address(seed.repository, commit: "b", key: "other")
            _ = try await fixture.store.putReport(StoreFixture.content(), at: other, by: seed.aliceCaller)
            let commit = seed.address.commit

            let all = try await fixture.store.reports(
                in: seed.repository, commit: commit, page: PageRequest(offset: 0, limit: 100))
            #expect(all.values.map(\.key.rawValue) == keys)
            #expect(all.total == 5)
            #expect(!all.hasMore)

            let first = try await fixture.store.reports(
                in: seed.repository, commit: commit, page: PageRequest(offset: 0, limit: 2))
            #expect(first.values.map(\.key.rawValue) == ["zeta", "alpha"])
            #expect(first.hasMore)
            #expect(first.total == 5)

            let last = try await fixture.store.reports(
                in: seed.repository, commit: commit, page: PageRequest(offset: 3, limit: 2))
            #expect(last.values.map(\.key.rawValue) == ["beta", "omega"])
            #expect(!last.hasMore)
            #expect(last.offset == 3)

            let past = try await fixture.store.reports(
                in: seed.repository, commit: commit, page: PageRequest(offset: 10, limit: 2))
            #expect(past.values.isEmpty)
            #expect(!past.hasMore)
            #expect(past.total == 5)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func retentionDeletesReportsWrittenBeforeCutoff(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let old = try StoreFixture.address(seed.repository, key: "old")
            let refreshed = try StoreFixture.address(seed.repository, key: "refreshed")
            _ = try await fixture.store.putReport(StoreFixture.content(), at: old, by: seed.aliceCaller)
            _ = try await fixture.store.putReport(StoreFixture.content(), at: refreshed, by: seed.aliceCaller)
            _ = try await fixture.store.addAnnotations(
                [StoreFixture.annotation("a1")], to: old, mode: .insert, maxPerReport: 10, by: seed.aliceCaller)
            fixture.clock.advance(milliseconds: 10_000)
            let cutoff = fixture.clock.now
            _ = try await fixture.store.putReport(StoreFixture.content(), at: refreshed, by: seed.aliceCaller)
            _ = try await fixture.store.putReport(StoreFixture.content(), at: seed.address, by: seed.aliceCaller)

            let deleted = try await fixture.store.deleteReports(updatedBefore: cutoff)

            #expect(deleted == 1)
            #expect(try await fixture.store.report(at: old) == nil)
            #expect(try await fixture.store.report(at: refreshed) != nil)
            #expect(try await fixture.store.report(at: seed.address) != nil)
            #expect(try await fixture.store.statistics() == StoreStatistics(reports: 2, annotations: 0))
        }
    }

    @Test(arguments: StoreKind.enabled)
    func reopenedStoreSeesAcknowledgedWrites(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let report = try await fixture.store.putReport(
                StoreFixture.content(), at: seed.address, by: seed.aliceCaller)
            let annotations = try await fixture.store.addAnnotations(
                [StoreFixture.annotation("a1")], to: seed.address, mode: .insert, maxPerReport: 10,
                by: seed.aliceCaller)

            let reopened = try fixture.openSecondStore()

            #expect(try await reopened.report(at: seed.address) == report.value)
            #expect(try await reopened.annotations(of: seed.address) == annotations)
            #expect(try await reopened.users() == [seed.alice])
            try await reopened.checkHealth()
        }
    }
}
