import Foundation
import InsightsClient
import Testing

@Suite struct RetryPolicyTests {
    @Test func doublesTheDelayUpToTheMaximum() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .seconds(1), maxDelay: .seconds(5), jitter: 0.5)
        #expect((1...5).map { policy.delay(afterAttempt: $0, random: 0) } == [1, 2, 4, 5, 5].map(Duration.seconds))
    }

    @Test func jitterShortensTheDelayByAtMostItsShare() {
        let policy = RetryPolicy(baseDelay: .seconds(4), jitter: 0.5)
        #expect(policy.delay(afterAttempt: 1, random: 1) == .seconds(2))
        #expect(policy.delay(afterAttempt: 1, random: 0.5) == .seconds(3))
    }

    @Test func retryAfterWinsButIsCapped() {
        let policy = RetryPolicy(maxDelay: .seconds(30))
        #expect(policy.delay(afterAttempt: 3, retryAfter: .seconds(7), random: 1) == .seconds(7))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(600), random: 0) == .seconds(30))
    }

    @Test(arguments: [(429, true), (500, true), (503, true), (599, true), (400, false), (401, false), (404, false)])
    func retriesOnly429And5xx(status: Int, retried: Bool) {
        #expect(RetryPolicy().isRetryable(status: status) == retried)
    }

    @Test func parsesRetryAfterSecondsAndDates() {
        let now = Date(timeIntervalSince1970: 1_445_412_470)  // Wed, 21 Oct 2015 07:27:50 GMT
        #expect(RetryPolicy.retryAfter("3", now: now) == .seconds(3))
        #expect(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now: now) == .seconds(10))
        #expect(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now: now) == .zero)
        #expect(RetryPolicy.retryAfter("soon", now: now) == nil)
        #expect(RetryPolicy.retryAfter("-1", now: now) == nil)
    }

    @Test func neverAllowsFewerThanOneAttempt() {
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }
}
