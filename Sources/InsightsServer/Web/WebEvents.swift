import Foundation
import Hummingbird
import InsightsCore
import InsightsStore
import NIOCore
import ServiceLifecycle

/// The server-sent events of an open pull request page: a `change` event whenever what the page shows may have
/// changed — the pull request's tips or state, or the revision of its source or target commit (a report or
/// annotation written through either dialect, by any server instance on the store).
///
/// The stream polls the store; it sends a comment every 15 seconds so proxies and the idle timeout keep the
/// connection, and ends after ten minutes (the browser's `EventSource` reconnects by itself), on server shutdown, or
/// when the browser goes away.
struct WebEvents<Store: InsightsStore>: Sendable {
    let store: Store
    let repository: RepositoryRef
    let pullRequestID: Int
    let interval: Duration

    /// What the page shows depends on.
    private struct Snapshot: Equatable {
        var pullRequest: PullRequest?
        var sourceRevision: CommitRevision?
        var targetRevision: CommitRevision?
    }

    /// The streaming response.
    func response() -> Response {
        var headers = WebResponses.securityHeaders()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        let events = self
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await events.stream(to: &writer)
                try await writer.finish(nil)
            })
    }

    private func stream(to writer: inout some ResponseBodyWriter) async throws {
        let clock = ContinuousClock()
        let end = clock.now + .seconds(600)
        var lastWrite = clock.now
        var last = try await snapshot()
        try await writer.write(ByteBuffer(string: "retry: 3000\n\n"))
        while clock.now < end, !Task.isCancelled, !Task.isShuttingDownGracefully {
            try await Task.sleep(for: interval)
            let current = try await snapshot()
            if current != last {
                last = current
                lastWrite = clock.now
                try await writer.write(ByteBuffer(string: "event: change\ndata: \(pullRequestID)\n\n"))
            } else if clock.now - lastWrite >= .seconds(15) {
                lastWrite = clock.now
                try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
            }
        }
    }

    private func snapshot() async throws -> Snapshot {
        guard let pullRequest = try await store.pullRequest(pullRequestID, in: repository) else { return Snapshot() }
        async let source = store.revision(ofCommit: pullRequest.sourceCommit, in: repository)
        async let target = store.revision(ofCommit: pullRequest.targetCommit, in: repository)
        return Snapshot(pullRequest: pullRequest, sourceRevision: try await source, targetRevision: try await target)
    }
}
