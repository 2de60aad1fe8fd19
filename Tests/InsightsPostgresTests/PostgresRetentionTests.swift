import Foundation
import InsightsCore
import InsightsStore
import Testing

@testable import InsightsPostgres

/// Retention (`deleteReports(updatedBefore:)`) runs in one server process at a time, in batches, and is idempotent.
@Suite struct PostgresRetentionTests {
    /// How many reports the fixture's seed created (the report every ``PostgresTestStores`` starts with).
    private static let seededReports = 1

    @Test(.enabled(if: PostgresTestSchema.url != nil))
    func twoStoresRunningRetentionTogetherDeleteEachExpiredReportOnce() async throws {
        try await PostgresTestStores.with(count: 2) { fixture in
            let expired = try await Self.makeReports(40, prefix: "old", in: fixture) + Self.seededReports
            fixture.environment.advance(milliseconds: 10_000)
            let fresh = try await Self.makeReports(5, prefix: "new", in: fixture)
            let cutoff = fixture.environment.now.addingTimeInterval(-5)

            // Small batches, so the two passes overlap over many transactions and hand the lock to each other.
            let deleted = try await withThrowingTaskGroup(of: Int.self) { group in
                for store in fixture.stores {
                    group.addTask { try await store.deleteReports(updatedBefore: cutoff, reportsPerTransaction: 3) }
                }
                return try await group.reduce(0, +)
            }

            #expect(deleted == expired)
            #expect(try await fixture.stores[0].statistics() == StoreStatistics(reports: fresh, annotations: fresh * 2))
            for store in fixture.stores {
                #expect(try await store.deleteReports(updatedBefore: cutoff) == 0)
            }
        }
    }

    @Test(.enabled(if: PostgresTestSchema.url != nil))
    func retentionDeletesNothingWhileAnotherInstanceHoldsItsLock() async throws {
        try await PostgresTestStores.with(count: 1) { fixture in
            let expired = try await Self.makeReports(3, prefix: "old", in: fixture) + Self.seededReports
            fixture.environment.advance(milliseconds: 10_000)
            let cutoff = fixture.environment.now
            let lock = "\(PostgresStore.retentionLock), hashtext(current_schema())"

            // Another instance's retention pass: one statement that takes the lock and holds it for a while.
            async let holder = fixture.query("SELECT pg_advisory_xact_lock(\(lock))::text || pg_sleep(4)::text")
            let isHeld = try await Self.eventually {
                try await fixture.query(
                    """
                    SELECT count(*)::text FROM pg_locks WHERE locktype = 'advisory' AND granted
                    AND classid = \(PostgresStore.retentionLock) AND objid = hashtext(current_schema())::oid
                    AND objsubid = 2
                    """) == ["1"]
            }
            #expect(isHeld)
            #expect(try await fixture.stores[0].deleteReports(updatedBefore: cutoff) == 0)
            #expect(try await fixture.stores[0].statistics().reports == expired)

            _ = try await holder
            #expect(try await fixture.stores[0].deleteReports(updatedBefore: cutoff) == expired)
            #expect(try await fixture.stores[0].statistics().reports == 0)
        }
    }

    /// Creates `count` reports with two annotations each, spread over three commits, and returns `count`.
    private static func makeReports(_ count: Int, prefix: String, in fixture: PostgresTestStores) async throws -> Int {
        let commits: [Character] = ["b", "c", "d"]
        for index in 0..<count {
            let address = try PostgresTestStores.address(
                fixture.repository, commit: commits[index % commits.count], key: "\(prefix)\(index)")
            _ = try await fixture.stores[0].putReport(ReportContent(title: "Report"), at: address, by: fixture.caller)
            _ = try await fixture.stores[0].addAnnotations(
                [PostgresTestStores.annotation("a"), PostgresTestStores.annotation(nil)], to: address, mode: .insert,
                maxPerReport: 10, by: fixture.caller)
        }
        return count
    }

    /// Whether `condition` holds within two seconds, checked every 20 ms.
    private static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<100 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }
}
