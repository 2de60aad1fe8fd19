import Foundation
import InsightsCore
import InsightsReview
import Testing

@testable import InsightsWeb

/// The merge check box of the pull request page.
@Suite struct MergeCheckTests {
    typealias S = WebSamples

    static func box(_ verdict: MergeVerdict, state: PullRequestState = .open) async throws -> String {
        let html = try await S.render(
            PullRequestFixture.insights, pullRequest: S.pullRequest(state: state), verdict: verdict)
        return try #require(html.section(from: "<section id=\"merge-check\"", to: "</section>"))
    }

    @Test func saysWhenThePullRequestCanMerge() async throws {
        let box = try await Self.box(MergeVerdict())
        #expect(box.contains("merge-ok"))
        #expect(box.contains("Ready to merge"))
        #expect(!box.contains("class=\"veto\""))
    }

    @Test func listsVetoesWithSummaryAndDetail() async throws {
        let vetoes = [
            MergeVeto(summary: "Required report 'lint' failed", detail: "It must pass before merging."),
            MergeVeto(summary: "2 annotations of severity HIGH or higher", detail: "Fix them."),
        ]
        let box = try await Self.box(MergeVerdict(vetoes: vetoes))
        #expect(box.contains("Merge blocked"))
        #expect(box.contains("2 things stop this merge."))
        #expect(box.contains("<strong>Required report &#39;lint&#39; failed</strong><br>It must pass before merging."))
        #expect(box.contains("<strong>2 annotations of severity HIGH or higher</strong><br>Fix them."))
    }

    @Test func saysWhenTheMergeIsConflicted() async throws {
        let box = try await Self.box(MergeVerdict(isConflicted: true))
        #expect(box.contains("One thing stops this merge."))
        #expect(box.contains("<strong>Conflicts</strong>"))
    }

    @Test(arguments: [(PullRequestState.merged, "merged"), (.declined, "declined")])
    func saysHowAClosedPullRequestEnded(state: PullRequestState, word: String) async throws {
        let box = try await Self.box(MergeVerdict(isConflicted: true), state: state)
        #expect(box.contains("This pull request was \(word) 1 minute ago."))
        #expect(!box.contains("Conflicts"))
    }

    @Test func canMergeOnlyWithoutConflictsAndVetoes() {
        #expect(MergeVerdict().canMerge)
        #expect(!MergeVerdict(isConflicted: true).canMerge)
        #expect(!MergeVerdict(vetoes: [MergeVeto(summary: "s", detail: "d")]).canMerge)
    }
}
