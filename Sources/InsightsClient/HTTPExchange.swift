import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Sends one logical request with retries and counts every attempt. Used sequentially by one publish run.
struct HTTPExchange {
    /// A response that ended the retries.
    struct Reply {
        var status: Int
        var body: Data
    }

    let client: HTTPClient
    /// When set, requests go through this forward proxy in absolute form instead of through `client`.
    let forwardProxy: ForwardProxyTransport?
    let credentials: Credentials
    let policy: RetryPolicy
    let timeout: Duration
    let sleep: @Sendable (Duration) async throws -> Void
    let random: @Sendable () -> Double
    let now: @Sendable () -> Date
    let logger: Logger
    /// Every HTTP attempt made so far, retries included.
    private(set) var requestCount = 0
    /// Attempts that repeated an earlier one.
    private(set) var retryCount = 0

    private static let maxResponseBytes = 32 * 1024 * 1024
    private static let badRequestErrors: [HTTPClientError] = [
        .invalidURL, .emptyHost, .emptyScheme, .invalidProxyConfiguration,
    ]

    init(
        client: HTTPClient, forwardProxy: ForwardProxyTransport?, credentials: Credentials, policy: RetryPolicy,
        timeout: Duration,
        sleep: @escaping @Sendable (Duration) async throws -> Void, random: @escaping @Sendable () -> Double,
        now: @escaping @Sendable () -> Date, logger: Logger
    ) {
        self.client = client
        self.forwardProxy = forwardProxy
        self.credentials = credentials
        self.policy = policy
        self.timeout = timeout
        self.sleep = sleep
        self.random = random
        self.now = now
        self.logger = logger
    }

    /// Sends a request until it gets one of the `expected` statuses, retrying connection errors (unless
    /// `retryConnectionErrors` is false), 429 and 5xx up to the policy's attempts.
    ///
    /// - Throws: ``PublishError`` with the server's own message on any other status or when retries run out.
    mutating func send(
        _ method: HTTPMethod, _ url: String, body: Data? = nil, expected: Set<Int>,
        retryConnectionErrors: Bool = true
    ) async throws(PublishError) -> Reply {
        let label = "\(method.rawValue) \(url)"
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "insights-cli")
        if let authorization = credentials.authorizationHeader {
            request.headers.add(name: "Authorization", value: authorization)
        }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        var attempt = 0
        while true {
            attempt += 1
            requestCount += 1
            if attempt > 1 { retryCount += 1 }
            let status: Int
            let data: Data
            let retryAfterHeader: String?
            do {
                if let forwardProxy, let target = URL(string: url) {
                    let response = try await forwardProxy.send(
                        method: method, url: target, headers: request.headers, body: body, timeout: timeout)
                    (status, data) = (response.status, response.body)
                    retryAfterHeader = response.headers.first(name: "Retry-After")
                } else {
                    let response = try await client.execute(request, timeout: Self.timeAmount(timeout))
                    let buffer = try await response.body.collect(upTo: Self.maxResponseBytes)
                    status = Int(response.status.code)
                    data = Data(buffer.readableBytesView)
                    retryAfterHeader = response.headers.first(name: "Retry-After")
                }
            } catch let error as HTTPClientError where Self.badRequestErrors.contains(error) {
                throw PublishError(code: .invalidRequest, request: label, message: "\(error)", attempts: attempt)
            } catch {
                logger.debug("request failed", metadata: ["request": "\(label)", "error": "\(error)"])
                guard retryConnectionErrors, attempt < policy.maxAttempts else {
                    throw PublishError(
                        code: .unreachable, request: label, message: Self.describe(error), attempts: attempt)
                }
                try await pause(policy.delay(afterAttempt: attempt, random: random()), label: label, attempt: attempt)
                continue
            }
            logger.debug("response", metadata: ["request": "\(label)", "status": "\(status)"])
            if expected.contains(status) { return Reply(status: status, body: data) }
            guard policy.isRetryable(status: status), attempt < policy.maxAttempts else {
                throw PublishError(
                    code: .refused, request: label, status: status,
                    message: ServerErrorMessage.message(from: data, status: status), attempts: attempt)
            }
            let retryAfter = retryAfterHeader.flatMap { RetryPolicy.retryAfter($0, now: now()) }
            try await pause(
                policy.delay(afterAttempt: attempt, retryAfter: retryAfter, random: random()), label: label,
                attempt: attempt)
        }
    }

    private func pause(_ delay: Duration, label: String, attempt: Int) async throws(PublishError) {
        do {
            try await sleep(delay)
        } catch {
            throw PublishError(
                code: .unreachable, request: label, message: "cancelled while waiting to retry",
                attempts: attempt)
        }
    }

    /// A NIO time amount for a duration, in milliseconds.
    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .milliseconds(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError { return "\(error)" }
        return String(describing: error)
    }
}
