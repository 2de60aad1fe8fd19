import Foundation
import InsightsCore
import InsightsPostgres
import InsightsStore
import Testing

/// A bulk post writes all its rows in one statement and still stores every field of every annotation exactly, in
/// request order, with the uuids and the time of the store's environment.
@Suite struct PostgresBulkAnnotationTests {
    @Test(.enabled(if: PostgresTestSchema.url != nil))
    func aThousandAnnotationsRoundTripEveryField() async throws {
        try await PostgresTestStores.with(count: 2) { fixture in
            let posted = (0..<1000).map(Self.annotation)

            let stored = try await fixture.stores[0].addAnnotations(
                posted, to: fixture.address, mode: .insert, maxPerReport: 1000, by: fixture.caller)

            #expect(stored.map(\.content) == posted)
            #expect(stored.map(\.uuid) == Array(fixture.environment.madeUUIDs.suffix(posted.count)))
            #expect(stored.allSatisfy { $0.createdAt == fixture.environment.now && $0.updatedAt == $0.createdAt })
            #expect(stored.allSatisfy { $0.reportKey == fixture.address.report.externalID })
            #expect(try await fixture.stores[1].annotations(of: fixture.address) == stored)
        }
    }

    @Test(.enabled(if: PostgresTestSchema.url != nil))
    func aBulkUpsertReplacesAndCreatesInRequestOrder() async throws {
        try await PostgresTestStores.with(count: 2) { fixture in
            let first = try await fixture.stores[0].addAnnotations(
                (0..<1000).map(Self.annotation), to: fixture.address, mode: .insert, maxPerReport: 2000,
                by: fixture.caller)
            fixture.environment.advance(milliseconds: 1_500)
            let replacedIndices = first.indices.filter { first[$0].content.externalID != nil }.prefix(500).reversed()
            var request: [AnnotationContent] = []
            for (position, index) in replacedIndices.enumerated() {
                var replacement = Self.annotation(index + 7)
                replacement.externalID = first[index].content.externalID
                request.append(replacement)
                if position % 5 == 0 { request.append(Self.annotation(position + 1000)) }
            }

            let second = try await fixture.stores[1].addAnnotations(
                request, to: fixture.address, mode: .upsert, maxPerReport: 2000, by: fixture.caller)

            #expect(second.map(\.content) == request)
            let firstByExternalID = Dictionary(
                first.compactMap { annotation in annotation.content.externalID.map { ($0, annotation) } }
            ) { original, _ in original }
            var created: [Annotation] = []
            for annotation in second {
                #expect(annotation.updatedAt == fixture.environment.now)
                if let original = annotation.content.externalID.flatMap({ firstByExternalID[$0] }) {
                    #expect(annotation.uuid == original.uuid)
                    #expect(annotation.createdAt == original.createdAt)
                } else {
                    #expect(annotation.createdAt == fixture.environment.now)
                    created.append(annotation)
                }
            }
            #expect(created.count == 100)
            // Replacements keep their place; creations follow the earlier annotations, in request order.
            let listed = try await fixture.stores[0].annotations(of: fixture.address)
            #expect(listed.map(\.uuid) == first.map(\.uuid) + created.map(\.uuid))
            let secondByUUID = Dictionary(second.map { ($0.uuid, $0) }) { first, _ in first }
            #expect(listed.map { secondByUUID[$0.uuid] ?? $0 } == listed)
        }
    }

    /// The `index`-th annotation of a bulk post: every field set or absent in turn, free text with U+0000 and
    /// characters outside the Basic Multilingual Plane, identifiers with the latter.
    private static func annotation(_ index: Int) -> AnnotationContent {
        let severities: [AnnotationSeverity?] = [.low, .medium, .high, .critical, nil]
        let types: [AnnotationType?] = [.vulnerability, .codeSmell, .bug, nil]
        let results: [AnnotationResult?] = [.passed, .failed, .ignored, .skipped, nil]
        return AnnotationContent(
            externalID: index % 7 == 6 ? nil : "ext-\(index)-𝄞",
            path: index % 11 == 10 ? nil : "Sources/😀/File\(index).swift",
            line: index % 5 == 4 ? nil : index * 1_000_003,
            message: "Message \(index): nul \u{0} here, emoji 🧪, clef 𝄞, e\u{301}",
            title: index % 3 == 2 ? nil : "Title \u{0}\(index) 🎯",
            details: index % 4 == 3 ? nil : String(repeating: "Details 📜 \u{0} ", count: index % 9 + 1),
            severity: severities[index % severities.count], type: types[index % types.count],
            result: results[index % results.count],
            link: index % 6 == 5 ? nil : "https://example.com/annotations/\(index)")
    }
}
