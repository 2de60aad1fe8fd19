import Foundation
import InsightsCore
import InsightsWire
import NIOHTTP1

extension Publisher {
    /// The Cloud sequence: PUT report, GET existing annotations (all pages), DELETE the ones not sent again, POST
    /// the rest in chunks of at most 100, upserted by external id.
    func publishCloud(
        _ bundle: FittedBundle, commit: CommitID, key: InsightKey, exchange: inout HTTPExchange
    ) async throws(PublishError) -> (sent: Int, deleted: Int) {
        let reportURL = target.reportURL(commit: commit, key: key)
        let annotationsURL = target.annotationsURL(commit: commit, key: key)
        let reportBody = try encode(CloudReportRequest(bundle.report), for: "PUT \(reportURL)")
        _ = try await exchange.send(.PUT, reportURL, body: reportBody, expected: [200, 201])

        let existing = try await existingAnnotations(annotationsURL, exchange: &exchange)
        let keep = Set(bundle.annotations.compactMap(\.externalID))
        var deleted = 0
        for annotation in existing where !(annotation.externalId.map(keep.contains) ?? false) {
            guard let id = annotation.uuid ?? annotation.externalId else { continue }
            let url = target.annotationURL(commit: commit, key: key, annotationID: id)
            // 404: already gone (another run removed it); only what this run removed is counted.
            let reply = try await exchange.send(.DELETE, url, expected: [200, 204, 404])
            if reply.status != 404 { deleted += 1 }
        }

        var sent = 0
        for chunk in chunks(bundle.annotations) {
            let body = try encode(chunk.map(CloudAnnotation.init), for: "POST \(annotationsURL)")
            _ = try await exchange.send(.POST, annotationsURL, body: body, expected: [200, 201])
            sent += chunk.count
            progress?(PublishProgress(phase: "annotations", sent: sent, total: bundle.annotations.count))
        }
        return (sent, deleted)
    }

    /// Every annotation of the report, following page numbers while the server says a next page exists.
    private func existingAnnotations(
        _ annotationsURL: String, exchange: inout HTTPExchange
    ) async throws(PublishError) -> [CloudAnnotation] {
        let pageLength = CloudPage<CloudAnnotation>.maxPageLength
        let maxPages = 1 + 10 * InsightLimits.defaultMaxAnnotationsPerReport / pageLength
        var all: [CloudAnnotation] = []
        for page in 1...maxPages {
            let url = "\(annotationsURL)?pagelen=\(pageLength)&page=\(page)"
            let reply = try await exchange.send(.GET, url, expected: [200])
            let decoded: CloudPage<CloudAnnotation>
            do {
                decoded = try JSONDecoder().decode(CloudPage<CloudAnnotation>.self, from: reply.body)
            } catch {
                throw PublishError(
                    code: .invalidResponse, request: "GET \(url)", status: reply.status,
                    message: "the annotation list could not be read: \(error)")
            }
            all.append(contentsOf: decoded.values)
            if decoded.next == nil || decoded.values.isEmpty { break }
        }
        return all
    }
}
