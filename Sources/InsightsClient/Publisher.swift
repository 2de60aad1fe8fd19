import AsyncHTTPClient
public import Foundation
public import InsightsCore
public import Logging
import NIOCore
import NIOHTTP1

/// Publishes a fitted report and its annotations to a target, idempotently.
///
/// Data Center dialect (this server, Bitbucket Data Center): `PUT` the report, `DELETE` all its annotations, `POST`
/// the new ones in chunks of ``chunkSize``. Cloud: `PUT` the report, `GET` the existing annotations page by page,
/// `DELETE` those whose external id is no longer sent, `POST` the rest in chunks of at most 100 (upserted by
/// external id). Publishing the same input twice leaves one report with the same annotations.
///
/// Each request is retried on connection errors, 429 (honouring `Retry-After`) and 5xx with backoff. A Data Center
/// `POST` is not repeated blindly after a lost connection (it might have been stored): the whole annotation phase —
/// delete, then post — starts again instead.
///
/// When a server refuses the annotations because the report would pass its per-report maximum and names that
/// maximum, the whole sequence runs once more with the most important annotations up to it (and `Shown` updated);
/// ``PublishResult/serverMaximum`` reports it.
///
/// An `HTTPClient` is created per ``publish(_:commit:key:)`` call and shut down before it returns.
public struct Publisher: Sendable {
    /// Where to publish.
    public var target: PublishTarget
    /// When to retry.
    public var retryPolicy: RetryPolicy
    /// Annotations per Data Center `POST`; Cloud requests carry at most 100 regardless.
    public var chunkSize: Int
    /// How long one request may take.
    public var timeout: Duration
    /// How long connecting may take before the attempt counts as a connection error.
    public var connectTimeout: Duration
    /// Waits between attempts; tests inject one that returns at once.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Chooses the jitter, a number in `0...1`.
    public var random: @Sendable () -> Double
    /// The clock for `Retry-After` dates.
    public var now: @Sendable () -> Date
    /// Receives request outcomes at debug level; never tokens or bodies.
    public var logger: Logger
    /// Called after each annotation request.
    public var progress: (@Sendable (PublishProgress) -> Void)?

    /// Creates a publisher.
    ///
    /// - Parameters:
    ///   - target: where to publish.
    ///   - retryPolicy: when to retry.
    ///   - chunkSize: annotations per Data Center `POST` (1000 by default).
    ///   - timeout: per request; 60 seconds by default.
    ///   - logger: for debug output; silent by default.
    public init(
        target: PublishTarget, retryPolicy: RetryPolicy = RetryPolicy(), chunkSize: Int = 1000,
        timeout: Duration = .seconds(60),
        logger: Logger = Logger(
            label: "insights.publish",
            factory: { _ in
                SwiftLogNoOpLogHandler()
            })
    ) {
        self.target = target
        self.retryPolicy = retryPolicy
        self.chunkSize = max(1, chunkSize)
        self.timeout = timeout
        self.connectTimeout = .seconds(10)
        self.sleep = { duration in try await Task.sleep(for: duration) }
        self.random = { Double.random(in: 0...1) }
        self.now = { Date() }
        self.logger = logger
        self.progress = nil
    }

    /// The annotations per request for the target's dialect.
    var effectiveChunkSize: Int {
        min(chunkSize, target.dialect.limits.maxAnnotationsPerRequest ?? chunkSize)
    }

