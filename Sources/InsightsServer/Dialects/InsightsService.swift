import InsightsCore
import InsightsStore

/// The operations every dialect offers, in domain terms.
///
/// Each operation resolves the repository and checks the principal's access to it (the repository gate), applies
/// the server's limits, and makes one store call. A dialect's route file only parses its paths and bodies, calls one
/// of these, and renders the result, so the rules are the same whichever dialect a client speaks.
struct InsightsService<Store: InsightsStore>: Sendable {
    /// Where everything is stored.
    let store: Store
    /// The server's configurable limits.
    let limits: ServerLimits
    /// The git mirrors of git-backed repositories, which decide whether a commit exists (D35).
    let mirrors: RepositoryMirrors

    // MARK: Repositories

    /// Resolves a repository named by project and repository, each by name or uuid.
    ///
    /// Names are only validated (the gate finds out whether the repository exists); a uuid is looked up.
    ///
    /// - Throws: `unauthenticated` for an anonymous principal and `notFound` otherwise, when nothing matches.
    func repository(project: NameOrUUID, repository: NameOrUUID, for principal: Principal) async throws
        -> RepositoryRef
    {
        if case .name(let key) = project, case .name(let slug) = repository {
            guard let ref = try? RepositoryRef(projectKey: key, slug: slug) else {
                throw Self.noRepository("\(key)/\(slug)", for: principal)
            }
            return ref
        }
        guard let ref = try await store.repositoryRef(project: project, repository: repository) else {
            throw Self.noRepository("\(project.description)/\(repository.description)", for: principal)
        }
        return ref
    }

    /// Finds the repository and authorizes `action` on it.
    ///
    /// A repository that does not exist answers 401 to anonymous callers (so its existence is not revealed) and
    /// 404 to signed-in ones.
    ///
    /// - Returns: the caller, with its standing, for the store's in-transaction checks.
    func authorize(_ action: RepositoryAction, on ref: RepositoryRef, for principal: Principal) async throws -> Caller {
        try await authorizedRepository(action, on: ref, for: principal).caller
    }

    /// Finds the repository, authorizes `action` on it, and checks that the commit exists: a git-backed repository
    /// answers `notFound` for a commit its mirror does not have (after one fetch), an API-only one accepts any id.
    ///
    /// - Returns: the caller, with its standing, for the store's in-transaction checks.
    func authorize(_ action: RepositoryAction, on ref: RepositoryRef, commit: CommitID, for principal: Principal)
        async throws -> Caller
    {
        let (repository, caller) = try await authorizedRepository(action, on: ref, for: principal)
        try await mirrors.requireCommit(commit, in: repository)
        return caller
    }

    /// Finds the repository and authorizes `action` on it.
    ///
    /// - Returns: the repository and the caller.
    func authorizedRepository(_ action: RepositoryAction, on ref: RepositoryRef, for principal: Principal)
        async throws -> (repository: Repository, caller: Caller)
    {
        guard let (repository, access) = try await store.repository(ref, accessFor: principal.userID) else {
            throw Self.noRepository(ref.description, for: principal)
        }
        try AccessPolicy.authorize(action, by: principal, on: access)
        return (repository, Caller(principal: principal, access: access))
    }

    // MARK: Reports

    /// One page of a commit's reports, in creation order.
    func reports(
        in repository: RepositoryRef, commit: CommitID, page: PageRequest, for principal: Principal
    ) async throws -> Page<Report> {
        _ = try await authorize(.read, on: repository, commit: commit, for: principal)
        return try await store.reports(in: repository, commit: commit, page: page)
    }

    /// One report.
    ///
    /// - Throws: `notFound` when there is no such report.
    func report(at address: ReportAddress, for principal: Principal) async throws -> Report {
        _ = try await authorize(.read, on: address.repository, commit: address.commit, for: principal)
        guard let report = try await store.report(at: address) else { throw Self.noReport(address) }
        return report
    }

