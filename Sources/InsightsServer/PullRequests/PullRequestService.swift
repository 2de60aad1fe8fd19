import InsightsCore
import InsightsGit
import InsightsReview
import InsightsStore

/// Pull requests of git-backed repositories, in domain terms: each operation authorizes the caller, reads the
/// repository's mirror where branch tips matter, and makes the store calls.
///
/// A pull request follows its branches (R1): every refresh of the mirror records the new tips of its open pull
/// requests. A pull request whose source branch is gone is declined, one whose source tip is already contained in
/// the target branch is marked merged (the merge happened outside); the server never writes to the remote.
struct PullRequestService<Store: InsightsStore>: Sendable {
    /// The repository gate and the store.
    let insights: InsightsService<Store>

    private var store: Store { insights.store }
    private var mirrors: RepositoryMirrors { insights.mirrors }

    // MARK: Reading

    /// One page of a repository's pull requests, newest first.
    func pullRequests(
        in ref: RepositoryRef, state: PullRequestState?, page: PageRequest, for principal: Principal
    ) async throws -> Page<PullRequest> {
        _ = try await insights.authorize(.read, on: ref, for: principal)
        return try await store.pullRequests(in: ref, state: state, page: page)
    }

    /// One pull request.
    ///
    /// - Throws: `notFound` when there is none with the id.
    func pullRequest(_ id: Int, in ref: RepositoryRef, for principal: Principal) async throws -> PullRequest {
        _ = try await insights.authorize(.read, on: ref, for: principal)
        return try await requirePullRequest(id, in: ref)
    }

    /// One page of a pull request's activities, newest first.
    func activities(_ id: Int, in ref: RepositoryRef, page: PageRequest, for principal: Principal) async throws
        -> Page<PullRequestActivity>
    {
        _ = try await insights.authorize(.read, on: ref, for: principal)
        return try await store.pullRequestActivities(id, in: ref, page: page)
    }

    /// The branches of a git-backed repository's mirror, as last fetched.
    func branches(in ref: RepositoryRef, for principal: Principal) async throws -> [GitBranch] {
        let (repository, _) = try await insights.authorizedRepository(.read, on: ref, for: principal)
        return try await branches(of: repository, fetchingFirst: false)
    }

    // MARK: Writing

    /// Opens a pull request between two branches of the repository's mirror, at their current tips.
    ///
    /// - Throws: `conflict` for a repository without git or an open pull request on the same branches, `invalid`
    ///   (field `fromRef.id` or `toRef.id`) for a branch the repository does not have.
    func open(_ draft: PullRequestDraft, in ref: RepositoryRef, by principal: Principal) async throws -> PullRequest {
        let (repository, caller) = try await insights.authorizedRepository(.openPullRequest, on: ref, for: principal)
        guard let author = caller.principal.userID else { throw InsightsError.authenticationRequired }
        let branches = try await branches(of: repository, fetchingFirst: true)
        let source = try Self.tip(of: draft.source, in: branches, field: "fromRef.id", repository: ref)
        let target = try Self.tip(of: draft.target, in: branches, field: "toRef.id", repository: ref)
        return try await store.createPullRequest(
            draft, sourceCommit: source, targetCommit: target, in: ref, by: author)
    }

    /// Declines an open pull request.
    ///
    /// - Throws: `forbidden` unless the caller is its author or has write; `conflict` when it is closed or the
    ///   version differs.
    func decline(_ id: Int, in ref: RepositoryRef, version: Int?, by principal: Principal) async throws -> PullRequest {
        let current = try await pullRequest(id, in: ref, for: principal)
        let caller = try await insights.authorize(
            .declinePullRequest(author: current.author), on: ref, for: principal)
        return try await store.closePullRequest(
            id, in: ref, as: .declined, expectedVersion: version, by: caller.principal.userID)
    }

    /// Marks an open pull request merged, after refreshing its tips, unless `vetoes` refuses it.
    ///
    /// - Parameter vetoes: the merge check of the refreshed pull request, which answers the refusal if any.
    /// - Throws: `forbidden` without write; `conflict` when it is closed or the version differs.
    /// - Returns: the merged pull request, or the refusal.
    func merge(
        _ id: Int, in ref: RepositoryRef, version: Int?, by principal: Principal,
        vetoes: (PullRequest) async throws -> MergeRefusal?
    ) async throws -> Result<PullRequest, MergeRefusal> {
        let (repository, caller) = try await insights.authorizedRepository(.write, on: ref, for: principal)
        _ = try await refresh(repository)
        let current = try await requirePullRequest(id, in: ref)
        // The version is checked when the store closes it, after the merge check.
        try current.checkClosable(expectedVersion: nil)
        if let refusal = try await vetoes(current) { return .failure(refusal) }
        return .success(
            try await store.closePullRequest(
                id, in: ref, as: .merged, expectedVersion: version, by: caller.principal.userID))
    }

