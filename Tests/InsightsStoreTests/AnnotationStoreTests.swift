import Foundation
import InsightsCore
import InsightsStore
import Testing

/// The annotation-writing part of the store contract.
@Suite struct AnnotationStoreTests {
    /// A seeded store with a report at `seed.address`.
    private func withReport(_ kind: StoreKind, _ body: (StoreFixture, Seed) async throws -> Void) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            _ = try await fixture.store.putReport(StoreFixture.content(), at: seed.address, by: seed.aliceCaller)
            try await body(fixture, seed)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func addsAnnotationsInRequestOrder(kind: StoreKind) async throws {
        try await withReport(kind) { fixture, seed in
            let contents = [
                StoreFixture.annotation("b"), StoreFixture.annotation(nil, path: nil, line: nil),
                StoreFixture.annotation("a", severity: nil, type: nil),
            ]

            let stored = try await fixture.store.addAnnotations(
                contents, to: seed.address, mode: .insert, maxPerReport: 10, by: seed.aliceCaller)

            #expect(stored.map(\.content) == contents)
            #expect(
                stored.allSatisfy {
                    $0.reportKey == seed.address.report.externalID && $0.createdAt == fixture.clock.now
                })
            #expect(Set(stored.map(\.uuid)).count == 3)
            #expect(try await fixture.store.annotations(of: seed.address) == stored)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func insertRejectsExistingExternalIDAndStoresNothing(kind: StoreKind) async throws {
        try await withReport(kind) { fixture, seed in
            _ = try await fixture.store.addAnnotations(
                [StoreFixture.annotation("a1")], to: seed.address, mode: .insert, maxPerReport: 10,
                by: seed.aliceCaller)

            let error = await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.addAnnotations(
                    [StoreFixture.annotation("new"), StoreFixture.annotation("a1", message: "changed")],
                    to: seed.address, mode: .insert, maxPerReport: 10, by: seed.aliceCaller)
            }

            #expect(
                error
                    == .duplicateExternalID(
                        FieldPath("annotations").appending(index: 1).appending("externalId"), "a1"))
            let stored = try await fixture.store.annotations(of: seed.address)
            #expect(stored.map(\.content.externalID) == ["a1"])
            #expect(stored.first?.content.message == "Problem")
        }
    }

    @Test(arguments: StoreKind.enabled)
    func upsertReplacesKeepingUUIDAndPosition(kind: StoreKind) async throws {
        try await withReport(kind) { fixture, seed in
            let first = try await fixture.store.addAnnotations(
                [StoreFixture.annotation("a1"), StoreFixture.annotation("a2")], to: seed.address, mode: .insert,
                maxPerReport: 10, by: seed.aliceCaller)
            fixture.clock.advance(milliseconds: 2_000)

            let second = try await fixture.store.addAnnotations(
                [StoreFixture.annotation("a3"), StoreFixture.annotation("a1", message: "changed", severity: .high)],
                to: seed.address, mode: .upsert, maxPerReport: 10, by: seed.aliceCaller)

            let replaced = try #require(second.last)
            #expect(replaced.uuid == first[0].uuid)
            #expect(replaced.createdAt == first[0].createdAt)
            #expect(replaced.updatedAt == fixture.clock.now)
            #expect(replaced.content.message == "changed")
            let stored = try await fixture.store.annotations(of: seed.address)
            #expect(stored.map(\.content.externalID) == ["a1", "a2", "a3"])
            #expect(stored[0] == replaced)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func capAcceptsExactlyTheLimitAndRejectsOnePast(kind: StoreKind) async throws {
        try await withReport(kind) { fixture, seed in
            let max = 5
            _ = try await fixture.store.addAnnotations(
                (0..<3).map { StoreFixture.annotation("a\($0)") }, to: seed.address, mode: .insert,
                maxPerReport: max, by: seed.aliceCaller)

            let error = await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.addAnnotations(
                    (3..<6).map { StoreFixture.annotation("a\($0)") }, to: seed.address, mode: .insert,
                    maxPerReport: max, by: seed.aliceCaller)
            }
            #expect(error == .annotationCapExceeded(max: max))
            #expect(try await fixture.store.annotations(of: seed.address).count == 3)

            // Upserting one existing and two new annotations reaches exactly the cap.
            _ = try await fixture.store.addAnnotations(
                ["a0", "a3", "a4"].map { StoreFixture.annotation($0) }, to: seed.address, mode: .upsert,
                maxPerReport: max, by: seed.aliceCaller)
            #expect(try await fixture.store.annotations(of: seed.address).count == max)

            let full = await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.addAnnotations(
                    [StoreFixture.annotation(nil)], to: seed.address, mode: .insert, maxPerReport: max,
                    by: seed.aliceCaller)
            }
            #expect(full == .annotationCapExceeded(max: max))
            #expect(try await fixture.store.annotations(of: seed.address).count == max)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func putAnnotationCountsOnlyCreationsTowardsCap(kind: StoreKind) async throws {
        try await withReport(kind) { fixture, seed in
            let created = try await fixture.store.putAnnotation(
                StoreFixture.annotation("a1"), to: seed.address, maxPerReport: 2, by: seed.aliceCaller)
            _ = try await fixture.store.putAnnotation(
                StoreFixture.annotation("a2"), to: seed.address, maxPerReport: 2, by: seed.aliceCaller)
            fixture.clock.advance(milliseconds: 1)

            let replaced = try await fixture.store.putAnnotation(
                StoreFixture.annotation("a1", message: "again"), to: seed.address, maxPerReport: 2,
                by: seed.aliceCaller)
            let error = await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.putAnnotation(
                    StoreFixture.annotation("a3"), to: seed.address, maxPerReport: 2, by: seed.aliceCaller)
            }

            #expect(created.isCreated)
            #expect(!replaced.isCreated)
            #expect(replaced.value.uuid == created.value.uuid)
            #expect(replaced.value.createdAt == created.value.createdAt)
            #expect(replaced.value.updatedAt == fixture.clock.now)
            #expect(error == .annotationCapExceeded(max: 2))
            let stored = try await fixture.store.annotations(of: seed.address)
            #expect(stored.map(\.content.message) == ["again", "Problem"])
        }
    }

    @Test(arguments: StoreKind.enabled)
    func onlyTheCreatorMayChangeAnnotations(kind: StoreKind) async throws {
        try await withReport(kind) { fixture, seed in
            let bob = StoreFixture.caller(try await fixture.makeUser("bob"), grant: .admin)
            _ = try await fixture.store.addAnnotations(
                [StoreFixture.annotation("a1")], to: seed.address, mode: .insert, maxPerReport: 10,
                by: seed.aliceCaller)

            await #expect(
                throws: InsightsError.forbidden(
                    "Only the user who created this report may modify it or its annotations.")
            ) {
                _ = try await fixture.store.addAnnotations(
                    [StoreFixture.annotation("b1")], to: seed.address, mode: .insert, maxPerReport: 10, by: bob)
            }
            await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.putAnnotation(
                    StoreFixture.annotation("b1"), to: seed.address, maxPerReport: 10, by: bob)
            }
            await #expect(throws: InsightsError.self) {
                try await fixture.store.deleteAnnotations(of: seed.address, externalIDs: nil, by: bob)
            }
            #expect(try await fixture.store.annotations(of: seed.address).count == 1)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func missingReportIsNotFound(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()

            let add = await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.addAnnotations(
                    [StoreFixture.annotation("a1")], to: seed.address, mode: .insert, maxPerReport: 10,
                    by: seed.aliceCaller)
            }
            let list = await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.annotations(of: seed.address)
            }
            #expect(add?.kind == .notFound)
            #expect(list?.kind == .notFound)
        }
    }

    @Test(arguments: StoreKind.enabled)
    func deletesAnnotationsByExternalIDOrAll(kind: StoreKind) async throws {
        try await withReport(kind) { fixture, seed in
            _ = try await fixture.store.addAnnotations(
                [StoreFixture.annotation("a1"), StoreFixture.annotation("a2"), StoreFixture.annotation(nil)],
                to: seed.address, mode: .insert, maxPerReport: 10, by: seed.aliceCaller)

            try await fixture.store.deleteAnnotations(
                of: seed.address, externalIDs: ["a2", "unknown"], by: seed.aliceCaller)
            #expect(try await fixture.store.annotations(of: seed.address).map(\.content.externalID) == ["a1", nil])

            try await fixture.store.deleteAnnotations(of: seed.address, externalIDs: [], by: seed.aliceCaller)
            #expect(try await fixture.store.annotations(of: seed.address).count == 2)

            try await fixture.store.deleteAnnotations(of: seed.address, externalIDs: nil, by: seed.aliceCaller)
            #expect(try await fixture.store.annotations(of: seed.address).isEmpty)
            #expect(try await fixture.store.report(at: seed.address) != nil)
        }
    }
}
