import Foundation
import Hummingbird
import InsightsCore
import InsightsStore
import InsightsWire
import Logging

/// The Bitbucket Data Center Code Insights API (`/rest/insights/latest/…` and its alias `/rest/insights/1.0/…`).
///
/// Handlers only read the path, decode the body into domain values, make one ``InsightsService`` call and encode
/// the result. Errors are thrown as domain errors and rendered in Data Center's body by ``DialectErrorMiddleware``.
struct DataCenterRoutes<Store: InsightsStore>: Dialect {
    typealias Context = InsightsRequestContext

    let service: InsightsService<Store>
    /// Rendered commit-wide annotation responses, shared by both base paths.
    let commitResponses: CommitResponseCache

    var basePaths: [String] { ["/rest/insights/latest", "/rest/insights/1.0"] }

    func httpError(for error: InsightsError) -> any HTTPResponseError { DataCenterHTTPError(error: error) }

    /// Adds every endpoint below `group`.
    func register(on group: RouterGroup<Context>) {
        let commit = "projects/:projectKey/repos/:repositorySlug/commits/:commitId"
        let report = "\(commit)/reports/:key"
        group.get("\(commit)/annotations", use: commitAnnotations)
        group.get("\(commit)/reports", use: listReports)
        group.get(RouterPath(report), use: getReport)
        group.put(RouterPath(report), use: putReport)
        group.delete(RouterPath(report), use: deleteReport)
        group.get("\(report)/annotations", use: reportAnnotations)
        group.post("\(report)/annotations", use: addAnnotations)
        group.delete("\(report)/annotations", use: deleteAnnotations)
        group.put("\(report)/annotations/:externalId", use: putAnnotation)
        group.delete("\(report)/annotations/:externalId", use: deleteAnnotation)
        group.get("openapi.json", use: OpenAPIDocument.dataCenter)
    }

    // MARK: Reports

    @Sendable func listReports(_ request: Request, context: Context) async throws -> Response {
        let path = DataCenterPath(parameters: context.parameters)
        let paging = try DataCenterPaging(query: request.uri.queryParameters)
        let page = try await service.reports(
            in: try path.repository(), commit: try path.commit(), page: paging.request, for: context.principal)
        return try JSONResponse.make(DataCenterPage(page, limit: paging.limit, transform: DataCenterReport.init))
    }

    @Sendable func getReport(_ request: Request, context: Context) async throws -> Response {
        let address = try DataCenterPath(parameters: context.parameters).report()
        return try JSONResponse.make(DataCenterReport(try await service.report(at: address, for: context.principal)))
    }

    @Sendable func putReport(_ request: Request, context: Context) async throws -> Response {
        let address = try DataCenterPath(parameters: context.parameters).report()
        let body = try await service.body(of: request)
        let content = try WireDecoder.decode(DataCenterReportRequest.self, from: body).toDomain()
        let outcome = try await service.putReport(content, at: address, by: context.principal)
        context.logger.debug(
            "Report stored", metadata: ["report.key": "\(address.report)", "created": "\(outcome.isCreated)"])
        return try JSONResponse.make(DataCenterReport(outcome.value))
    }

    @Sendable func deleteReport(_ request: Request, context: Context) async throws -> Response {
        let address = try DataCenterPath(parameters: context.parameters).report()
        try await service.deleteReport(at: address, by: context.principal)
        return JSONResponse.noContent
    }

    // MARK: Annotations

    @Sendable func reportAnnotations(_ request: Request, context: Context) async throws -> Response {
        let address = try DataCenterPath(parameters: context.parameters).report()
        let annotations = try await service.annotations(of: address, for: context.principal)
        return JSONResponse.make(encoded: DataCenterAnnotations.responseBytes(for: annotations))
    }

    @Sendable func commitAnnotations(_ request: Request, context: Context) async throws -> Response {
        let path = DataCenterPath(parameters: context.parameters)
        let repository = try path.repository()
        let commit = try path.commit()
        _ = try await service.authorize(.read, on: repository, commit: commit, for: context.principal)
        let key = CommitResponseCache.Key(
            repository: repository, commit: commit,
            filter: try DataCenterAnnotationQuery.filter(from: request.uri.queryParameters))
        let body = try await commitResponses.body(
            for: key, in: service.store, render: DataCenterAnnotations.responseBytes(for:))
        return JSONResponse.make(body: body)
    }

    @Sendable func addAnnotations(_ request: Request, context: Context) async throws -> Response {
        let address = try DataCenterPath(parameters: context.parameters).report()
        let body = try await service.body(of: request)
        let annotations = try WireDecoder.decode(DataCenterAnnotations.self, from: body).toDomain()
        _ = try await service.addAnnotations(annotations, to: address, mode: .insert, by: context.principal)
        return JSONResponse.noContent
    }

    @Sendable func putAnnotation(_ request: Request, context: Context) async throws -> Response {
        let path = DataCenterPath(parameters: context.parameters)
        let address = try path.report()
        let externalID = try path.externalID()
        let body = try await service.body(of: request)
        var element = try WireDecoder.decode(DataCenterAnnotation.self, from: body)
        element.externalId = externalID  // The path wins over the body (D16).
        let annotation = try element.toDomain()
        _ = try await service.putAnnotation(
            annotation, at: .externalID(externalID), of: address, in: .dataCenter, by: context.principal)
        return JSONResponse.noContent
    }

    @Sendable func deleteAnnotations(_ request: Request, context: Context) async throws -> Response {
        let address = try DataCenterPath(parameters: context.parameters).report()
        let ids = request.uri.queryParameters.getAll("externalId")
        try NullCharacterRule.check(ids, at: FieldPath("externalId"))
        try await service.deleteAnnotations(of: address, externalIDs: ids.isEmpty ? nil : ids, by: context.principal)
        return JSONResponse.noContent
    }

    @Sendable func deleteAnnotation(_ request: Request, context: Context) async throws -> Response {
        let path = DataCenterPath(parameters: context.parameters)
        // Data Center answers 204 whether or not the annotation existed (D29).
        try await service.deleteAnnotations(
            of: try path.report(), externalIDs: [try path.externalID()], by: context.principal)
        return JSONResponse.noContent
    }
}
