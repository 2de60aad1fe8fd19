import Foundation

/// Recognises a server's refusal of annotations that would take a report past its per-report maximum.
///
/// The maximum is configurable per server (Bitbucket Data Center: an instance setting; `insights serve
/// --max-annotations-per-report`), so the client cannot know it in advance. When a `400` names it — this server says
/// "A report may have at most N annotations; …" — the publisher cuts the annotations to that number and publishes
/// again, instead of leaving the report without annotations.
enum AnnotationCapRefusal {
    /// The maximum a refusal names, or `nil` when `error` is not such a refusal.
    ///
    /// - Parameter error: a failed request.
    static func maximum(in error: PublishError) -> Int? {
        guard error.code == .refused, error.status == 400 else { return nil }
        // "at most N annotations" (this server), "maximum of N annotations", "limit of N annotations".
        let pattern = #/(?:at most|maximum of|limit of) (\d+) annotations/#.ignoresCase()
        return error.message.firstMatch(of: pattern).flatMap { Int($0.1) }
    }
}
