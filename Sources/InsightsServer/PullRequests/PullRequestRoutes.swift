import Foundation
import Hummingbird
import InsightsCore
import InsightsGit
import InsightsReview
import InsightsStore
import InsightsWire

/// Bitbucket Data Center's pull request REST API (`/rest/api/latest/…` and `/rest/api/1.0/…`) for git-backed
/// repositories, with the repository's branches, its mirror refresh and its git link.
///
/// Errors are rendered in Data Center's body; a refused merge answers 409 with Data Center's `vetoes`.
struct PullRequestRoutes<Store: InsightsStore>: Dialect {
    typealias Context = InsightsRequestContext

    let pullRequests: PullRequestService<Store>
    let views: PullRequestInsightsService<Store>

    var basePaths: [String] { ["/rest/api/latest", "/rest/api/1.0"] }

    func httpError(for error: InsightsError) -> any HTTPResponseError { DataCenterHTTPError(error: error) }

    /// Adds every endpoint below `group`.
    func register(on group: RouterGroup<Context>) {
        let repository = "projects/:projectKey/repos/:repositorySlug"
        let pullRequest = "\(repository)/pull-requests/:pullRequestId"
        group.get("\(repository)/pull-requests", use: list)
        group.post("\(repository)/pull-requests", use: open)
        group.get(RouterPath(pullRequest), use: get)
        group.post("\(pullRequest)/decline", use: decline)
        group.get("\(pullRequest)/merge", use: mergeability)
        group.post("\(pullRequest)/merge", use: merge)
        group.get("\(pullRequest)/activities", use: activities)
        group.get("\(repository)/branches", use: branches)
        group.post("\(repository)/refresh", use: refresh)
        group.put("\(repository)/git", use: link)
        group.delete("\(repository)/git", use: unlink)
    }

