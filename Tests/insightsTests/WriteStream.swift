import Foundation
import Synchronization

/// Writes to one server on a fixed beat until stopped, whatever the server answers: each write is a report PUT and
/// then an annotation POST under a key of its own (`stream-N`, annotation `stream-N-a`), alternately in Data Center's
/// and Cloud's dialect. Every answer is recorded, and every write whose two requests both succeeded.
final class WriteStream: Sendable {
    /// One answer to one of the stream's requests.
    struct Answer: Sendable {
        /// The write it belongs to.
        let write: Int
        let dialect: WireDialect
        /// The answer, timed.
        let http: TimedHTTP.Answer
    }

    /// A write whose report and annotation the server acknowledged.
    struct Acknowledged: Sendable {
        let write: Int
        /// When its first request was sent.
        let started: ContinuousClock.Instant
        /// When its second request was answered.
        let finished: ContinuousClock.Instant
    }

    private struct State {
        var answers: [Answer] = []
        var acknowledged: [Acknowledged] = []
        var isStopped = false
    }

    private let endpoints: RepositoryEndpoints
    private let token: String
    private let state = Mutex(State())

    init(endpoints: RepositoryEndpoints, token: String) {
        self.endpoints = endpoints
        self.token = token
    }

    /// Every answer so far.
    var answers: [Answer] { state.withLock { $0.answers } }

    /// Every acknowledged write so far.
    var acknowledged: [Acknowledged] { state.withLock { $0.acknowledged } }

    /// The report key of write `index`.
    static func reportKey(_ index: Int) -> String { "stream-\(index)" }

    /// The annotation's external id of write `index`.
    static func annotationID(_ index: Int) -> String { "stream-\(index)-a" }

    /// The dialect of write `index`.
    static func dialect(_ index: Int) -> WireDialect { index.isMultiple(of: 2) ? .dataCenter : .cloud }

    /// Starts a write every `interval`, each in a task of its own, so a slow answer never delays the beat; returns
    /// after ``stop()`` (or cancellation) once every started write has been answered.
    func run(every interval: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            var index = 0
            while !state.withLock({ $0.isStopped }), !Task.isCancelled {
                group.addTask { [index] in await self.write(index) }
                index += 1
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Ends ``run(every:)``: no write starts after this.
    func stop() {
        state.withLock { $0.isStopped = true }
    }

    private func write(_ index: Int) async {
        let dialect = Self.dialect(index)
        let key = Self.reportKey(index)
        guard
            let reportBody = try? dialect.reportBody(title: "Stream \(index)"),
            let annotationsBody = try? dialect.annotationsBody(externalIDs: [Self.annotationID(index)], message: key)
        else { return }
        let put = await TimedHTTP.send("PUT", endpoints.report(key, in: dialect), token: token, body: reportBody)
        record(index, dialect, put)
        guard put.status == 200 else { return }
        let post = await TimedHTTP.send(
            "POST", endpoints.annotations(ofReport: key, in: dialect), token: token, body: annotationsBody)
        record(index, dialect, post)
        guard post.status == dialect.annotationsAddedStatus else { return }
        state.withLock {
            $0.acknowledged.append(Acknowledged(write: index, started: put.started, finished: post.finished))
        }
    }

    private func record(_ index: Int, _ dialect: WireDialect, _ answer: TimedHTTP.Answer) {
        state.withLock { $0.answers.append(Answer(write: index, dialect: dialect, http: answer)) }
    }
}
