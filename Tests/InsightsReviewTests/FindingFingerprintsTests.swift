import InsightsCore
import Testing

@testable import InsightsReview

/// New vs existing findings, against the target tip's annotations.
@Suite struct FindingFingerprintsTests {
    typealias S = PlacementSamples

    @Test func matchesAnnotationsWithAnExternalIDByReportKeyAndID() {
        let existing = FindingFingerprints([S.annotation("a.swift", 3, id: "rule-1", message: "old text")])
        #expect(!existing.isNew(S.annotation("b.swift", 9, id: "rule-1", message: "new text")))
        #expect(existing.isNew(S.annotation("a.swift", 3, id: "rule-2", message: "old text")))
        #expect(existing.isNew(S.annotation("a.swift", 3, report: "other", id: "rule-1", message: "old text")))
    }

    @Test func doesNotMatchAnAnnotationWithAnIDByContent() {
        let existing = FindingFingerprints([S.annotation("a.swift", 3, message: "same")])
        #expect(existing.isNew(S.annotation("a.swift", 3, id: "rule-1", message: "same")))
    }

    @Test func matchesAnnotationsWithoutIDByKeyPathTitleTypeAndMessage() {
        let target = S.annotation("./a.swift", 3, message: "unused", title: "Unused", severity: .low, type: .codeSmell)
        let existing = FindingFingerprints([target])
        #expect(!existing.isNew(S.annotation("a.swift", 40, message: "unused", title: "Unused", severity: .high)))
        #expect(existing.isNew(S.annotation("a.swift", 3, message: "unused!", title: "Unused")))
        #expect(existing.isNew(S.annotation("a.swift", 3, message: "unused", title: "Other")))
        #expect(existing.isNew(S.annotation("a.swift", 3, message: "unused", title: "Unused", type: .bug)))
        #expect(existing.isNew(S.annotation("b.swift", 3, message: "unused", title: "Unused")))
        #expect(existing.isNew(S.annotation("a.swift", 3, report: "other", message: "unused", title: "Unused")))
    }

    @Test func matchesAnnotationsWithoutIDAgainstTargetAnnotationsThatHaveOne() {
        let existing = FindingFingerprints([S.annotation("a.swift", 3, id: "x", message: "m")])
        #expect(!existing.isNew(S.annotation("a.swift", 5, message: "m")))
    }

    @Test func treatsEverythingAsNewWithoutTargetAnnotations() {
        let existing = FindingFingerprints([])
        #expect(existing.isNew(S.annotation("a.swift", 3, id: "x")))
        #expect(existing.isNew(S.annotation(nil, nil)))
    }
}
