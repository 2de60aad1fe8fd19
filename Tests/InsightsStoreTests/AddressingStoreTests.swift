import Foundation
import InsightsCore
import InsightsStore
import Testing

/// The addressing part of the store contract: reports and annotations by key, external id or uuid; a report's
/// annotations a page at a time; repositories by workspace and repository uuid.
@Suite struct AddressingStoreTests {
    /// A seeded store with a report at `seed.address` and annotations `a0`…`a(count-1)`.
    private func withReport(
        _ kind: StoreKind, annotations count: Int = 0, _ body: (StoreFixture, Seed, Report) async throws -> Void
    ) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let report = try await fixture.store.putReport(
                StoreFixture.content(), at: seed.address, by: seed.aliceCaller
            ).value
            if count > 0 {
                _ = try await fixture.store.addAnnotations(
                    (0..<count).map { StoreFixture.annotation("a\($0)") }, to: seed.address, mode: .insert,
                    maxPerReport: 1000, by: seed.aliceCaller)
            }
            try await body(fixture, seed, report)
        }
    }

    private func address(_ seed: Seed, _ selector: ReportSelector) -> ReportAddress {
        ReportAddress(repository: seed.repository, commit: seed.address.commit, report: selector)
    }

    @Test(arguments: StoreKind.enabled)
    func findsReportByUUIDAndByUUIDThenKey(kind: StoreKind) async throws {
        try await withReport(kind) { fixture, seed, report in
            let byUUID = try await fixture.store.report(at: address(seed, .uuid(report.uuid)))
            #expect(byUUID == report)
            let key = try InsightKey("{\(report.uuid.uuidString.lowercased())}")
            let uuidFirst = try await fixture.store.report(at: address(seed, .uuidOrExternalID(report.uuid, key)))
            #expect(uuidFirst == report)
            #expect(try await fixture.store.report(at: address(seed, .uuid(UUID()))) == nil)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func uuidFormFallsBackToAKeyWrittenThatWay(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let uuid = UUID()
            let key = try InsightKey("{\(uuid.uuidString.lowercased())}")
            let created = try await fixture.store.putReport(
                StoreFixture.content(), at: address(seed, .externalID(key)), by: seed.aliceCaller)
            let found = try await fixture.store.report(at: address(seed, .uuidOrExternalID(uuid, key)))
            #expect(found == created.value)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func putReportByUUIDReplacesAndNeverCreates(kind: StoreKind) async throws {
        try await withReport(kind) { fixture, seed, report in
            let replaced = try await fixture.store.putReport(
                StoreFixture.content(title: "Again"), at: address(seed, .uuid(report.uuid)), by: seed.aliceCaller)
            #expect(!replaced.isCreated)
            #expect(replaced.value.key == report.key && replaced.value.content.title == "Again")

            let unknown = UUID()
            let error = await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.putReport(
                    StoreFixture.content(), at: address(seed, .uuidOrExternalID(unknown, try InsightKey("{x}"))),
                    by: seed.aliceCaller)
            }
            #expect(error?.kind == .notFound)
            let page = try await fixture.store.reports(
                in: seed.repository, commit: seed.address.commit, page: PageRequest(offset: 0, limit: 10))
            #expect(page.total == 1)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func deletesReportByUUID(kind: StoreKind) async throws {
        try await withReport(kind, annotations: 2) { fixture, seed, report in
            try await fixture.store.deleteReport(at: address(seed, .uuid(report.uuid)), by: seed.aliceCaller)
            #expect(try await fixture.store.report(at: seed.address) == nil)
            #expect(try await fixture.store.statistics() == StoreStatistics(reports: 0, annotations: 0))
        }
    }

    @Test(arguments: StoreKind.enabled)
    func pagesThroughAReportsAnnotations(kind: StoreKind) async throws {
        try await withReport(kind, annotations: 5) { fixture, seed, _ in
            let first = try await fixture.store.annotations(of: seed.address, page: PageRequest(offset: 0, limit: 2))
            #expect(first.values.map(\.content.externalID) == ["a0", "a1"])
            #expect(first.hasMore && first.total == 5 && first.offset == 0)
            let last = try await fixture.store.annotations(of: seed.address, page: PageRequest(offset: 4, limit: 2))
            #expect(last.values.map(\.content.externalID) == ["a4"])
            #expect(!last.hasMore && last.total == 5)
            let past = try await fixture.store.annotations(of: seed.address, page: PageRequest(offset: 9, limit: 2))
            #expect(past.values.isEmpty && !past.hasMore && past.total == 5)
            let whole = try await fixture.store.annotations(
                of: seed.address, page: PageRequest(offset: 0, limit: 100))
            #expect(whole.values.count == 5 && whole.total == 5 && !whole.hasMore)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func pagingAnUnknownReportIsNotFound(kind: StoreKind) async throws {
        try await withReport(kind) { fixture, seed, _ in
            let error = await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.annotations(
                    of: address(seed, .uuid(UUID())), page: PageRequest(offset: 0, limit: 10))
            }
            #expect(error?.kind == .notFound)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func findsAnnotationByExternalIDAndByUUID(kind: StoreKind) async throws {
        try await withReport(kind, annotations: 2) { fixture, seed, _ in
            let stored = try await fixture.store.annotations(of: seed.address)
            let second = try #require(stored.last)
            #expect(try await fixture.store.annotation(.externalID("a1"), of: seed.address) == second)
            #expect(try await fixture.store.annotation(.uuid(second.uuid), of: seed.address) == second)
            #expect(
                try await fixture.store.annotation(.uuidOrExternalID(second.uuid, "{x}"), of: seed.address) == second)
            #expect(try await fixture.store.annotation(.uuid(UUID()), of: seed.address) == nil)
            #expect(try await fixture.store.annotation(.externalID("missing"), of: seed.address) == nil)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func putAnnotationByUUIDKeepsExternalIDAndPosition(kind: StoreKind) async throws {
        try await withReport(kind, annotations: 2) { fixture, seed, _ in
            let first = try #require(try await fixture.store.annotations(of: seed.address).first)
            fixture.clock.advance(milliseconds: 5)
            var content = StoreFixture.annotation("ignored", message: "Replaced")
            content.externalID = "ignored"
            let outcome = try await fixture.store.putAnnotation(
                content, at: .uuid(first.uuid), of: seed.address, keeping: [], maxPerReport: 2, by: seed.aliceCaller)
            #expect(!outcome.isCreated)
            #expect(outcome.value.uuid == first.uuid && outcome.value.content.externalID == "a0")
            #expect(outcome.value.content.message == "Replaced")
            #expect(outcome.value.createdAt == first.createdAt && outcome.value.updatedAt > first.updatedAt)
            let listed = try await fixture.store.annotations(of: seed.address)
            #expect(listed.map(\.content.externalID) == ["a0", "a1"])
        }
    }

    @Test(arguments: StoreKind.enabled)
    func putAnnotationByUnknownUUIDNeverCreates(kind: StoreKind) async throws {
        try await withReport(kind) { fixture, seed, _ in
            let error = await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.putAnnotation(
                    StoreFixture.annotation(nil), at: .uuidOrExternalID(UUID(), "{u}"), of: seed.address, keeping: [],
                    maxPerReport: 10, by: seed.aliceCaller)
            }
            #expect(error?.kind == .notFound)
            let remaining = try await fixture.store.annotations(of: seed.address)
            #expect(remaining.isEmpty)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func putAnnotationByExternalIDCreatesUnderThePathID(kind: StoreKind) async throws {
        try await withReport(kind) { fixture, seed, _ in
            let outcome = try await fixture.store.putAnnotation(
                StoreFixture.annotation("body-id"), at: .externalID("path-id"), of: seed.address, keeping: [],
                maxPerReport: 10,
                by: seed.aliceCaller)
            #expect(outcome.isCreated && outcome.value.content.externalID == "path-id")
        }
    }

    @Test(arguments: StoreKind.enabled)
    func deletesOneAnnotationBySelector(kind: StoreKind) async throws {
        try await withReport(kind, annotations: 3) { fixture, seed, _ in
            let stored = try await fixture.store.annotations(of: seed.address)
            let revision = try await fixture.store.revision(
                ofCommit: seed.address.commit, in: seed.repository)
            try await fixture.store.deleteAnnotation(.uuid(stored[0].uuid), of: seed.address, by: seed.aliceCaller)
            try await fixture.store.deleteAnnotation(.externalID("a2"), of: seed.address, by: seed.aliceCaller)
            #expect(try await fixture.store.annotations(of: seed.address).map(\.content.externalID) == ["a1"])
            #expect(try await fixture.store.revision(ofCommit: seed.address.commit, in: seed.repository) != revision)

            let error = await #expect(throws: InsightsError.self) {
                try await fixture.store.deleteAnnotation(.externalID("a2"), of: seed.address, by: seed.aliceCaller)
            }
            #expect(error?.kind == .notFound)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func onlyTheCreatorDeletesOneAnnotation(kind: StoreKind) async throws {
        try await withReport(kind, annotations: 1) { fixture, seed, _ in
            let bob = StoreFixture.caller(try await fixture.makeUser("bob"))
            let error = await #expect(throws: InsightsError.self) {
                try await fixture.store.deleteAnnotation(.externalID("a0"), of: seed.address, by: bob)
            }
            #expect(error?.kind == .forbidden)
            #expect(try await fixture.store.annotations(of: seed.address).count == 1)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func resolvesRepositoriesByWorkspaceAndRepositoryUUID(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let ref = try await fixture.makeRepository(project: "ws", slug: "one")
            let other = try await fixture.makeRepository(project: "elsewhere", slug: "two")
            let repositories = try await fixture.store.repositories()
            let one = try #require(repositories.first { $0.ref == ref })
            let two = try #require(repositories.first { $0.ref == other })
            #expect(Set(repositories.map(\.uuid)).count == 2 && one.projectUUID != two.projectUUID)

            #expect(try await fixture.store.repositoryRef(project: .name("WS"), repository: .name("One")) == ref)
            #expect(
                try await fixture.store.repositoryRef(project: .uuid(one.projectUUID), repository: .name("one")) == ref)
            #expect(try await fixture.store.repositoryRef(project: .name("ws"), repository: .uuid(one.uuid)) == ref)
            #expect(
                try await fixture.store.repositoryRef(project: .uuid(one.projectUUID), repository: .uuid(one.uuid))
                    == ref)
            #expect(try await fixture.store.repositoryRef(project: .name("ws"), repository: .uuid(two.uuid)) == nil)
            #expect(try await fixture.store.repositoryRef(project: .uuid(UUID()), repository: .name("one")) == nil)
            let access = try await fixture.store.repository(ref, accessFor: nil)
            #expect(access?.0 == one)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func replacementKeepsTheFieldsTheWriterCannotExpress(kind: StoreKind) async throws {
        try await withReport(kind, annotations: 1) { fixture, seed, _ in
            let rewrite = AnnotationContent(message: "Rewritten", severity: .high)
            let kept = try await fixture.store.putAnnotation(
                rewrite, at: .externalID("a0"), of: seed.address, keeping: [.title, .details, .result],
                maxPerReport: 10, by: seed.aliceCaller
            ).value.content
            #expect(kept.message == "Rewritten" && kept.path == nil && kept.line == nil && kept.type == nil)
            #expect(kept.title == "Title" && kept.details == "Details" && kept.result == .failed)
            let cleared = try await fixture.store.putAnnotation(
                rewrite, at: .externalID("a0"), of: seed.address, keeping: [], maxPerReport: 10, by: seed.aliceCaller
            ).value.content
            #expect(cleared.title == nil && cleared.details == nil && cleared.result == nil)
        }
    }
}
