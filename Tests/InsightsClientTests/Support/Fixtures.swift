import Foundation
import InsightsClient
import InsightsCore

/// Builders for bundles and targets used across the client tests.
enum Fixtures {
    static let commit = "0123456789abcdef0123456789abcdef01234567"

    static func commitID() throws -> CommitID { try CommitID(commit) }

    static func key(_ text: String = "org.example.lint") throws -> InsightKey { try InsightKey(text) }

    /// `count` findings cycling through severities, paths `src/f<i % 10>.swift`, lines 1…
    static func bundle(count: Int, message: (Int) -> String = { "Finding \($0)" }) -> InsightBundle {
        let severities: [AnnotationSeverity] = [.low, .medium, .high, .critical]
        let annotations = (0..<count).map { index in
            AnnotationContent(
                externalID: "finding-\(index)", path: "src/f\(index % 10).swift", line: index % 50 + 1,
                message: message(index), severity: severities[index % 4], type: .codeSmell)
        }
        let report = ReportContent(
            title: "Lint", details: "Static analysis", result: .failed, reportType: .bug, reporter: "linter",
            data: [
                DataField(title: "Findings", type: .number, value: .number(Double(count))),
                DataField(title: "High", type: .number, value: .number(1)),
            ])
        return InsightBundle(report: report, annotations: annotations)
    }

    static func target(_ kind: PublishTarget.Kind, _ url: URL) -> PublishTarget {
        PublishTarget(
            kind: kind, baseURL: url, owner: "PROJ", repositorySlug: "repo", credentials: .bearer(token: "s3cret"))
    }

    /// A publisher that never sleeps and uses no jitter.
    static func publisher(_ target: PublishTarget, sleeps: SleepRecorder, attempts: Int = 4) -> Publisher {
        var publisher = Publisher(target: target, retryPolicy: RetryPolicy(maxAttempts: attempts))
        publisher.sleep = sleeps.sleep
        publisher.random = { 0 }
        return publisher
    }
}
