import Foundation
import Hummingbird
import InsightsCore
import InsightsGit
import InsightsStore
import InsightsWeb
import NIOCore

/// The web UI: server-rendered pages of repositories, their pull requests and commits, sign-in and sign-out, the
/// static assets, and the live updates of a pull request page. Pages need what the API needs (read on the
/// repository); every error is an HTML page (or, for a visitor who must sign in, a redirect to the sign-in form).
struct WebRoutes<Store: InsightsStore>: Dialect {
    typealias Context = InsightsRequestContext

    let views: PullRequestInsightsService<Store>
    let signIn: WebSignIn<Store>
    let pages: WebPages
    /// How often an open pull request page checks for new reports and pushes.
    let eventPollInterval: Duration
    /// Rendered pull request bodies.
    let bodies: PullRequestBodyCache

    private var insights: InsightsService<Store> { views.pullRequests.insights }
    private var store: Store { insights.store }
    private var paths: WebPaths { pages.paths }

    var basePaths: [String] { ["/", "/sign-in", "/sign-out", "/assets", "/projects"] }

    func httpError(for error: InsightsError) -> any HTTPResponseError {
        WebHTTPError(error: error, renderer: pages.renderer, paths: paths, secure: pages.secureCookies)
    }

    /// Adds every page to `group`, which must be rooted at `/` behind ``WebSessionMiddleware``.
    func register(on group: RouterGroup<Context>) {
        let repository = "projects/:projectKey/repos/:repositorySlug"
        group.get("/", use: repositories)
        group.get("sign-in", use: signInForm)
        group.post("sign-in", use: submitSignIn)
        group.post("sign-out", use: signOut)
        group.get("assets/:name", use: asset)
        group.get(RouterPath(repository), use: repositoryPage)
        group.get("\(repository)/pull-requests", use: pullRequestList)
        group.post("\(repository)/pull-requests", use: openPullRequest)
        group.get("\(repository)/pull-requests/:pullRequestId", use: pullRequestPage)
        group.get("\(repository)/pull-requests/:pullRequestId/events", use: pullRequestEvents)
        group.get("\(repository)/commits/:commitId", use: commitPage)
    }

    // MARK: Pages

    @Sendable func repositories(_ request: Request, context: Context) async throws -> Response {
        var readable: [RepositoryRef] = []
        for repository in try await store.repositories() {
            if (try? await insights.authorize(.read, on: repository.ref, for: context.principal)) != nil {
                readable.append(repository.ref)
            }
        }
        return html(RepositoriesPage(repositories: readable, chrome: chrome(context)), context)
    }

    @Sendable func repositoryPage(_ request: Request, context: Context) async throws -> Response {
        try await repositoryPage(context, openError: nil)
    }

    /// The repository page, with the reason a pull request could not be opened from its form.
    private func repositoryPage(_ context: Context, openError: String?) async throws -> Response {
        let ref = try PullRequestPath(parameters: context.parameters).repository()
        let (repository, _) = try await insights.authorizedRepository(.read, on: ref, for: context.principal)
        var branches: [GitBranch] = []
        var commits: [GitCommitSummary] = []
        if repository.gitRemote != nil {
            branches = try await views.pullRequests.branches(in: ref, for: context.principal)
            let client = try insights.mirrors.client(for: repository)
            // An empty repository has no HEAD yet: no commits to list.
            commits = (try? await client.recentCommits(of: "HEAD", limit: 20)) ?? []
        }
        var reports: [CommitID: [Report]] = [:]
        for commit in Set(commits.map(\.id) + branches.map(\.commit)) {
            let found = try await store.reports(in: ref, commit: commit, page: PageRequest(offset: 0, limit: 100))
            if !found.values.isEmpty { reports[commit] = found.values }
        }
        let page = RepositoryPage(
            repository: ref, isGitLinked: repository.gitRemote != nil, branches: branches, commits: commits,
            reports: reports, now: Date(), chrome: chrome(context), openError: openError)
        return html(page, context, status: openError == nil ? .ok : .badRequest)
    }