    /// Fetches the repository's remote and records the new tips of its open pull requests (needs write).
    ///
    /// - Returns: the branches after the fetch.
    func refresh(_ ref: RepositoryRef, by principal: Principal) async throws -> [GitBranch] {
        let (repository, _) = try await insights.authorizedRepository(.write, on: ref, for: principal)
        return try await refresh(repository)
    }

    /// Fetches the repository's remote and follows every open pull request to its branches' new tips; for the
    /// scheduled refresh, which needs no caller.
    ///
    /// - Returns: the branches after the fetch.
    func refresh(_ repository: Repository) async throws -> [GitBranch] {
        let branches = try await branches(of: repository, fetchingFirst: true)
        let tips = Dictionary(branches.map { ($0.name, $0.commit) }, uniquingKeysWith: { first, _ in first })
        let client = try mirrors.client(for: repository)
        var offset = 0
        while true {
            let page = try await store.pullRequests(
                in: repository.ref, state: .open, page: PageRequest(offset: offset, limit: 100))
            for pullRequest in page.values {
                try await follow(pullRequest, tips: tips, client: client)
            }
            guard page.hasMore else { break }
            // Closing pull requests shrinks the open list; moving on by what stayed open keeps every one visited.
            offset += page.values.filter { $0.state == .open }.count
        }
        return branches
    }

    /// Links the repository to a git remote (fetching it first, so a remote that cannot be fetched is refused and
    /// nothing changes), or unlinks it; only a system administrator may.
    ///
    /// - Throws: `forbidden` for anyone else, `invalid` (field `remote`) for a remote that cannot be fetched.
    func link(_ ref: RepositoryRef, to remote: String?, by principal: Principal) async throws {
        guard case .user(_, isSystemAdmin: true, let ceiling) = principal, ceiling == nil || ceiling == .admin else {
            if principal == .anonymous { throw InsightsError.authenticationRequired }
            throw InsightsError.forbidden("Only a system administrator may link a repository to git.")
        }
        let (repository, _) = try await insights.authorizedRepository(.administer, on: ref, for: principal)
        if let remote {
            try GitRemoteRule.check(remote)
            var linked = repository
            linked.gitRemote = remote
            await mirrors.forget(linked)
            do {
                try await mirrors.synchronize(linked)
            } catch {
                throw InsightsError.invalidValue(
                    FieldPath("remote"), "The server cannot fetch from this remote (see its log for git's message).")
            }
        }
        try await store.setGitRemote(remote, of: ref)
        await mirrors.forget(repository)
    }

    // MARK: Internals

    /// Records one open pull request's new tips, or closes it when its branches say so.
    private func follow(_ pullRequest: PullRequest, tips: [String: CommitID], client: GitClient) async throws {
        guard let source = tips[pullRequest.source.rawValue], let target = tips[pullRequest.target.rawValue] else {
            // A branch was deleted: Bitbucket declines the pull request.
            _ = try await store.closePullRequest(
                pullRequest.id, in: pullRequest.repository, as: .declined, expectedVersion: nil, by: nil)
            return
        }
        let moved = try await store.rescopePullRequest(
            pullRequest.id, in: pullRequest.repository, sourceCommit: source, targetCommit: target)
        if source != target, try await Self.gitAnswer({ try await client.isAncestor(source, of: target) }) {
            _ = try await store.closePullRequest(
                moved.id, in: moved.repository, as: .merged, expectedVersion: nil, by: nil)
        }
    }

    private func requirePullRequest(_ id: Int, in ref: RepositoryRef) async throws -> PullRequest {
        guard let pullRequest = try await store.pullRequest(id, in: ref) else {
            throw InsightsError.notFound("Pull request \(id) does not exist in repository \(ref).")
        }
        return pullRequest
    }

    private func branches(of repository: Repository, fetchingFirst: Bool) async throws -> [GitBranch] {
        if fetchingFirst { try await mirrors.synchronize(repository) }
        let client = try mirrors.client(for: repository)
        return try await Self.gitAnswer { try await client.branches() }
    }

    private static func tip(of branch: BranchName, in branches: [GitBranch], field: String, repository: RepositoryRef)
        throws -> CommitID
    {
        guard let found = branches.first(where: { $0.name == branch.rawValue }) else {
            throw InsightsError.invalidValue(
                FieldPath(field), "Repository \(repository) has no branch '\(branch.rawValue)'.")
        }
        return found.commit
    }

    /// Runs a git query on a mirror; git's failure is the server's (503, logged by the caller's request log), never
    /// the caller's.
    static func gitAnswer<T>(_ query: () async throws -> T) async throws -> T {
        do {
            return try await query()
        } catch is GitError {
            throw InsightsError.unavailable
        }
    }
}

/// Why a merge was refused: the merge check's vetoes, or conflicts.
struct MergeRefusal: Error, Sendable, Hashable {
    /// Whether the effective merge has conflicts.
    var conflicted: Bool
    /// The merge check's vetoes.
    var vetoes: [MergeVeto]
}
