import InsightsCore
import InsightsStore
import Testing

/// The commit-wide annotation query of the store contract.
@Suite struct AnnotationFilterStoreTests {
    /// A filter and the messages it must return, in order.
    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let filter: AnnotationFilter
        let messages: [String]
    }

    static let cases: [Case] = [
        Case(description: "no filter", filter: AnnotationFilter(), messages: ["l1", "l2", "l3", "c1", "c2"]),
        Case(description: "severity", filter: AnnotationFilter(severities: [.low]), messages: ["l1"]),
        Case(
            description: "high matches critical", filter: AnnotationFilter(severities: [.high]),
            messages: ["l2", "c1"]),
        Case(description: "critical alone", filter: AnnotationFilter(severities: [.critical]), messages: ["c1"]),
        Case(description: "path", filter: AnnotationFilter(paths: ["b.swift"]), messages: ["l2", "c2"]),
        Case(
            description: "paths OR", filter: AnnotationFilter(paths: ["a.swift", "b.swift"]),
            messages: ["l1", "l2", "c1", "c2"]),
        Case(description: "path is exact", filter: AnnotationFilter(paths: ["B.swift"]), messages: []),
        Case(description: "external id", filter: AnnotationFilter(externalIDs: ["x2"]), messages: ["l2", "c2"]),
        Case(description: "type", filter: AnnotationFilter(types: [.bug]), messages: ["l3", "c2"]),
        Case(description: "report key", filter: AnnotationFilter(reportKeys: ["coverage"]), messages: ["c1", "c2"]),
        Case(
            description: "AND across fields", filter: AnnotationFilter(paths: ["b.swift"], reportKeys: ["lint"]),
            messages: ["l2"]),
        Case(
            description: "AND and OR",
            filter: AnnotationFilter(severities: [.low, .high], types: [.codeSmell, .vulnerability]),
            messages: ["l1", "l2", "c1"]),
    ]

    @Test(arguments: StoreKind.enabled, cases)
    func filtersCommitAnnotations(kind: StoreKind, testCase: Case) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let store = fixture.store
            let coverage = try StoreFixture.address(seed.repository, key: "coverage")
            let otherCommit = try StoreFixture.address(seed.repository, commit: "b", key: "lint")
            for address in [seed.address, coverage, otherCommit] {
                _ = try await store.putReport(StoreFixture.content(), at: address, by: seed.aliceCaller)
            }
            _ = try await store.addAnnotations(
                [
                    StoreFixture.annotation("x1", message: "l1", path: "a.swift", severity: .low, type: .codeSmell),
                    StoreFixture.annotation("x2", message: "l2", path: "b.swift", severity: .high, type: .codeSmell),
                    StoreFixture.annotation(nil, message: "l3", path: nil, severity: nil, type: .bug),
                ], to: seed.address, mode: .insert, maxPerReport: 10, by: seed.aliceCaller)
            _ = try await store.addAnnotations(
                [
                    StoreFixture.annotation(
                        "x1", message: "c1", path: "a.swift", severity: .critical, type: .vulnerability),
                    StoreFixture.annotation("x2", message: "c2", path: "b.swift", severity: .medium, type: .bug),
                ], to: coverage, mode: .insert, maxPerReport: 10, by: seed.aliceCaller)
            _ = try await store.addAnnotations(
                [StoreFixture.annotation("x1", message: "other commit", path: "a.swift", severity: .low)],
                to: otherCommit, mode: .insert, maxPerReport: 10, by: seed.aliceCaller)
            // A later write to the first annotation keeps its place.
            _ = try await store.putAnnotation(
                StoreFixture.annotation("x1", message: "l1", path: "a.swift", severity: .low, type: .codeSmell),
                to: seed.address, maxPerReport: 10, by: seed.aliceCaller)

            let found = try await store.annotations(
                inCommit: seed.address.commit, of: seed.repository, matching: testCase.filter
            ).annotations

            #expect(found.map(\.content.message) == testCase.messages)
            #expect(
                found.allSatisfy { ($0.content.message.hasPrefix("l") ? "lint" : "coverage") == $0.reportKey.rawValue })
        }
    }

    /// Filter values reach the database as bound values whatever characters they hold.
    @Test(arguments: StoreKind.enabled)
    func filterValuesMatchExactlyWhateverTheirCharacters(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            let store = fixture.store
            _ = try await store.putReport(StoreFixture.content(), at: seed.address, by: seed.aliceCaller)
            let paths = [#"src/"quoted" \ back.swift"#, "src/ünïcode 🚀.swift", "src/%_*.swift", "src/' OR 1=1 --"]
            _ = try await store.addAnnotations(
                paths.enumerated().map { index, path in
                    StoreFixture.annotation("x\(index)", message: path, path: path, severity: .low)
                }, to: seed.address, mode: .insert, maxPerReport: 10, by: seed.aliceCaller)

            for path in paths {
                let found = try await store.annotations(
                    inCommit: seed.address.commit, of: seed.repository, matching: AnnotationFilter(paths: [path])
                ).annotations
                #expect(found.map(\.content.message) == [path])
            }
            let none = try await store.annotations(
                inCommit: seed.address.commit, of: seed.repository, matching: AnnotationFilter(paths: ["src/"])
            ).annotations
            #expect(none.isEmpty)
        }
    }
}
