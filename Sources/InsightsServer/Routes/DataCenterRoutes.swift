import Foundation
import Hummingbird
import InsightsCore
import InsightsStore
import InsightsWire
import Logging

/// The Bitbucket Data Center Code Insights API (`/rest/insights/latest/…` and its alias `/rest/insights/1.0/…`).
///
/// Handlers are thin: read the path, authorize, decode the body into domain values, make one store call, encode.
/// Errors are thrown as domain errors and rendered by ``DataCenterErrorMiddleware``.
struct DataCenterRoutes<Store: InsightsStore>: Sendable {
    typealias Context = InsightsRequestContext

    /// The base paths this dialect answers on.
    static var basePaths: [String] { ["/rest/insights/latest", "/rest/insights/1.0"] }

    let store: Store
    let limits: ServerLimits
    /// Rendered commit-wide annotation responses.
    let commitResponses: CommitResponseCache

    private var gate: RepositoryGate<Store> { RepositoryGate(store: store) }

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
    }

    // MARK: Reports

    // Left unoptimized for the same Swift 6.3 crash as ``commitAnnotations(_:context:)``.
    @_optimize(none)
    @Sendable func listReports(_ request: Request, context: Context) async throws -> Response {
        let path = DataCenterPath(parameters: context.parameters)
        let repository = try path.repository()
        _ = try await gate.caller(repository, for: .read, principal: context.principal)
        let commit = try path.commit()
        let paging = try DataCenterPaging(query: request.uri.queryParameters)
        let page = try await store.reports(in: repository, commit: commit, page: paging.request)
        return try Self.reportsResponse(page, limit: paging.limit)
    }

    /// The body of ``listReports(_:context:)``, encoded outside the unoptimized handler.
    private static func reportsResponse(_ page: Page<Report>, limit: Int) throws -> Response {
        try JSONResponse.make(DataCenterPage(page, limit: limit, transform: DataCenterReport.init))
    }

    @Sendable func getReport(_ request: Request, context: Context) async throws -> Response {
        let path = DataCenterPath(parameters: context.parameters)
        _ = try await gate.caller(try path.repository(), for: .read, principal: context.principal)
        let address = try path.report()
        guard let report = try await store.report(at: address) else { throw Self.noReport(address) }
        return try JSONResponse.make(DataCenterReport(report))
    }

    @Sendable func putReport(_ request: Request, context: Context) async throws -> Response {
        let path = DataCenterPath(parameters: context.parameters)
        let caller = try await gate.caller(try path.repository(), for: .createReport, principal: context.principal)
        let address = try path.report()
        var request = request
        let body = try await request.collectData(upTo: limits.maxBodyBytes)
        let content = try WireDecoder.decode(DataCenterReportRequest.self, from: body).toDomain()
        let outcome = try await store.putReport(content, at: address, by: caller)
        context.logger.debug(
            "Report stored", metadata: ["report.key": "\(address.key)", "created": "\(outcome.isCreated)"])
        return try JSONResponse.make(DataCenterReport(outcome.value))
    }

    @Sendable func deleteReport(_ request: Request, context: Context) async throws -> Response {
        let path = DataCenterPath(parameters: context.parameters)
        let caller = try await gate.caller(try path.repository(), for: .createReport, principal: context.principal)
        try await store.deleteReport(at: try path.report(), by: caller)
        return JSONResponse.noContent
    }

    // MARK: Annotations

    @Sendable func reportAnnotations(_ request: Request, context: Context) async throws -> Response {
        let path = DataCenterPath(parameters: context.parameters)
        _ = try await gate.caller(try path.repository(), for: .read, principal: context.principal)
        let annotations = try await store.annotations(of: try path.report())
        return Self.annotationsResponse(annotations)
    }

    // Left unoptimized: Swift 6.3's LLVM crashes (signal 11) while splitting this handler's coroutine in release
    // builds. The handler is glue: the query runs in the store and the response is encoded by an optimized helper.
    @_optimize(none)
    @Sendable func commitAnnotations(_ request: Request, context: Context) async throws -> Response {
        let path = DataCenterPath(parameters: context.parameters)
        let repository = try path.repository()
        _ = try await gate.caller(repository, for: .read, principal: context.principal)
        let commit = try path.commit()
        let filter = try DataCenterAnnotationQuery.filter(from: request.uri.queryParameters)
        let body = try await commitResponses.body(
            for: CommitResponseCache.Key(repository: repository, commit: commit, filter: filter), in: store,
            render: DataCenterAnnotations.responseBytes(for:))
        return JSONResponse.make(body: body)
    }

    /// A `{"annotations": [...]}` response.
    private static func annotationsResponse(_ annotations: [Annotation]) -> Response {
        JSONResponse.make(encoded: DataCenterAnnotations.responseBytes(for: annotations))
    }

    @Sendable func addAnnotations(_ request: Request, context: Context) async throws -> Response {
        let path = DataCenterPath(parameters: context.parameters)
        let caller = try await gate.caller(try path.repository(), for: .createReport, principal: context.principal)
        let address = try path.report()
        var request = request
        let body = try await request.collectData(upTo: limits.maxBodyBytes)
        let annotations = try WireDecoder.decode(DataCenterAnnotations.self, from: body).toDomain()
        _ = try await store.addAnnotations(
            annotations, to: address, mode: .insert, maxPerReport: limits.maxAnnotationsPerReport, by: caller)
        return JSONResponse.noContent
    }

    @Sendable func putAnnotation(_ request: Request, context: Context) async throws -> Response {
        let path = DataCenterPath(parameters: context.parameters)
        let caller = try await gate.caller(try path.repository(), for: .createReport, principal: context.principal)
        let address = try path.report()
        let externalID = try path.externalID()
        var request = request
        let body = try await request.collectData(upTo: limits.maxBodyBytes)
        var element = try WireDecoder.decode(DataCenterAnnotation.self, from: body)
        element.externalId = externalID  // The path wins over the body.
        let annotation = try element.toDomain()
        _ = try await store.putAnnotation(
            annotation, to: address, maxPerReport: limits.maxAnnotationsPerReport, by: caller)
        return JSONResponse.noContent
    }

    @Sendable func deleteAnnotations(_ request: Request, context: Context) async throws -> Response {
        let path = DataCenterPath(parameters: context.parameters)
        let caller = try await gate.caller(try path.repository(), for: .createReport, principal: context.principal)
        let ids = request.uri.queryParameters.getAll("externalId")
        try await store.deleteAnnotations(of: try path.report(), externalIDs: ids.isEmpty ? nil : ids, by: caller)
        return JSONResponse.noContent
    }

    @Sendable func deleteAnnotation(_ request: Request, context: Context) async throws -> Response {
        let path = DataCenterPath(parameters: context.parameters)
        let caller = try await gate.caller(try path.repository(), for: .createReport, principal: context.principal)
        try await store.deleteAnnotations(of: try path.report(), externalIDs: [try path.externalID()], by: caller)
        return JSONResponse.noContent
    }

    private static func noReport(_ address: ReportAddress) -> InsightsError {
        .notFound("No report with key '\(address.key)' exists for commit \(address.commit).")
    }
}
