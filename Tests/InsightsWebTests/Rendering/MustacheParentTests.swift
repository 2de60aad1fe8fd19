import Foundation
import InsightsCore
import InsightsReview
import Mustache
import Testing

@testable import InsightsWeb

/// The views that answer Mustache's lookups themselves (instead of through `Mirror`, for speed) answer every
/// stored property, with its value.
@Suite struct MustacheParentTests {
    typealias F = PullRequestFixture

    static func expectAnswersEveryProperty(
        of view: some MustacheParent, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for child in Mirror(reflecting: view).children {
            let label = child.label ?? ""
            let expected = String(describing: child.value)
            let answered = view.child(named: label).map { String(describing: $0) }
            let unwrapped =
                Mirror(reflecting: child.value).displayStyle == .optional
                ? Mirror(reflecting: child.value).children.first.map { String(describing: $0.value) } : expected
            #expect(answered == unwrapped, "\(type(of: view)).\(label)", sourceLocation: sourceLocation)
        }
        #expect(view.child(named: "noSuchProperty") == nil, sourceLocation: sourceLocation)
    }

    @Test func diffRowsAnswerEveryProperty() throws {
        let file = try #require(F.insights.files.first)
        let view = DiffFileView(file, index: 0, reportTitles: [:], collapseThreshold: 400)
        for row in view.hunks.flatMap(\.rows) { Self.expectAnswersEveryProperty(of: row) }
    }

    @Test func annotationsAndSeveritiesAnswerEveryProperty() {
        let views = (F.insights.files.flatMap { $0.inline + $0.fileLevel } + F.insights.obsolete + F.insights.notShown)
            .map { AnnotationView(placed: $0, reportTitles: [:]) }
        #expect(views.count == 6)
        for view in views {
            Self.expectAnswersEveryProperty(of: view)
            Self.expectAnswersEveryProperty(of: view.severity)
        }
    }
}
