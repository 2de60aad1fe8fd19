import Foundation
import Hummingbird
import InsightsCore
import InsightsStore
import InsightsWire
import Logging

/// The Bitbucket Cloud Reports API (`/2.0/repositories/{workspace}/{repo_slug}/commit/{commit}/reports…`, CL1–CL9).
///
/// Handlers only read the path, decode the body into domain values, make one ``InsightsService`` call and encode
/// the result. Errors are thrown as domain errors and rendered in Cloud's body by ``DialectErrorMiddleware``.
struct CloudRoutes<Store: InsightsStore>: Dialect {
    typealias Context = InsightsRequestContext

    let service: InsightsService<Store>

    var basePaths: [String] { ["/2.0"] }

    func httpError(for error: InsightsError) -> any HTTPResponseError { CloudHTTPError(error: error) }

    /// Adds every endpoint below `group`.
    func register(on group: RouterGroup<Context>) {
        let reports = "repositories/:workspace/:repo_slug/commit/:commit/reports"
        let report = "\(reports)/:reportId"
        let annotations = "\(report)/annotations"
        group.get(RouterPath(reports), use: listReports)
        group.get(RouterPath(report), use: getReport)
        group.put(RouterPath(report), use: putReport)
        group.delete(RouterPath(report), use: deleteReport)
        group.get(RouterPath(annotations), use: listAnnotations)
        group.post(RouterPath(annotations), use: addAnnotations)
        group.get("\(annotations)/:annotationId", use: getAnnotation)
        group.put("\(annotations)/:annotationId", use: putAnnotation)
        group.delete("\(annotations)/:annotationId", use: deleteAnnotation)
        group.get("openapi.json", use: OpenAPIDocument.cloud)
    }

    // MARK: Reports

    /// CL1: a commit's reports, a page at a time.
    @Sendable func listReports(_ request: Request, context: Context) async throws -> Response {
        let path = CloudPath(parameters: context.parameters)
        let paging = try CloudPaging(query: request.uri.queryParameters)
        let repository = try await repository(path, context)
        let page = try await service.reports(
            in: repository, commit: try path.commit(), page: paging.request, for: context.principal)
        return try JSONResponse.make(paging.envelope(page, for: request, transform: CloudReport.init))
    }

    /// CL2: one report.
    @Sendable func getReport(_ request: Request, context: Context) async throws -> Response {
        let address = try await reportAddress(context)
        return try JSONResponse.make(CloudReport(try await service.report(at: address, for: context.principal)))
    }

    /// CL3: creates or replaces a report; 200 in both cases (D29).
    @Sendable func putReport(_ request: Request, context: Context) async throws -> Response {
        let address = try await reportAddress(context)
        let body = try await service.body(of: request)
        let content = try WireDecoder.decode(CloudReportRequest.self, from: body).toDomain()
        let outcome = try await service.putReport(content, at: address, by: context.principal)
        context.logger.debug(
            "Report stored", metadata: ["report.key": "\(address.report)", "created": "\(outcome.isCreated)"])
        return try JSONResponse.make(CloudReport(outcome.value))
    }

    /// CL4: deletes a report with its annotations; 204.
    @Sendable func deleteReport(_ request: Request, context: Context) async throws -> Response {
        try await service.deleteReport(at: try await reportAddress(context), by: context.principal)
        return JSONResponse.noContent
    }

    // MARK: Annotations

    /// CL5: a report's annotations, a page at a time.
    @Sendable func listAnnotations(_ request: Request, context: Context) async throws -> Response {
        let paging = try CloudPaging(query: request.uri.queryParameters)
        let address = try await reportAddress(context)
        let page = try await service.annotations(of: address, page: paging.request, for: context.principal)
        return try JSONResponse.make(paging.envelope(page, for: request, transform: CloudAnnotation.init))
    }

    /// CL6: creates or updates 1 to 100 annotations by `external_id`, all or nothing; answers the stored ones.
    @Sendable func addAnnotations(_ request: Request, context: Context) async throws -> Response {
        let address = try await reportAddress(context)
        let body = try await service.body(of: request)
        let annotations = try CloudAnnotation.toDomain(batchBody: body)
        let stored = try await service.addAnnotations(annotations, to: address, mode: .upsert, by: context.principal)
        return try JSONResponse.make(stored.map(CloudAnnotation.init))
    }

    /// CL7: one annotation.
    @Sendable func getAnnotation(_ request: Request, context: Context) async throws -> Response {
        let address = try await reportAddress(context)
        let selector = try CloudPath(parameters: context.parameters).annotation()
        let annotation = try await service.annotation(selector, of: address, for: context.principal)
        return try JSONResponse.make(CloudAnnotation(annotation))
    }

    /// CL8: creates (by external id) or replaces (by uuid or external id) one annotation; 200 in both cases.
    @Sendable func putAnnotation(_ request: Request, context: Context) async throws -> Response {
        let address = try await reportAddress(context)
        let selector = try CloudPath(parameters: context.parameters).annotation()
        let body = try await service.body(of: request)
        var element = try WireDecoder.decode(CloudAnnotation.self, from: body)
        // The path wins over the body (D16); by uuid, the stored external id is kept.
        element.externalId = selector.creatableExternalID
        let annotation = try element.toDomain()
        let outcome = try await service.putAnnotation(
            annotation, at: selector, of: address, in: .cloud, by: context.principal)
        return try JSONResponse.make(CloudAnnotation(outcome.value))
    }

    /// CL9: deletes one annotation; 204, or 404 when it does not exist.
    @Sendable func deleteAnnotation(_ request: Request, context: Context) async throws -> Response {
        let address = try await reportAddress(context)
        let selector = try CloudPath(parameters: context.parameters).annotation()
        try await service.deleteAnnotation(selector, of: address, by: context.principal)
        return JSONResponse.noContent
    }

    // MARK: Paths

    private func repository(_ path: CloudPath, _ context: Context) async throws -> RepositoryRef {
        let names = try path.repositoryNames()
        return try await service.repository(
            project: names.project, repository: names.repository, for: context.principal)
    }

    private func reportAddress(_ context: Context) async throws -> ReportAddress {
        let path = CloudPath(parameters: context.parameters)
        let repository = try await repository(path, context)
        return ReportAddress(repository: repository, commit: try path.commit(), report: try path.report())
    }
}
