import Foundation
import Hummingbird
import InsightsCore
import InsightsStore
import InsightsWire

/// The project's extensions of the Data Center insights API (`/rest/insights/latest/…`): a pull request's placed
/// insights and the repository's merge check.
struct PullRequestInsightsRoutes<Store: InsightsStore>: Dialect {
    typealias Context = InsightsRequestContext

    let views: PullRequestInsightsService<Store>

    var basePaths: [String] { ["/rest/insights/latest", "/rest/insights/1.0"] }

    func httpError(for error: InsightsError) -> any HTTPResponseError { DataCenterHTTPError(error: error) }

    /// Adds every endpoint below `group`.
    func register(on group: RouterGroup<Context>) {
        let repository = "projects/:projectKey/repos/:repositorySlug"
        group.get("\(repository)/pull-requests/:pullRequestId/insights", use: insights)
        group.get("\(repository)/merge-check", use: mergeCheck)
        group.put("\(repository)/merge-check", use: setMergeCheck)
    }

    @Sendable func insights(_ request: Request, context: Context) async throws -> Response {
        let path = PullRequestPath(parameters: context.parameters)
        let includeDiff = try Self.flag(request.uri.queryParameters.get("diff"), name: "diff")
        let view = try await views.view(of: try path.pullRequestID(), in: try path.repository(), for: context.principal)
        return try JSONResponse.make(
            PullRequestInsightsBody(
                pullRequest: view.pullRequest, diff: view.diff, insights: view.insights, includeDiff: includeDiff))
    }

    @Sendable func mergeCheck(_ request: Request, context: Context) async throws -> Response {
        let ref = try PullRequestPath(parameters: context.parameters).repository()
        let service = views.pullRequests.insights
        _ = try await service.authorize(.read, on: ref, for: context.principal)
        return try JSONResponse.make(MergeCheckBody(try await service.store.mergeCheckPolicy(of: ref)))
    }

    @Sendable func setMergeCheck(_ request: Request, context: Context) async throws -> Response {
        let ref = try PullRequestPath(parameters: context.parameters).repository()
        let service = views.pullRequests.insights
        _ = try await service.authorize(.administer, on: ref, for: context.principal)
        let body = try await service.body(of: request)
        let policy = try WireDecoder.decode(MergeCheckBody.self, from: body).toDomain()
        try await service.store.setMergeCheckPolicy(policy, of: ref)
        return try JSONResponse.make(MergeCheckBody(policy))
    }

    private static func flag(_ text: String?, name: String) throws -> Bool {
        switch text?.lowercased() {
        case nil, "false": return false
        case "true", "": return true
        default: throw InsightsError.invalidValue(FieldPath(name), "'\(name)' must be true or false.")
        }
    }
}

/// A repository's merge check as the API reads and writes it (a project extension, reference D48).
struct MergeCheckBody: Codable, Sendable {
    /// Report keys that must exist on the source commit with result PASS.
    var requiredReports: [String]?
    /// `LOW`, `MEDIUM`, `HIGH` or `CRITICAL`; `null` turns the severity rule off.
    var blockingSeverity: String?
    /// `CHANGED` (every annotation shown on the change) or `NEW` (only new findings); `CHANGED` when absent.
    var scope: String?

    init(_ policy: MergeCheckPolicy) {
        requiredReports = policy.requiredReportKeys.map(\.rawValue)
        blockingSeverity = policy.blockingSeverity?.rawValue
        scope = policy.scope.rawValue
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(requiredReports ?? [], forKey: .requiredReports)
        try container.encode(blockingSeverity, forKey: .blockingSeverity)
        try container.encode(scope ?? MergeCheckPolicy.Scope.changed.rawValue, forKey: .scope)
    }

    /// Validates the body.
    ///
    /// - Throws: `invalid` naming the field.
    func toDomain() throws -> MergeCheckPolicy {
        var keys: [InsightKey] = []
        for (index, text) in (requiredReports ?? []).enumerated() {
            do {
                keys.append(try InsightKey(text))
            } catch {
                throw InsightsError.invalidValue(FieldPath("requiredReports[\(index)]"), error.message)
            }
        }
        let severity = try blockingSeverity.map { text in
            guard let severity = AnnotationSeverity(rawValue: text.uppercased()) else {
                throw InsightsError.invalidValue(
                    FieldPath("blockingSeverity"), "'blockingSeverity' must be LOW, MEDIUM, HIGH or CRITICAL.")
            }
            return severity
        }
        let scope = try scope.map { text in
            guard let scope = MergeCheckPolicy.Scope(rawValue: text.uppercased()) else {
                throw InsightsError.invalidValue(FieldPath("scope"), "'scope' must be CHANGED or NEW.")
            }
            return scope
        }
        return MergeCheckPolicy(
            requiredReportKeys: keys, blockingSeverity: severity, scope: scope ?? .changed)
    }
}