    @Sendable func openPullRequest(_ request: Request, context: Context) async throws -> Response {
        let form = try await checkedForm(request)
        let ref = try PullRequestPath(parameters: context.parameters).repository()
        do {
            let draft = try PullRequestDraft(
                title: form["title"] ?? "", description: form["description"].flatMap { $0.isEmpty ? nil : $0 },
                source: try BranchName(form["fromBranch"] ?? "", field: FieldPath("fromBranch")),
                target: try BranchName(form["toBranch"] ?? "", field: FieldPath("toBranch")))
            let opened = try await views.pullRequests.open(draft, in: ref, by: context.principal)
            return WebResponses.redirect(to: paths.pullRequest(ref, id: opened.id))
        } catch let error as InsightsError where error.kind == .invalid || error.kind == .conflict {
            return try await repositoryPage(context, openError: error.message)
        }
    }

    @Sendable func pullRequestList(_ request: Request, context: Context) async throws -> Response {
        let ref = try PullRequestPath(parameters: context.parameters).repository()
        let query = request.uri.queryParameters
        let state = try PullRequestRoutes<Store>.stateFilter(query.get("state"))
        let start = max(0, query.get("start").flatMap { Int($0) } ?? 0)
        let pageSize = 25
        let page = try await views.pullRequests.pullRequests(
            in: ref, state: state, page: PageRequest(offset: start, limit: pageSize), for: context.principal)
        return html(
            PullRequestsPage(
                repository: ref, state: state, page: page, pageSize: pageSize, now: Date(), chrome: chrome(context)),
            context)
    }

    @Sendable func pullRequestPage(_ request: Request, context: Context) async throws -> Response {
        let path = PullRequestPath(parameters: context.parameters)
        let ref = try path.repository()
        let (repository, _) = try await insights.authorizedRepository(.read, on: ref, for: context.principal)
        guard let pullRequest = try await store.pullRequest(try path.pullRequestID(), in: ref) else {
            throw InsightsError.notFound("Pull request \(try path.pullRequestID()) does not exist in \(ref).")
        }
        let view = try await views.view(of: pullRequest, in: repository)
        let refusal = try await views.mergeRefusal(of: pullRequest, in: repository)
        let now = Date()
        let verdict = MergeVerdict(isConflicted: refusal?.conflicted ?? false, vetoes: refusal?.vetoes ?? [])
        let page = PullRequestPage(
            pullRequest: view.pullRequest, insights: view.insights, verdict: verdict, now: now, chrome: chrome(context))
        let key = PullRequestBodyCache.Key(
            placement: view.placementKey, pullRequest: view.pullRequest, refusal: refusal)
        let renderer = pages.renderer
        let body = await bodies.body(for: key, minute: PullRequestBodyCache.minute(of: now)) { [view] in
            // The body does not depend on the visitor: render it with an empty chrome, at the time of rendering.
            renderer.renderBody(
                PullRequestPage(
                    pullRequest: view.pullRequest, insights: view.insights, verdict: verdict, now: Date(),
                    chrome: PageChrome(csrfToken: "")))
        }
        return WebResponses.html(
            pages.renderer.render(page, body: body), visitor: context.web, secure: pages.secureCookies)
    }

    @Sendable func commitPage(_ request: Request, context: Context) async throws -> Response {
        let dataCenterPath = DataCenterPath(parameters: context.parameters)
        let ref = try dataCenterPath.repository()
        let commit = try dataCenterPath.commit()
        let (repository, _) = try await insights.authorizedRepository(.read, on: ref, for: context.principal)
        try await insights.mirrors.requireCommit(commit, in: repository)
        var summary: GitCommitSummary?
        if repository.gitRemote != nil {
            summary = try? await insights.mirrors.client(for: repository).recentCommits(of: commit.rawValue, limit: 1)
                .first
        }
        var reports: [Report] = []
        while true {
            let page = try await store.reports(
                in: ref, commit: commit, page: PageRequest(offset: reports.count, limit: 1000))
            reports += page.values
            guard page.hasMore, !page.values.isEmpty else { break }
        }
        let annotations = try await store.annotations(inCommit: commit, of: ref, matching: AnnotationFilter())
        let page = CommitPage(
            repository: ref, commit: commit, summary: summary, reports: reports,
            annotations: annotations.annotations, now: Date(), chrome: chrome(context))
        return html(page, context)
    }

