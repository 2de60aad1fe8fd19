import Foundation
import Hummingbird
import InsightsCore
import InsightsWire

/// A Bitbucket Cloud stand-in that checks every request against the Cloud rules of the reference (paths, at most
/// 100 annotations per POST, required fields, Cloud field names only) and keeps state, so reruns can be compared.
actor CloudRecordingServer {
    struct StoredAnnotation: Sendable {
        var uuid: String
        var annotation: CloudAnnotation
    }

    private(set) var violations: [String] = []
    private(set) var requests: [String] = []
    private(set) var reports: [String: CloudReportRequest] = [:]
    private(set) var annotations: [String: [StoredAnnotation]] = [:]
    private var nextID = 0

    static let reportKeys: Set<String> = [
        "title", "details", "report_type", "reporter", "link", "logo_url", "result", "data", "remote_link_enabled",
    ]
    static let annotationKeys: Set<String> = [
        "external_id", "annotation_type", "summary", "title", "details", "severity", "result", "path", "line", "link",
    ]

    func annotationList(_ key: String) -> [CloudAnnotation] { (annotations[key] ?? []).map(\.annotation) }

    private func violation(_ text: String) { violations.append(text) }

    private func record(_ text: String) { requests.append(text) }

    private func newUUID() -> String {
        nextID += 1
        return "{00000000-0000-4000-8000-\(String(format: "%012d", nextID))}"
    }

    nonisolated func router() -> Router<BasicRequestContext> {
        let router = Router()
        let base = "/2.0/repositories/:workspace/:repo/commit/:commit/reports/:report"
        router.put(RouterPath(base)) { request, context in
            let body = try await TestServer.body(of: request)
            return await self.putReport(body, path: request.uri.path, report: context.parameters.get("report") ?? "")
        }
        router.get(RouterPath(base + "/annotations")) { request, context in
            let page = request.uri.queryParameters.get("page").flatMap { Int($0) } ?? 1
            let pagelen = request.uri.queryParameters.get("pagelen").flatMap { Int($0) } ?? 10
            return await self.list(context.parameters.get("report") ?? "", page: page, pagelen: pagelen)
        }
        router.post(RouterPath(base + "/annotations")) { request, context in
            let body = try await TestServer.body(of: request)
            return await self.bulk(body, report: context.parameters.get("report") ?? "")
        }
        router.delete(RouterPath(base + "/annotations/:annotation")) { _, context in
            let raw = context.parameters.get("annotation") ?? ""
            return await self.delete(context.parameters.get("report") ?? "", id: raw.removingPercentEncoding ?? raw)
        }
        return router
    }

    private func check(_ object: JSONValue, allowed: Set<String>, required: [String], what: String) {
        guard case .object(let fields) = object else { return violation("\(what) is not an object") }
        for key in fields.keys where !allowed.contains(key) { violation("\(what) has a non-Cloud field '\(key)'") }
        for key in required where fields[key] == nil { violation("\(what) lacks '\(key)'") }
    }

    private func putReport(_ body: Data, path: String, report: String) -> Response {
        record("PUT report \(report)")
        if !path.contains("/commit/") || path.contains("/commits/") { violation("bad path \(path)") }
        guard let raw = try? JSONDecoder().decode(JSONValue.self, from: body),
            let request = try? JSONDecoder().decode(CloudReportRequest.self, from: body)
        else {
            violation("report body is not JSON")
            return error(InsightsError.invalidValue(.root, "not JSON"))
        }
        check(raw, allowed: Self.reportKeys, required: ["title", "details", "report_type"], what: "report")
        if case .object(let fields) = raw, case .array(let data)? = fields["data"] {
            for case .object(let field) in data {
                if case .object(let value)? = field["value"], value["linktext"] != nil { violation("DC LINK spelling") }
            }
        }
        do {
            _ = try request.toDomain()
        } catch {
            violation("report rejected: \(error)")
            return self.error(error)
        }
        reports[report] = request
        return TestServer.json(.ok, Data("{}".utf8))
    }

    private func bulk(_ body: Data, report: String) -> Response {
        guard reports[report] != nil else { return error(.notFound("report")) }
        guard case .array(let items)? = try? JSONDecoder().decode(JSONValue.self, from: body),
            let elements = try? JSONDecoder().decode([CloudAnnotation].self, from: body)
        else {
            violation("bulk body is not a JSON array")
            return error(InsightsError.invalidValue(.root, "not an array"))
        }
        record("POST annotations \(elements.count)")
        if elements.count > 100 { violation("bulk POST with \(elements.count) annotations") }
        for item in items {
            check(
                item, allowed: Self.annotationKeys, required: ["external_id", "annotation_type", "summary"],
                what: "annotation")
        }
        do {
            _ = try CloudAnnotation.toDomain(batch: elements)
        } catch {
            violation("bulk rejected: \(error)")
            return self.error(error)
        }
        var stored = annotations[report] ?? []
        for element in elements {
            if let index = stored.firstIndex(where: { $0.annotation.externalId == element.externalId }) {
                stored[index].annotation = element
            } else {
                stored.append(StoredAnnotation(uuid: newUUID(), annotation: element))
            }
        }
        if stored.count > 1000 {
            violation("report would hold \(stored.count) annotations")
            return error(.annotationCapExceeded(max: 1000))
        }
        annotations[report] = stored
        let response = stored.map { entry in
            var annotation = entry.annotation
            annotation.uuid = entry.uuid
            annotation.type = CloudAnnotation.objectType
            return annotation
        }
        return TestServer.json(.ok, (try? JSONEncoder().encode(response)) ?? Data())
    }

    private func list(_ report: String, page: Int, pagelen: Int) -> Response {
        record("GET annotations page \(page)")
        if pagelen > 100 { violation("pagelen \(pagelen) > 100") }
        let stored = annotations[report] ?? []
        let start = (page - 1) * pagelen
        let slice = stored.dropFirst(start).prefix(pagelen).map { entry in
            var annotation = entry.annotation
            annotation.uuid = entry.uuid
            annotation.type = CloudAnnotation.objectType
            return annotation
        }
        let hasMore = start + pagelen < stored.count
        let envelope = CloudPage(
            values: Array(slice), page: page, pagelen: pagelen, size: stored.count,
            next: hasMore ? "https://api.bitbucket.org/next?page=\(page + 1)" : nil)
        return TestServer.json(.ok, (try? JSONEncoder().encode(envelope)) ?? Data())
    }

    private func delete(_ report: String, id: String) -> Response {
        record("DELETE annotation")
        var stored = annotations[report] ?? []
        guard let index = stored.firstIndex(where: { $0.uuid == id || $0.annotation.externalId == id }) else {
            return error(.notFound("annotation"))
        }
        stored.remove(at: index)
        annotations[report] = stored
        return Response(status: .noContent)
    }

    private func error(_ error: InsightsError) -> Response {
        let status: HTTPResponse.Status = error.kind == .notFound ? .notFound : .badRequest
        return TestServer.json(status, (try? JSONEncoder().encode(CloudErrorBody(error))) ?? Data())
    }
}