    /// Publishes a report and replaces its annotations.
    ///
    /// - Parameters:
    ///   - bundle: the fitted report and annotations (see ``InsightFitter``).
    ///   - commit: the commit the report describes.
    ///   - key: the report key (Cloud: external id).
    /// - Returns: what was done, with the number of requests.
    /// - Throws: ``PublishError`` carrying the server's message when the server refuses or cannot be reached.
    public func publish(_ bundle: FittedBundle, commit: CommitID, key: InsightKey) async throws(PublishError)
        -> PublishResult
    {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout.connect = HTTPExchange.timeAmount(connectTimeout)
        // Plain-http targets use the proxy as a forward proxy (absolute-form requests), which the Pipelines
        // authentication proxy needs; https targets tunnel through it with CONNECT.
        var forwardProxy: ForwardProxyTransport?
        if let proxy = target.proxy {
            if target.baseURL.scheme == "http" {
                forwardProxy = ForwardProxyTransport(proxy: proxy)
            } else {
                configuration.proxy = .server(host: proxy.host, port: proxy.port)
            }
        }
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        var exchange = HTTPExchange(
            client: client, forwardProxy: forwardProxy, credentials: target.credentials, policy: retryPolicy,
            timeout: timeout, sleep: sleep,
            random: random, now: now, logger: logger)
        var serverMaximum: Int?
        let outcome: Result<(sent: Int, deleted: Int), PublishError>
        do throws(PublishError) {
            do {
                outcome = .success(try await publishSequence(bundle, commit: commit, key: key, exchange: &exchange))
            } catch {
                guard let maximum = AnnotationCapRefusal.maximum(in: error), maximum < bundle.annotations.count
                else { throw error }
                // The server's per-report maximum is below what was sent: publish its most important annotations.
                logger.debug("the server's per-report maximum is \(maximum); publishing again within it")
                serverMaximum = maximum
                outcome = .success(
                    try await publishSequence(
                        bundle.capped(at: maximum), commit: commit, key: key, exchange: &exchange))
            }
        } catch {
            outcome = .failure(error)
        }
        do {
            try await client.shutdown()
        } catch {
            logger.debug("HTTP client shutdown failed", metadata: ["error": "\(error)"])
        }
        let counts = try outcome.get()
        return PublishResult(
            reportURL: target.reportURL(commit: commit, key: key), requestCount: exchange.requestCount,
            annotationsSent: counts.sent, annotationsDeleted: counts.deleted, retries: exchange.retryCount,
            serverMaximum: serverMaximum)
    }

    /// The dialect's whole request sequence; running it again converges on the same stored state.
    private func publishSequence(
        _ bundle: FittedBundle, commit: CommitID, key: InsightKey, exchange: inout HTTPExchange
    ) async throws(PublishError) -> (sent: Int, deleted: Int) {
        switch target.dialect {
        case .dataCenter: try await publishDataCenter(bundle, commit: commit, key: key, exchange: &exchange)
        case .cloud: try await publishCloud(bundle, commit: commit, key: key, exchange: &exchange)
        }
    }

    /// The requests a publish would make, for `--dry-run` (Cloud deletions depend on what the server holds).
    ///
    /// - Parameters:
    ///   - bundle: the fitted report and annotations.
    ///   - commit: the commit.
    ///   - key: the report key.
    public func plan(_ bundle: FittedBundle, commit: CommitID, key: InsightKey) -> [PlannedRequest] {
        let report = target.reportURL(commit: commit, key: key)
        let annotations = target.annotationsURL(commit: commit, key: key)
        let chunks = stride(from: 0, to: bundle.annotations.count, by: effectiveChunkSize).map {
            min(effectiveChunkSize, bundle.annotations.count - $0)
        }
        var plan = [PlannedRequest(method: "PUT", url: report, purpose: "create or replace the report")]
        switch target.dialect {
        case .dataCenter:
            plan.append(PlannedRequest(method: "DELETE", url: annotations, purpose: "remove the previous annotations"))
        case .cloud:
            plan.append(
                PlannedRequest(
                    method: "GET", url: annotations + "?pagelen=100&page=1", purpose: "list existing annotations"))
            plan.append(
                PlannedRequest(
                    method: "DELETE", url: annotations + "/{uuid}",
                    purpose: "one per existing annotation whose external id is not sent again"))
        }
        for count in chunks {
            plan.append(
                PlannedRequest(method: "POST", url: annotations, annotationCount: count, purpose: "send annotations"))
        }
        return plan
    }

    /// Splits annotations into request-sized chunks.
    func chunks(_ annotations: [AnnotationContent]) -> [ArraySlice<AnnotationContent>] {
        stride(from: 0, to: annotations.count, by: effectiveChunkSize).map {
            annotations[$0..<min($0 + effectiveChunkSize, annotations.count)]
        }
    }

    /// Encodes a body, mapping the (never expected) encoder failure to a publish error.
    func encode<Body: Encodable>(_ body: Body, for label: String) throws(PublishError) -> Data {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(body)
        } catch {
            throw PublishError(code: .invalidRequest, request: label, message: "could not encode the body: \(error)")
        }
    }
}