    /// Creates or replaces a report.
    func putReport(_ content: ReportContent, at address: ReportAddress, by principal: Principal) async throws
        -> PutOutcome<Report>
    {
        let caller = try await authorize(.createReport, on: address.repository, commit: address.commit, for: principal)
        return try await store.putReport(content, at: address, by: caller)
    }

    /// Deletes a report with its annotations.
    func deleteReport(at address: ReportAddress, by principal: Principal) async throws {
        let caller = try await authorize(.createReport, on: address.repository, commit: address.commit, for: principal)
        try await store.deleteReport(at: address, by: caller)
    }

    // MARK: Annotations

    /// One page of a report's annotations, in creation order.
    func annotations(of address: ReportAddress, page: PageRequest, for principal: Principal) async throws
        -> Page<Annotation>
    {
        _ = try await authorize(.read, on: address.repository, commit: address.commit, for: principal)
        return try await store.annotations(of: address, page: page)
    }

    /// All of a report's annotations, in creation order.
    func annotations(of address: ReportAddress, for principal: Principal) async throws -> [Annotation] {
        _ = try await authorize(.read, on: address.repository, commit: address.commit, for: principal)
        return try await store.annotations(of: address)
    }

    /// One annotation of a report.
    ///
    /// - Throws: `notFound` when the report or the annotation does not exist.
    func annotation(_ selector: AnnotationSelector, of address: ReportAddress, for principal: Principal)
        async throws -> Annotation
    {
        _ = try await authorize(.read, on: address.repository, commit: address.commit, for: principal)
        guard let annotation = try await store.annotation(selector, of: address) else {
            throw InsightsError.notFound(
                "Annotation \(selector) does not exist in report \(address.report) on commit \(address.commit).")
        }
        return annotation
    }

    /// Adds annotations to a report, all or nothing, within the server's per-report cap.
    func addAnnotations(
        _ annotations: [AnnotationContent], to address: ReportAddress, mode: AnnotationWriteMode,
        by principal: Principal
    ) async throws -> [Annotation] {
        let caller = try await authorize(.createReport, on: address.repository, commit: address.commit, for: principal)
        return try await store.addAnnotations(
            annotations, to: address, mode: mode, maxPerReport: limits.maxAnnotationsPerReport, by: caller)
    }

    /// Creates or replaces one annotation, within the server's per-report cap; a replacement keeps the fields the
    /// writing dialect cannot express.
    func putAnnotation(
        _ annotation: AnnotationContent, at selector: AnnotationSelector, of address: ReportAddress,
        in dialect: InsightLimits, by principal: Principal
    ) async throws -> PutOutcome<Annotation> {
        let caller = try await authorize(.createReport, on: address.repository, commit: address.commit, for: principal)
        return try await store.putAnnotation(
            annotation, at: selector, of: address, keeping: dialect.unexpressedAnnotationFields,
            maxPerReport: limits.maxAnnotationsPerReport, by: caller)
    }

    /// Deletes a report's annotations with the given external ids, or all of them; unknown ids are ignored.
    func deleteAnnotations(of address: ReportAddress, externalIDs: [String]?, by principal: Principal) async throws {
        let caller = try await authorize(.createReport, on: address.repository, commit: address.commit, for: principal)
        try await store.deleteAnnotations(of: address, externalIDs: externalIDs, by: caller)
    }

    /// Deletes one annotation.
    ///
    /// - Throws: `notFound` when the report or the annotation does not exist.
    func deleteAnnotation(_ selector: AnnotationSelector, of address: ReportAddress, by principal: Principal)
        async throws
    {
        let caller = try await authorize(.createReport, on: address.repository, commit: address.commit, for: principal)
        try await store.deleteAnnotation(selector, of: address, by: caller)
    }

    // MARK: Errors

    private static func noRepository(_ name: String, for principal: Principal) -> InsightsError {
        if principal == .anonymous { return .authenticationRequired }
        return .notFound("Repository \(name) does not exist.")
    }

    private static func noReport(_ address: ReportAddress) -> InsightsError {
        .notFound("Report \(address.report) does not exist on commit \(address.commit).")
    }
}
