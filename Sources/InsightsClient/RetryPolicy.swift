public import Foundation

/// When and how long to wait before repeating a failed request: exponential backoff with jitter on connection
/// errors, `429 Too Many Requests` (honouring `Retry-After`) and `5xx` answers. A pure value; the publisher injects
/// the sleep and the randomness.
public struct RetryPolicy: Sendable, Equatable {
    /// The most attempts per request, the first included; 1 disables retries.
    public var maxAttempts: Int
    /// The wait before the second attempt; doubled for each further one.
    public var baseDelay: Duration
    /// The longest computed wait, and the cap on a server's `Retry-After`.
    public var maxDelay: Duration
    /// The share of each computed wait that is randomised (0 = none, 1 = "full jitter").
    public var jitter: Double

    /// Creates a policy.
    public init(
        maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30),
        jitter: Double = 0.5
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = min(1, max(0, jitter))
    }

    /// Whether a response status is worth another attempt: 429 and every 5xx.
    public func isRetryable(status: Int) -> Bool {
        status == 429 || (500...599).contains(status)
    }

    /// The wait after a failed attempt.
    ///
    /// - Parameters:
    ///   - attempt: the attempt that failed, 1-based.
    ///   - retryAfter: the server's `Retry-After` wait, if it sent one; used as is (capped at ``maxDelay``).
    ///   - random: a number in `0...1` choosing the jitter.
    /// - Returns: how long to sleep before the next attempt.
    public func delay(afterAttempt attempt: Int, retryAfter: Duration? = nil, random: Double) -> Duration {
        if let retryAfter { return min(max(retryAfter, .zero), maxDelay) }
        let exponent = min(max(attempt - 1, 0), 30)
        let full = min(baseDelay * (1 << exponent), maxDelay)
        let factor = 1 - jitter * min(1, max(0, random))
        return full * factor
    }

    /// Parses a `Retry-After` header: a number of seconds, or an HTTP date.
    ///
    /// - Parameters:
    ///   - value: the header value, e.g. `3` or `Wed, 21 Oct 2015 07:28:00 GMT`.
    ///   - now: the current time, for dates.
    /// - Returns: the wait (zero for a date in the past), or `nil` when the value is neither form.
    public static func retryAfter(_ value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return seconds >= 0 ? .seconds(seconds) : nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) {
                let seconds = max(0, date.timeIntervalSince(now))
                return .milliseconds(Int64((seconds * 1000).rounded(.up)))
            }
        }
        return nil
    }
}