    // MARK: Signing in and out

    @Sendable func signInForm(_ request: Request, context: Context) async throws -> Response {
        let returnTo = request.uri.queryParameters.get("returnTo").map {
            WebResponses.returnPath($0, paths: paths)
        }
        return html(SignInPage(chrome: chrome(context), returnTo: returnTo), context)
    }

    @Sendable func submitSignIn(_ request: Request, context: Context) async throws -> Response {
        let form = try await checkedForm(request)
        let userName = form["username"] ?? ""
        let returnTo = WebResponses.returnPath(form["returnTo"], paths: paths)
        do {
            let (cookie, _) = try await signIn.signIn(userName: userName, secret: form["password"] ?? "")
            return WebResponses.redirect(
                to: returnTo,
                cookies: [
                    WebResponses.sessionCookie(
                        cookie, maxAge: Int(signIn.lifetime), secure: pages.secureCookies)
                ])
        } catch let error as InsightsError where error.kind == .unauthenticated {
            let page = SignInPage(
                chrome: chrome(context), userName: userName, errorMessage: WebSignIn<Store>.refusal,
                returnTo: returnTo)
            return html(page, context, status: .unauthorized)
        }
    }

    @Sendable func signOut(_ request: Request, context: Context) async throws -> Response {
        _ = try await checkedForm(request)
        return WebResponses.redirect(
            to: paths.signIn, cookies: [WebResponses.sessionCookie("", maxAge: 0, secure: pages.secureCookies)])
    }

    // MARK: Assets and events

    @Sendable func asset(_ request: Request, context: Context) async throws -> Response {
        let name = try context.parameters.require("name")
        guard let asset = pages.renderer.asset(named: name) else {
            throw InsightsError.notFound("There is no asset \(name).")
        }
        var headers = WebResponses.securityHeaders()
        headers[.contentType] = asset.contentType
        headers[.cacheControl] = "public, max-age=300"
        return Response(
            status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.body)))
    }

    @Sendable func pullRequestEvents(_ request: Request, context: Context) async throws -> Response {
        let path = PullRequestPath(parameters: context.parameters)
        let ref = try path.repository()
        let id = try path.pullRequestID()
        _ = try await views.pullRequests.pullRequest(id, in: ref, for: context.principal)
        return WebEvents(store: store, repository: ref, pullRequestID: id, interval: eventPollInterval).response()
    }

    // MARK: Support

    private func chrome(_ context: Context) -> PageChrome {
        PageChrome(paths: paths, userName: context.web.userName, csrfToken: context.web.csrfToken)
    }

    private func html(
        _ page: some WebPage, _ context: Context, status: HTTPResponse.Status = .ok
    ) -> Response {
        WebResponses.html(
            page.render(with: pages.renderer), status: status, visitor: context.web, secure: pages.secureCookies)
    }

    /// Reads a form and checks its CSRF token against the browser's CSRF cookie.
    ///
    /// - Throws: `forbidden` when the token is missing or belongs to another browser.
    private func checkedForm(_ request: Request) async throws -> WebForm {
        let form = try await WebForm.read(request)
        let signer = try await signIn.signer()
        guard let cookie = request.cookies[WebResponses.csrfCookie]?.value,
            signer.isValidCSRFToken(form["_csrf"] ?? "", forCookie: cookie)
        else {
            throw InsightsError.forbidden("This form has expired. Reload the page and try again.")
        }
        return form
    }
}

/// A page the renderer knows how to render.
protocol WebPage: Sendable {
    func render(with renderer: PageRenderer) -> String
}

extension RepositoriesPage: WebPage {
    func render(with renderer: PageRenderer) -> String { renderer.render(self) }
}

extension RepositoryPage: WebPage {
    func render(with renderer: PageRenderer) -> String { renderer.render(self) }
}

extension PullRequestsPage: WebPage {
    func render(with renderer: PageRenderer) -> String { renderer.render(self) }
}

extension CommitPage: WebPage {
    func render(with renderer: PageRenderer) -> String { renderer.render(self) }
}

extension SignInPage: WebPage {
    func render(with renderer: PageRenderer) -> String { renderer.render(self) }
}
