import InsightsCore
import InsightsGit
import InsightsReview
import InsightsStore

/// The placed insights of a pull request (rules R1–R7 applied to its effective diff) and its merge check.
struct PullRequestInsightsService<Store: InsightsStore>: Sendable {
    /// What a pull request shows: the pull request, its effective diff and the placed insights.
    struct View: Sendable {
        var pullRequest: PullRequest
        var diff: EffectiveDiff
        var insights: PlacedInsights
        /// What the placement depends on: both tips and both commits' revisions.
        var placementKey: PlacementCache.PlacementKey
    }

    /// Pull requests and the repository gate.
    let pullRequests: PullRequestService<Store>
    /// Recent effective diffs and placements.
    let cache: PlacementCache

    private var store: Store { pullRequests.insights.store }

    /// The placed insights of a pull request at its recorded tips (needs read).
    ///
    /// - Throws: `notFound` for an unknown pull request, `conflict` for a repository without git, `unavailable`
    ///   when git fails.
    func view(of id: Int, in ref: RepositoryRef, for principal: Principal) async throws -> View {
        let (repository, _) = try await pullRequests.insights.authorizedRepository(.read, on: ref, for: principal)
        guard let pullRequest = try await store.pullRequest(id, in: ref) else {
            throw InsightsError.notFound("Pull request \(id) does not exist in repository \(ref).")
        }
        return try await view(of: pullRequest, in: repository)
    }

    /// The placed insights of a pull request already read.
    func view(of pullRequest: PullRequest, in repository: Repository) async throws -> View {
        let diffKey = PlacementCache.DiffKey(
            repository: repository.ref, source: pullRequest.sourceCommit, target: pullRequest.targetCommit)
        async let sourceRevision = store.revision(ofCommit: pullRequest.sourceCommit, in: repository.ref)
        async let targetRevision = store.revision(ofCommit: pullRequest.targetCommit, in: repository.ref)
        let diff = try await effectiveDiff(diffKey, in: repository)
        let key = PlacementCache.PlacementKey(
            diff: diffKey, sourceRevision: try await sourceRevision, targetRevision: try await targetRevision)
        if let insights = cache.placement(key) {
            return View(pullRequest: pullRequest, diff: diff, insights: insights, placementKey: key)
        }
        let (insights, placedKey) = try await place(pullRequest, diff: diff, diffKey: diffKey)
        return View(pullRequest: pullRequest, diff: diff, insights: insights, placementKey: placedKey)
    }

    /// The merge check of a pull request: conflicts of the effective merge and the repository's vetoes.
    func mergeRefusal(of pullRequest: PullRequest, in repository: Repository) async throws -> MergeRefusal? {
        let view = try await view(of: pullRequest, in: repository)
        let policy = try await store.mergeCheckPolicy(of: repository.ref)
        let refusal = MergeRefusal(
            conflicted: !view.diff.conflictedPaths.isEmpty,
            vetoes: MergeCheck.vetoes(of: policy, on: view.insights))
        return refusal.conflicted || !refusal.vetoes.isEmpty ? refusal : nil
    }

    /// Fetches the repository's remote (needs write), records the new tips of its open pull requests and prepares
    /// their effective diffs (see ``prepareDiffs(of:)``).
    ///
    /// - Returns: the branches after the fetch.
    func refresh(_ ref: RepositoryRef, by principal: Principal) async throws -> [GitBranch] {
        let (repository, _) = try await pullRequests.insights.authorizedRepository(.write, on: ref, for: principal)
        return try await refresh(repository)
    }

    /// Fetches the repository's remote, records the new tips of its open pull requests and prepares their effective
    /// diffs; for the scheduled refresh.
    func refresh(_ repository: Repository) async throws -> [GitBranch] {
        let branches = try await pullRequests.refresh(repository)
        try await prepareDiffs(of: repository)
        return branches
    }

    /// Starts computing, one after the other in the background, the effective diffs of the repository's most recent
    /// open pull requests (up to ``preparedPerRepository``) at their recorded tips, so that the first view after a
    /// push finds its diff ready or being computed. Tips already kept cost nothing.
    func prepareDiffs(of repository: Repository) async throws {
        let open = try await store.pullRequests(
            in: repository.ref, state: .open, page: PageRequest(offset: 0, limit: Self.preparedPerRepository))
        let keys = open.values.map {
            PlacementCache.DiffKey(repository: repository.ref, source: $0.sourceCommit, target: $0.targetCommit)
        }
        guard !keys.isEmpty else { return }
        let client = try pullRequests.insights.mirrors.client(for: repository)
        let cache = self.cache
        Task {
            for key in keys {
                _ = try? await cache.diffTask(key, computingWith: Self.computation(of: key, client: client)).value
            }
        }
    }

    /// How many open pull requests of one repository a refresh prepares, newest first.
    static var preparedPerRepository: Int { 16 }

    private func effectiveDiff(_ key: PlacementCache.DiffKey, in repository: Repository) async throws
        -> EffectiveDiff
    {
        let client = try pullRequests.insights.mirrors.client(for: repository)
        return try await cache.diff(key, computingWith: Self.computation(of: key, client: client))
    }

    private static func computation(
        of key: PlacementCache.DiffKey, client: GitClient
    ) -> @Sendable () async throws -> EffectiveDiff {
        {
            try await PullRequestService<Store>.gitAnswer {
                try await EffectiveDiffBuilder(git: client).build(source: key.source, target: key.target)
            }
        }
    }

    /// Reads both commits' insights, each with its revision in the same snapshot, places them and keeps the result.
    private func place(_ pullRequest: PullRequest, diff: EffectiveDiff, diffKey: PlacementCache.DiffKey)
        async throws -> (PlacedInsights, PlacementCache.PlacementKey)
    {
        let ref = pullRequest.repository
        let everything = AnnotationFilter()
        async let source = store.annotations(inCommit: pullRequest.sourceCommit, of: ref, matching: everything)
        async let target = store.annotations(inCommit: pullRequest.targetCommit, of: ref, matching: everything)
        let reports = try await allReports(of: pullRequest.sourceCommit, in: ref)
        let (sourceAnnotations, targetAnnotations) = try await (source, target)
        let insights = Placement.place(
            PlacementInput(
                sourceCommit: pullRequest.sourceCommit, diff: diff, reports: reports,
                annotations: sourceAnnotations.annotations, targetAnnotations: targetAnnotations.annotations))
        let key = PlacementCache.PlacementKey(
            diff: diffKey, sourceRevision: sourceAnnotations.revision, targetRevision: targetAnnotations.revision)
        cache.keep(insights, for: key)
        return (insights, key)
    }

    private func allReports(of commit: CommitID, in ref: RepositoryRef) async throws -> [Report] {
        var reports: [Report] = []
        while true {
            let page = try await store.reports(
                in: ref, commit: commit, page: PageRequest(offset: reports.count, limit: 1000))
            reports += page.values
            guard page.hasMore, !page.values.isEmpty else { return reports }
        }
    }
}
