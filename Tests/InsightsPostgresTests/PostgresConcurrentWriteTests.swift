import Foundation
import InsightsCore
import InsightsPostgres
import InsightsStore
import Testing

/// Writers in two server processes (two stores, each with its own pool) on one database keep the rules on stored
/// state: the annotation cap, all-or-nothing posts, and replacing a report while annotations are posted to it.
@Suite struct PostgresConcurrentWriteTests {
    @Test(.enabled(if: PostgresTestSchema.url != nil))
    func fiftyWritersOnTwoStoresNeverExceedTheCap() async throws {
        try await PostgresTestStores.with(count: 2) { fixture in
            let cap = 100
            let prefilled = 85
            _ = try await fixture.stores[0].addAnnotations(
                (0..<prefilled).map { PostgresTestStores.annotation("seed-\($0)") }, to: fixture.address,
                mode: .insert, maxPerReport: cap, by: fixture.caller)
            let batches = (0..<50).map { writer in
                (0...(writer % 3)).map { PostgresTestStores.annotation("w\(writer)-\($0)") }
            }

            let outcomes = try await withThrowingTaskGroup(of: (Int, Result<[Annotation], InsightsError>).self) {
                group in
                for (writer, batch) in batches.enumerated() {
                    let store = fixture.stores[writer % 2]
                    group.addTask {
                        do {
                            let stored = try await store.addAnnotations(
                                batch, to: fixture.address, mode: .insert, maxPerReport: cap, by: fixture.caller)
                            return (writer, .success(stored))
                        } catch let error as InsightsError {
                            return (writer, .failure(error))
                        }
                    }
                }
                var outcomes: [Int: Result<[Annotation], InsightsError>] = [:]
                for try await (writer, outcome) in group { outcomes[writer] = outcome }
                return outcomes
            }

            let stored = try await fixture.stores[1].annotations(of: fixture.address)
            let byExternalID = Dictionary(stored.map { ($0.content.externalID ?? "", $0) }) { first, _ in first }
            #expect(stored.count <= cap)
            var accepted = 0
            var acceptedAnnotations = 0
            for (writer, batch) in batches.enumerated() {
                switch try #require(outcomes[writer]) {
                case .success(let annotations):
                    accepted += 1
                    acceptedAnnotations += batch.count
                    #expect(annotations.map(\.content) == batch)
                    #expect(annotations.map { byExternalID[$0.content.externalID ?? ""] } == annotations)
                case .failure(let error):
                    #expect(error == .annotationCapExceeded(max: cap))
                    #expect(batch.allSatisfy { byExternalID[$0.externalID ?? ""] == nil })
                    // Refused only when it would not have fitted: the report never shrinks.
                    #expect(stored.count + batch.count > cap)
                }
            }
            #expect(accepted > 0)
            #expect(stored.count == prefilled + acceptedAnnotations)
            // The report's creation, the prefill and each accepted post moved the commit; a refused post did not.
            let revision = try await fixture.stores[0].revision(
                ofCommit: fixture.address.commit, in: fixture.repository)
            #expect(revision.sequence == Int64(2 + accepted))
        }
    }

    /// Replacing a report keeps its annotations (the contract: `ReportStoreTests`
    /// `replaceKeepsIdentityAndAnnotationsButReplacesContent`), so replacements racing with posts lose nothing:
    /// afterwards the report holds the annotations from before and every post, each post whole and in one run.
    @Test(.enabled(if: PostgresTestSchema.url != nil))
    func replacingAReportWhilePostingToItKeepsEveryWholePost() async throws {
        try await PostgresTestStores.with(count: 2) { fixture in
            let before = (0..<5).map { PostgresTestStores.annotation("before-\($0)") }
            _ = try await fixture.stores[0].addAnnotations(
                before, to: fixture.address, mode: .insert, maxPerReport: 1000, by: fixture.caller)
            let posts = (0..<20).map { post in (0..<10).map { PostgresTestStores.annotation("p\(post)-\($0)") } }
            let replacements = (0..<10).map { ReportContent(title: "Replacement \($0)") }

            try await withThrowingTaskGroup(of: Void.self) { group in
                for post in posts {
                    group.addTask {
                        _ = try await fixture.stores[1].addAnnotations(
                            post, to: fixture.address, mode: .insert, maxPerReport: 1000, by: fixture.caller)
                    }
                }
                for replacement in replacements {
                    group.addTask {
                        let outcome = try await fixture.stores[0].putReport(
                            replacement, at: fixture.address, by: fixture.caller)
                        #expect(!outcome.isCreated)
                    }
                }
                try await group.waitForAll()
            }

            let report = try #require(try await fixture.stores[0].report(at: fixture.address))
            #expect(replacements.contains(report.content))
            let stored = try await fixture.stores[0].annotations(of: fixture.address).map(\.content)
            #expect(stored.count == before.count + posts.count * 10)
            #expect(Array(stored.prefix(before.count)) == before)
            for post in posts {
                let start = try #require(stored.firstIndex(of: post[0]))
                #expect(Array(stored[start..<min(start + post.count, stored.count)]) == post)
            }
            let revision = try await fixture.stores[1].revision(
                ofCommit: fixture.address.commit, in: fixture.repository)
            #expect(revision.sequence == Int64(2 + posts.count + replacements.count))
        }
    }
}