    // MARK: Pull requests

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let ref = try PullRequestPath(parameters: context.parameters).repository()
        let paging = try DataCenterPaging(query: request.uri.queryParameters)
        let state = try Self.stateFilter(request.uri.queryParameters.get("state"))
        let page = try await pullRequests.pullRequests(
            in: ref, state: state, page: paging.request, for: context.principal)
        return try JSONResponse.make(DataCenterPage(page, limit: paging.limit, transform: DataCenterPullRequest.init))
    }

    @Sendable func open(_ request: Request, context: Context) async throws -> Response {
        let ref = try PullRequestPath(parameters: context.parameters).repository()
        let body = try await pullRequests.insights.body(of: request)
        let draft = try WireDecoder.decode(DataCenterPullRequestRequest.self, from: body).toDomain()
        let opened = try await pullRequests.open(draft, in: ref, by: context.principal)
        return try JSONResponse.make(DataCenterPullRequest(opened), status: .created)
    }

    @Sendable func get(_ request: Request, context: Context) async throws -> Response {
        let path = PullRequestPath(parameters: context.parameters)
        let found = try await pullRequests.pullRequest(
            try path.pullRequestID(), in: try path.repository(), for: context.principal)
        return try JSONResponse.make(DataCenterPullRequest(found))
    }

    @Sendable func decline(_ request: Request, context: Context) async throws -> Response {
        let path = PullRequestPath(parameters: context.parameters)
        let declined = try await pullRequests.decline(
            try path.pullRequestID(), in: try path.repository(),
            version: try request.uri.queryParameters.pullRequestVersion(), by: context.principal)
        return try JSONResponse.make(DataCenterPullRequest(declined))
    }

    @Sendable func mergeability(_ request: Request, context: Context) async throws -> Response {
        let path = PullRequestPath(parameters: context.parameters)
        let view = try await views.view(of: try path.pullRequestID(), in: try path.repository(), for: context.principal)
        guard view.pullRequest.state == .open else {
            throw InsightsError.conflict(
                "Pull request \(view.pullRequest.id) is already \(view.pullRequest.state.rawValue.lowercased()).")
        }
        let refusal = try await views.mergeRefusal(of: view.pullRequest, in: try repository(of: view.pullRequest))
        return try JSONResponse.make(Self.mergeability(refusal))
    }

    @Sendable func merge(_ request: Request, context: Context) async throws -> Response {
        let path = PullRequestPath(parameters: context.parameters)
        let ref = try path.repository()
        let outcome = try await pullRequests.merge(
            try path.pullRequestID(), in: ref, version: try request.uri.queryParameters.pullRequestVersion(),
            by: context.principal
        ) { current in
            try await views.mergeRefusal(of: current, in: try await repository(of: current))
        }
        switch outcome {
        case .success(let merged):
            return try JSONResponse.make(DataCenterPullRequest(merged))
        case .failure(let refusal):
            return JSONResponse.make(
                encoded: try WireEncoder.bytes(DataCenterMergeVetoedBody(Self.mergeability(refusal))),
                status: .conflict)
        }
    }

    @Sendable func activities(_ request: Request, context: Context) async throws -> Response {
        let path = PullRequestPath(parameters: context.parameters)
        let paging = try DataCenterPaging(query: request.uri.queryParameters)
        let page = try await pullRequests.activities(
            try path.pullRequestID(), in: try path.repository(), page: paging.request, for: context.principal)
        return try JSONResponse.make(
            DataCenterPage(page, limit: paging.limit, transform: DataCenterPullRequestActivity.init))
    }

    // MARK: The repository's git

    @Sendable func branches(_ request: Request, context: Context) async throws -> Response {
        let ref = try PullRequestPath(parameters: context.parameters).repository()
        let paging = try DataCenterPaging(query: request.uri.queryParameters)
        let branches = try await pullRequests.branches(in: ref, for: context.principal)
        return try Self.branchPage(branches, paging: paging)
    }

    @Sendable func refresh(_ request: Request, context: Context) async throws -> Response {
        let ref = try PullRequestPath(parameters: context.parameters).repository()
        let paging = try DataCenterPaging(query: request.uri.queryParameters)
        let branches = try await views.refresh(ref, by: context.principal)
        return try Self.branchPage(branches, paging: paging)
    }

    @Sendable func link(_ request: Request, context: Context) async throws -> Response {
        let ref = try PullRequestPath(parameters: context.parameters).repository()
        let body = try await pullRequests.insights.body(of: request)
        let remote = try WireDecoder.decode(GitLinkBody.self, from: body).remote
        guard let remote else { throw InsightsError.missingField(FieldPath("remote")) }
        try await pullRequests.link(ref, to: remote, by: context.principal)
        return try JSONResponse.make(GitLinkBody(remote: remote))
    }

    @Sendable func unlink(_ request: Request, context: Context) async throws -> Response {
        let ref = try PullRequestPath(parameters: context.parameters).repository()
        try await pullRequests.link(ref, to: nil, by: context.principal)
        return JSONResponse.noContent
    }

    // MARK: Rendering

    private func repository(of pullRequest: PullRequest) async throws -> Repository {
        guard
            let (repository, _) = try await pullRequests.insights.store.repository(
                pullRequest.repository, accessFor: nil)
        else { throw InsightsError.notFound("Repository \(pullRequest.repository) does not exist.") }
        return repository
    }

    /// `state` of the list: `OPEN` when absent (as Bitbucket), `ALL` for every state.
    static func stateFilter(_ text: String?) throws -> PullRequestState? {
        guard let text else { return .open }
        if text.uppercased() == "ALL" { return nil }
        guard let state = PullRequestState(rawValue: text.uppercased()) else {
            throw InsightsError.invalidValue(
                FieldPath("state"), "'state' must be one of OPEN, DECLINED, MERGED or ALL.")
        }
        return state
    }

    private static func mergeability(_ refusal: MergeRefusal?) -> DataCenterMergeability {
        DataCenterMergeability(
            conflicted: refusal?.conflicted ?? false,
            vetoes: (refusal?.vetoes ?? []).map {
                DataCenterMergeability.Veto(summaryMessage: $0.summary, detailedMessage: $0.detail)
            })
    }

    private static func branchPage(_ branches: [GitBranch], paging: DataCenterPaging) throws -> Response {
        let named = branches.compactMap { branch in
            (try? BranchName(branch.name)).map { (name: $0, commit: branch.commit) }
        }
        let slice = named.dropFirst(paging.start).prefix(paging.limit)
        let page = Page(
            values: Array(slice), offset: paging.start, hasMore: paging.start + slice.count < named.count,
            total: named.count)
        return try JSONResponse.make(
            DataCenterPage(page, limit: paging.limit) { branch in
                DataCenterBranch(name: branch.name, commit: branch.commit, isDefault: false)
            })
    }
}

/// The body of `PUT …/git` (a project extension): the remote to mirror.
struct GitLinkBody: Codable, Sendable {
    var remote: String?
}
