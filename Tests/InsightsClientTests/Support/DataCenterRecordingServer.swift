import Foundation
import Hummingbird
import InsightsCore
import InsightsWire

/// A Data Center dialect stand-in (the shape `insights serve` answers): validates with the Data Center DTOs,
/// enforces the 1000-annotation cap all-or-nothing, and records every request.
actor DataCenterRecordingServer {
    private(set) var requests: [String] = []
    private(set) var reports: [String: ReportContent] = [:]
    private(set) var annotations: [String: [AnnotationContent]] = [:]
    /// Statuses to answer the next report PUTs with before succeeding (e.g. 503, 429).
    private var scriptedFailures: [(status: Int, retryAfter: String?)] = []
    let cap: Int

    init(cap: Int = 1000, failures: [(status: Int, retryAfter: String?)] = []) {
        self.cap = cap
        scriptedFailures = failures
    }

    nonisolated func router() -> Router<BasicRequestContext> {
        let router = Router()
        let base = "/rest/insights/latest/projects/:project/repos/:repo/commits/:commit/reports/:report"
        router.put(RouterPath(base)) { request, context in
            let body = try await TestServer.body(of: request)
            return await self.putReport(body, key: context.parameters.get("report") ?? "")
        }
        router.delete(RouterPath(base + "/annotations")) { _, context in
            await self.deleteAll(context.parameters.get("report") ?? "")
        }
        router.post(RouterPath(base + "/annotations")) { request, context in
            let body = try await TestServer.body(of: request)
            return await self.post(body, key: context.parameters.get("report") ?? "")
        }
        return router
    }

    private func putReport(_ body: Data, key: String) -> Response {
        requests.append("PUT")
        if !scriptedFailures.isEmpty {
            let failure = scriptedFailures.removeFirst()
            var headers: HTTPFields = [:]
            if let retryAfter = failure.retryAfter { headers[.retryAfter] = retryAfter }
            let body = DataCenterErrorBody(.unavailable)
            return TestServer.json(
                HTTPResponse.Status(code: failure.status), (try? JSONEncoder().encode(body)) ?? Data(),
                headers: headers)
        }
        do {
            let request = try WireDecoder.decode(DataCenterReportRequest.self, from: body)
            reports[key] = try request.toDomain()
            return TestServer.json(.ok, Data("{}".utf8))
        } catch {
            return self.error(error)
        }
    }

    private func deleteAll(_ key: String) -> Response {
        requests.append("DELETE")
        guard reports[key] != nil else { return error(.notFound("report")) }
        annotations[key] = []
        return Response(status: .noContent)
    }

    private func post(_ body: Data, key: String) -> Response {
        guard reports[key] != nil else { return error(.notFound("report")) }
        do {
            let contents = try WireDecoder.decode(DataCenterAnnotations.self, from: body).toDomain()
            requests.append("POST \(contents.count)")
            var stored = annotations[key] ?? []
            let existing = Set(stored.compactMap(\.externalID))
            for (index, content) in contents.enumerated() {
                if let id = content.externalID, existing.contains(id) {
                    throw InsightsError.duplicateExternalID(FieldPath("annotations").appending(index: index), id)
                }
            }
            guard stored.count + contents.count <= cap else { throw InsightsError.annotationCapExceeded(max: cap) }
            stored.append(contentsOf: contents)
            annotations[key] = stored
            return Response(status: .noContent)
        } catch let error as InsightsError {
            requests.append("POST rejected")
            return self.error(error)
        } catch {
            return self.error(.invalidValue(.root, "\(error)"))
        }
    }

    private func error(_ error: InsightsError) -> Response {
        let status: HTTPResponse.Status = error.kind == .notFound ? .notFound : .badRequest
        return TestServer.json(status, (try? JSONEncoder().encode(DataCenterErrorBody(error))) ?? Data())
    }
}
