import InsightsCore
import InsightsStore
import Testing

/// Rules on stored state hold when several store instances (as several server processes) write one database.
@Suite struct ConcurrentStoreTests {
    @Test(arguments: StoreKind.enabled)
    func racingWritersNeverExceedTheCap(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let address = seed.address
            let caller = seed.aliceCaller
            let cap = 20
            let perRequest = 3
            let requests = 12
            _ = try await fixture.store.putReport(StoreFixture.content(), at: address, by: caller)
            _ = try await fixture.store.addAnnotations(
                [StoreFixture.annotation("seed-0"), StoreFixture.annotation("seed-1")], to: address, mode: .insert,
                maxPerReport: cap, by: caller)
            let stores = [fixture.store, try fixture.openSecondStore(), try fixture.openSecondStore()]

            let outcomes = try await withThrowingTaskGroup(of: (Int, InsightsError?).self) { group in
                for request in 0..<requests {
                    let store = stores[request % stores.count]
                    let batch = (0..<perRequest).map { StoreFixture.annotation("r\(request)-\($0)") }
                    group.addTask {
                        do {
                            let stored = try await store.addAnnotations(
                                batch, to: address, mode: .insert, maxPerReport: cap, by: caller)
                            #expect(stored.count == perRequest)
                            return (request, nil)
                        } catch let error as InsightsError {
                            return (request, error)
                        }
                    }
                }
                var outcomes: [Int: InsightsError?] = [:]
                for try await (request, error) in group { outcomes[request] = error }
                return outcomes
            }

            let stored = Set(try await fixture.store.annotations(of: address).compactMap(\.content.externalID))
            let accepted = outcomes.filter { $0.value == nil }.map(\.key)
            #expect(stored.count <= cap)
            #expect(accepted.count == (cap - 2) / perRequest)
            #expect(stored.count == 2 + accepted.count * perRequest)
            for (request, error) in outcomes {
                let ids = (0..<perRequest).map { "r\(request)-\($0)" }
                if let error {
                    #expect(error == .annotationCapExceeded(max: cap))
                    #expect(ids.allSatisfy { !stored.contains($0) })
                } else {
                    #expect(ids.allSatisfy { stored.contains($0) })
                }
            }
        }
    }

    @Test(arguments: StoreKind.enabled)
    func racingReportCreationsMakeOneReport(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let address = seed.address
            let caller = seed.aliceCaller
            let stores = [fixture.store, try fixture.openSecondStore()]

            let created = try await withThrowingTaskGroup(of: Bool.self) { group in
                for attempt in 0..<8 {
                    let store = stores[attempt % stores.count]
                    group.addTask {
                        try await store.putReport(
                            StoreFixture.content(title: "Attempt \(attempt)"), at: address, by: caller
                        ).isCreated
                    }
                }
                var created = 0
                for try await isCreated in group where isCreated { created += 1 }
                return created
            }

            #expect(created == 1)
            #expect(try await fixture.store.statistics().reports == 1)
        }
    }
}
