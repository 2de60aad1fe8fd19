import Foundation
import InsightsCore
import InsightsWire
import Logging
import NIOHTTP1

extension Publisher {
    /// The Data Center sequence: PUT report, DELETE annotations, POST chunks; the annotation phase restarts (delete,
    /// then post again) when a POST loses its connection, so nothing is ever stored twice.
    func publishDataCenter(
        _ bundle: FittedBundle, commit: CommitID, key: InsightKey, exchange: inout HTTPExchange
    ) async throws(PublishError) -> (sent: Int, deleted: Int) {
        let reportURL = target.reportURL(commit: commit, key: key)
        let annotationsURL = target.annotationsURL(commit: commit, key: key)
        let reportBody = try encode(DataCenterReportRequest(bundle.report), for: "PUT \(reportURL)")
        _ = try await exchange.send(.PUT, reportURL, body: reportBody, expected: [200, 201, 204])
        var phase = 0
        while true {
            phase += 1
            _ = try await exchange.send(.DELETE, annotationsURL, expected: [200, 204])
            do {
                var sent = 0
                for chunk in chunks(bundle.annotations) {
                    let body = try encode(
                        DataCenterAnnotations(annotations: chunk.map(DataCenterAnnotation.init)),
                        for: "POST \(annotationsURL)")
                    _ = try await exchange.send(
                        .POST, annotationsURL, body: body, expected: [200, 201, 204], retryConnectionErrors: false)
                    sent += chunk.count
                    progress?(PublishProgress(phase: "annotations", sent: sent, total: bundle.annotations.count))
                }
                return (sent, 0)
            } catch  where error.code == .unreachable && phase < retryPolicy.maxAttempts {
                logger.debug("restarting the annotation phase", metadata: ["error": "\(error)"])
                do {
                    try await sleep(retryPolicy.delay(afterAttempt: phase, random: random()))
                } catch {
                    throw PublishError(
                        code: .unreachable, request: "POST \(annotationsURL)", message: "cancelled", attempts: phase)
                }
            }
        }
    }
}
