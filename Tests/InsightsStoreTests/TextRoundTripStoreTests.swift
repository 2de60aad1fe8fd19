import Foundation
import InsightsCore
import InsightsStore
import InsightsTestSupport
import PropertyBased
import Testing

/// The store contract for text: every free-text field reads back as the same bytes it was written with, U+0000,
/// escapes, astral and combining characters, right-to-left text and the length limits included; identifiers with
/// U+0000 are refused and nothing is stored.
@Suite struct TextRoundTripStoreTests {
    /// Report content whose every free-text field is `text` (the required title is never blank).
    private static func report(_ text: String, title: String) -> ReportContent {
        ReportContent(
            title: title, details: text, result: .passed, reportType: .bug, reporter: text, link: nil, logoURL: nil,
            isRemoteLinkEnabled: nil, coverageProviderKey: nil,
            data: [
                DataField(title: text, type: .text, value: .string(text)),
                DataField(title: title, type: nil, value: .string(text)),
                DataField(title: "link", type: .link, value: .link(text: text, href: "https://example.com/d")),
            ])
    }

    /// Annotation content whose every free-text field is `text`.
    private static func annotation(_ id: String, _ text: String, message: String) -> AnnotationContent {
        AnnotationContent(
            externalID: id, path: "src/a.swift", line: 1, message: message, title: text, details: text,
            severity: .low, type: .bug, result: .failed, link: nil)
    }

    /// Whether two reports' free text is the same bytes.
    private static func sameText(_ lhs: ReportContent, _ rhs: ReportContent) -> Bool {
        ArbitraryText.same(lhs.title, rhs.title) && ArbitraryText.same(lhs.details, rhs.details)
            && ArbitraryText.same(lhs.reporter, rhs.reporter) && lhs.data.count == rhs.data.count
            && zip(lhs.data, rhs.data).allSatisfy { left, right in
                ArbitraryText.same(left.title, right.title) && sameText(left.value, right.value)
            }
    }

    private static func sameText(_ lhs: DataValue, _ rhs: DataValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let left), .string(let right)): ArbitraryText.same(left, right)
        case (.link(let leftText, let leftHref), .link(let rightText, let rightHref)):
            ArbitraryText.same(leftText, rightText) && ArbitraryText.same(leftHref, rightHref)
        default: lhs == rhs
        }
    }

    /// Whether two annotations' free text is the same bytes.
    private static func sameText(_ lhs: AnnotationContent, _ rhs: AnnotationContent) -> Bool {
        ArbitraryText.same(lhs.message, rhs.message) && ArbitraryText.same(lhs.title, rhs.title)
            && ArbitraryText.same(lhs.details, rhs.details) && lhs.externalID == rhs.externalID
    }

    @Test(arguments: StoreKind.enabled)
    func reportTextRoundTripsExactly(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            await propertyCheck(count: 60, input: ArbitraryText.text(), ArbitraryText.required()) { text, title in
                let content = Self.report(text, title: title)
                _ = try await fixture.store.putReport(content, at: seed.address, by: seed.aliceCaller)

                let stored = try #require(try await fixture.store.report(at: seed.address))
                #expect(Self.sameText(stored.content, content), "\(Array(text.unicodeScalars))")
                let listed = try await fixture.store.reports(
                    in: seed.repository, commit: seed.address.commit, page: PageRequest(offset: 0, limit: 10))
                #expect(listed.values.count == 1)
                #expect(listed.values.allSatisfy { Self.sameText($0.content, content) })
            }
        }
    }

    @Test(arguments: StoreKind.enabled)
    func reportTextAtTheLengthLimitsRoundTrips(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            await propertyCheck(count: 10, input: ArbitraryText.text(pieces: 300...600)) { text in
                let long = ArbitraryText.fitted(text, toUTF16Count: 2000)
                let title = ArbitraryText.fitted("x" + text, toUTF16Count: 450)
                let content = Self.report(long, title: title)
                _ = try await fixture.store.putReport(content, at: seed.address, by: seed.aliceCaller)

                let stored = try #require(try await fixture.store.report(at: seed.address))
                #expect(Self.sameText(stored.content, content))
                #expect(stored.content.details?.utf16.count == 2000)
            }
        }
    }

    @Test(arguments: StoreKind.enabled)
    func annotationTextRoundTripsExactly(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            _ = try await fixture.store.putReport(StoreFixture.content(), at: seed.address, by: seed.aliceCaller)
            await propertyCheck(count: 60, input: ArbitraryText.text(), ArbitraryText.required()) { text, message in
                let added = Self.annotation("bulk", text, message: message)
                let put = Self.annotation("one", message, message: text.isEmpty ? "m" : text)
                _ = try await fixture.store.addAnnotations(
                    [added], to: seed.address, mode: .upsert, maxPerReport: 10, by: seed.aliceCaller)
                _ = try await fixture.store.putAnnotation(put, to: seed.address, maxPerReport: 10, by: seed.aliceCaller)

                let page = try await fixture.store.annotations(
                    of: seed.address, page: PageRequest(offset: 0, limit: 10))
                #expect(page.values.map(\.content.externalID) == ["bulk", "one"])
                #expect(zip(page.values, [added, put]).allSatisfy { Self.sameText($0.content, $1) })
                let commitWide = try await fixture.store.annotations(
                    inCommit: seed.address.commit, of: seed.repository, matching: AnnotationFilter())
                #expect(zip(commitWide.annotations, [added, put]).allSatisfy { Self.sameText($0.content, $1) })
                let single = try await fixture.store.annotation(.externalID("bulk"), of: seed.address)
                #expect(single.map { Self.sameText($0.content, added) } == true)
            }
        }
    }

    @Test(arguments: StoreKind.enabled)
    func annotationIdentifiersWithNULAreRefusedAndNothingIsStored(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let seed = try await fixture.seed()
            _ = try await fixture.store.putReport(StoreFixture.content(), at: seed.address, by: seed.aliceCaller)
            _ = try await fixture.store.addAnnotations(
                [StoreFixture.annotation("e")], to: seed.address, mode: .insert, maxPerReport: 10,
                by: seed.aliceCaller)

            await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.addAnnotations(
                    [StoreFixture.annotation("e\u{0}x")], to: seed.address, mode: .upsert, maxPerReport: 10,
                    by: seed.aliceCaller)
            }
            await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.addAnnotations(
                    [StoreFixture.annotation("p", path: "src/a\u{0}.swift")], to: seed.address, mode: .upsert,
                    maxPerReport: 10, by: seed.aliceCaller)
            }
            await #expect(throws: InsightsError.self) {
                _ = try await fixture.store.putAnnotation(
                    StoreFixture.annotation("e\u{0}y"), to: seed.address, maxPerReport: 10, by: seed.aliceCaller)
            }
            await #expect(throws: InsightsError.self) {
                try await fixture.store.deleteAnnotations(
                    of: seed.address, externalIDs: ["e\u{0}z"], by: seed.aliceCaller)
            }

            let stored = try await fixture.store.annotations(of: seed.address, page: PageRequest(offset: 0, limit: 10))
            #expect(stored.values.map(\.content.externalID) == ["e"])
            #expect(stored.values.first?.content.message == "Problem")
        }
    }
}
