public import Foundation
public import InsightsCore

/// Persistent storage of repositories, users and insights, in domain terms.
///
/// One protocol, one contract, several implementations (SQLite now, PostgreSQL next); the contract suite in
/// `InsightsStoreTests` runs against each. Every method is safe to call concurrently from many tasks and, for a
/// shared database, from many server processes.
///
/// ## Contract
/// - **Atomicity.** Every method is one transaction: it either changes everything it describes or nothing. A write
///   that returns has been made durable.
/// - **Rules on stored state are checked inside the write's transaction**: a report's creator (through
///   ``AccessPolicy``), the annotation cap, external-id uniqueness and the report's existence. Two racing writers can
///   never together break a rule that each respects alone.
/// - **Ordering.** Reports and annotations list in creation order; replacing one keeps its place, its uuid and its
///   creation time.
/// - **Errors** are ``InsightsError`` values: `notFound` for a missing repository, report or project, `conflict` for
///   a name that is taken, `forbidden` from ``AccessPolicy``, `invalid` for the cap and duplicate external ids,
///   `unavailable` for any failure of the database itself (the underlying error is logged by the implementation,
///   never returned).
/// - **Names** of projects, repositories and users are matched case-insensitively.
/// - **Text.** Free text (titles, details, reporters, messages, data field titles and values) reads back as exactly
///   the bytes written, U+0000 included; a database that cannot hold U+0000 in its text type (PostgreSQL) must
///   store such text in a form that can. Identifiers (external ids, paths, keys) never contain U+0000
///   (``NullCharacterRule``): the store refuses one with `invalid` rather than store a different value.
///
/// ## Topics
/// ### Insights
/// - ``putReport(_:at:by:)``
/// - ``addAnnotations(_:to:mode:maxPerReport:by:)``
/// - ``putAnnotation(_:at:of:keeping:maxPerReport:by:)``
/// - ``annotations(inCommit:of:matching:)``
/// - ``revision(ofCommit:in:)``
public protocol InsightsStore: Sendable {
    // MARK: Health and statistics

    /// Checks that the database answers a trivial query.
    ///
    /// - Throws: ``InsightsError/unavailable`` when it does not.
    func checkHealth() async throws

    /// Counts stored reports and annotations.
    func statistics() async throws -> StoreStatistics

    // MARK: Projects and repositories

    /// Creates a project.
    ///
    /// - Parameters:
    ///   - key: the project key (Cloud: workspace); validated like ``RepositoryRef/projectKey``.
    ///   - name: a display name.
    /// - Throws: `conflict` when the key exists.
    func createProject(key: String, name: String) async throws

    /// Creates a repository in an existing project.
    ///
    /// - Throws: `notFound` when the project does not exist, `conflict` when the repository does.
    func createRepository(_ ref: RepositoryRef, isPublic: Bool) async throws -> Repository

    /// Makes a repository public or private.
    ///
    /// - Throws: `notFound` when the repository does not exist.
    func setRepositoryVisibility(_ ref: RepositoryRef, isPublic: Bool) async throws

    /// Deletes a repository with all its reports, annotations and repository grants.
    ///
    /// - Throws: `notFound` when the repository does not exist.
    func deleteRepository(_ ref: RepositoryRef) async throws

    /// Looks up a repository and, for a signed-in user, the highest permission granted to them on it or its project.
    ///
    /// - Parameters:
    ///   - ref: the repository.
    ///   - user: the user whose grant to include, or `nil` for an anonymous caller.
    /// - Returns: the repository and the caller's standing, or `nil` when the repository does not exist.
    func repository(_ ref: RepositoryRef, accessFor user: UserID?) async throws -> (Repository, RepositoryAccess)?

    /// Lists all repositories, ordered by project key and slug.
    func repositories() async throws -> [Repository]

    /// Resolves a repository named the way Cloud paths may name it: workspace and repository each by name or uuid.
    ///
    /// - Parameters:
    ///   - project: the project key (workspace) or the project's uuid.
    ///   - repository: the slug or the repository's uuid; by uuid, it must belong to `project`.
    /// - Returns: the repository's reference, or `nil` when no such repository exists.
    func repositoryRef(project: NameOrUUID, repository: NameOrUUID) async throws -> RepositoryRef?

    /// Links a repository to a git remote that the server mirrors, or unlinks it (`nil`).
    ///
    /// - Parameters:
    ///   - remote: a local path or clone URL; it must not start with `-` or contain U+0000.
    ///   - ref: the repository.
    /// - Throws: `notFound` when the repository does not exist, `invalid` for an unusable remote.
    func setGitRemote(_ remote: String?, of ref: RepositoryRef) async throws

    // MARK: Pull requests

    /// Opens a pull request, numbered one above the repository's highest, with an `OPENED` activity.
    ///
    /// - Parameters:
    ///   - draft: title, description and branches.
    ///   - sourceCommit: the source branch's tip now.
    ///   - targetCommit: the target branch's tip now.
    ///   - repository: the repository.
    ///   - author: who opens it.
    /// - Throws: `notFound` (repository), `conflict` when an open pull request has the same source and target.
    func createPullRequest(
        _ draft: PullRequestDraft, sourceCommit: CommitID, targetCommit: CommitID, in repository: RepositoryRef,
        by author: UserID
    ) async throws -> PullRequest

    /// Returns one pull request, or `nil`.
    func pullRequest(_ id: Int, in repository: RepositoryRef) async throws -> PullRequest?

    /// Lists a repository's pull requests, newest first, all or those in one state.
    func pullRequests(in repository: RepositoryRef, state: PullRequestState?, page: PageRequest) async throws
        -> Page<PullRequest>

    /// Declines or merges an open pull request and records the activity.
    ///
    /// - Parameters:
    ///   - state: `.declined` or `.merged`.
    ///   - expectedVersion: the version the caller saw, if it names one.
    ///   - user: who closes it; `nil` when the server saw it merged or its branch deleted.
    /// - Throws: `notFound`, `conflict` when it is not open or its version differs, `invalid` for `.open`.
    func closePullRequest(
        _ id: Int, in repository: RepositoryRef, as state: PullRequestState, expectedVersion: Int?, by user: UserID?
    ) async throws -> PullRequest

    /// Records new branch tips of an open pull request (a `RESCOPED` activity); unchanged tips change nothing.
    ///
    /// - Throws: `notFound`; a closed pull request is returned unchanged.
    func rescopePullRequest(_ id: Int, in repository: RepositoryRef, sourceCommit: CommitID, targetCommit: CommitID)
        async throws -> PullRequest

    /// Lists a pull request's activities, newest first.
    ///
    /// - Throws: `notFound` when the pull request does not exist.
    func pullRequestActivities(_ id: Int, in repository: RepositoryRef, page: PageRequest) async throws
        -> Page<PullRequestActivity>

    /// The repository's merge check (``MergeCheckPolicy/none`` until one is set).
    ///
    /// - Throws: `notFound` when the repository does not exist.
    func mergeCheckPolicy(of repository: RepositoryRef) async throws -> MergeCheckPolicy

    /// Replaces the repository's merge check.
    ///
    /// - Throws: `notFound` when the repository does not exist.
    func setMergeCheckPolicy(_ policy: MergeCheckPolicy, of repository: RepositoryRef) async throws

    // MARK: Users, tokens and grants

    /// Creates a user.
    ///
    /// - Parameters:
    ///   - name: the login name; stored lower-case.
    ///   - passwordHash: a bcrypt hash of the password (never the password).
    ///   - isSystemAdmin: whether the user administers the server.
    /// - Throws: `conflict` when the name is taken.
    func createUser(name: String, passwordHash: String, isSystemAdmin: Bool) async throws -> User

    /// Looks up a user and their password hash by login name, for HTTP Basic authentication.
    func userCredentials(named name: String) async throws -> (user: User, passwordHash: String)?

    /// Changes a user's password hash.
    ///
    /// - Throws: `notFound` when the user does not exist.
    func setPasswordHash(_ passwordHash: String, forUserNamed name: String) async throws

    /// Lists all users, ordered by name.
    func users() async throws -> [User]

    /// Stores a new personal access token.
    ///
    /// - Parameters:
    ///   - digest: the SHA-256 digest of the secret, hex-encoded; the secret itself is never stored.
    ///   - name: a label, unique per user.
    ///   - userName: the owner's login name.
    ///   - ceiling: the highest repository permission the token may use.
    ///   - expiresAt: when the token stops working, if ever.
    /// - Throws: `notFound` for an unknown user, `conflict` when the user already has a token with that name.
    func createToken(
        digest: String, name: String, forUserNamed userName: String, ceiling: Permission, expiresAt: Date?
    ) async throws -> AccessToken

    /// Finds the user behind a token digest, ignoring expired tokens.
    ///
    /// - Parameters:
    ///   - digest: the SHA-256 digest of the presented secret, hex-encoded.
    ///   - now: the time to compare expiry against.
    func user(forTokenDigest digest: String, at now: Date) async throws -> (user: User, token: AccessToken)?

    /// Deletes a user's token by name.
    ///
    /// - Throws: `notFound` when there is no such token.
    func deleteToken(named name: String, forUserNamed userName: String) async throws

    /// Grants a user a permission on a project or repository, replacing any grant on the same scope.
    ///
    /// - Throws: `notFound` when the user, project or repository does not exist.
    func grant(_ permission: Permission, toUserNamed userName: String, on scope: GrantScope) async throws

    /// Removes a user's grant on a scope; removing a grant that does not exist is not an error.
    ///
    /// - Throws: `notFound` when the user does not exist.
    func revokeGrant(fromUserNamed userName: String, on scope: GrantScope) async throws

    /// A server-wide secret shared by every server instance on this store, such as the key that signs web sessions.
    ///
    /// The first call for a name stores `value` and returns it; every later call, in any process, returns the stored
    /// secret and ignores `value`. Concurrent first calls agree on one secret.
    ///
    /// - Parameters:
    ///   - name: what the secret is for, e.g. `web-session-key`.
    ///   - value: fresh random bytes to store when the secret does not exist yet.
    /// - Returns: the stored secret.
    func secret(named name: String, storingIfAbsent value: [UInt8]) async throws -> [UInt8]

    // MARK: Reports

    /// Creates the report at `address`, or replaces all its content.
    ///
    /// Creating makes the caller's user the creator; only an address by key (``ItemSelector/externalID(_:)``)
    /// creates, one by uuid replaces an existing report or fails. Replacing requires ``AccessPolicy`` to allow
    /// ``RepositoryAction/modifyReport(creator:)``; it keeps the key, uuid, creator, creation time and annotations.
    ///
    /// - Parameters:
    ///   - content: validated content.
    ///   - address: repository, commit and report.
    ///   - caller: who writes.
    /// - Returns: the stored report and whether it was created.
    /// - Throws: `notFound` for an unknown repository or a uuid that names no report, `forbidden` when replacing
    ///   someone else's report.
    func putReport(_ content: ReportContent, at address: ReportAddress, by caller: Caller) async throws
        -> PutOutcome<Report>

    /// Returns the report at `address`, or `nil`.
    func report(at address: ReportAddress) async throws -> Report?

    /// Lists the reports of a commit in creation order.
    func reports(in repository: RepositoryRef, commit: CommitID, page: PageRequest) async throws -> Page<Report>

    /// Deletes a report and all its annotations.
    ///
    /// - Throws: `notFound` when there is no report, `forbidden` when ``AccessPolicy`` denies
    ///   ``RepositoryAction/deleteReport(creator:)``.
    func deleteReport(at address: ReportAddress, by caller: Caller) async throws

    /// Deletes every report last written before `cutoff`, with its annotations (retention).
    ///
    /// - Returns: how many reports were deleted.
    func deleteReports(updatedBefore cutoff: Date) async throws -> Int

    // MARK: Annotations

    /// Adds annotations to a report, all or nothing.
    ///
    /// - Parameters:
    ///   - annotations: validated annotations, external ids unique among them.
    ///   - address: the report.
    ///   - mode: whether an external id that already exists is an error (``AnnotationWriteMode/insert``) or replaced
    ///     (``AnnotationWriteMode/upsert``).
    ///   - maxPerReport: the cap; when the report would hold more afterwards, nothing is stored.
    ///   - caller: who writes; must be allowed ``RepositoryAction/modifyReport(creator:)``.
    /// - Returns: the stored annotations, in request order.
    /// - Throws: `notFound` (report), `forbidden`, ``InsightsError/annotationCapExceeded(max:)``,
    ///   ``InsightsError/duplicateExternalID(_:_:)`` (insert mode, field `annotations[i].externalId`).
    func addAnnotations(
        _ annotations: [AnnotationContent], to address: ReportAddress, mode: AnnotationWriteMode, maxPerReport: Int,
        by caller: Caller
    ) async throws -> [Annotation]

    /// Creates or replaces one annotation (a replacement keeps its uuid, external id and position).
    ///
    /// An address by external id (``ItemSelector/externalID(_:)``) creates the annotation under that id when the
    /// report has none; one by uuid only replaces. The selector wins over ``AnnotationContent/externalID``.
    ///
    /// - Parameters:
    ///   - annotation: validated content.
    ///   - selector: which annotation.
    ///   - address: the report.
    ///   - keeping: fields whose stored values a replacement keeps (those the writing dialect cannot express).
    ///   - maxPerReport: the cap; only a creation counts towards it.
    ///   - caller: who writes; must be allowed ``RepositoryAction/modifyReport(creator:)``.
    /// - Throws: `notFound` (report, or no annotation with the uuid), `forbidden`,
    ///   ``InsightsError/annotationCapExceeded(max:)``.
    func putAnnotation(
        _ annotation: AnnotationContent, at selector: AnnotationSelector, of address: ReportAddress,
        keeping: AnnotationFields, maxPerReport: Int, by caller: Caller
    ) async throws -> PutOutcome<Annotation>

    /// Lists one page of a report's annotations in creation order.
    ///
    /// - Throws: `notFound` when the report does not exist.
    func annotations(of address: ReportAddress, page: PageRequest) async throws -> Page<Annotation>

    /// Returns one annotation of a report, or `nil` when the report has no such annotation.
    ///
    /// - Throws: `notFound` when the report does not exist.
    func annotation(_ selector: AnnotationSelector, of address: ReportAddress) async throws -> Annotation?

    /// Lists the annotations of every report on a commit that match `filter`, ordered by report creation and then
    /// annotation creation, with the commit's revision in the same snapshot. An unknown repository has none.
    func annotations(inCommit commit: CommitID, of repository: RepositoryRef, matching filter: AnnotationFilter)
        async throws -> CommitAnnotations

    /// The commit's current revision: one small read, for checking that a response built from an earlier
    /// ``annotations(inCommit:of:matching:)`` is still current.
    ///
    /// Every method that writes a commit's reports or annotations (``putReport(_:at:by:)``,
    /// ``deleteReport(at:by:)``, ``deleteReports(updatedBefore:)``, ``addAnnotations(_:to:mode:maxPerReport:by:)``,
    /// ``putAnnotation(_:at:of:keeping:maxPerReport:by:)``, ``deleteAnnotations(of:externalIDs:by:)``,
    /// ``deleteAnnotation(_:of:by:)``) moves it to a new
    /// revision in its transaction; see ``CommitRevision``.
    func revision(ofCommit commit: CommitID, in repository: RepositoryRef) async throws -> CommitRevision

    /// Deletes a report's annotations: those with the given external ids, or all when `externalIDs` is `nil`.
    /// Ids that match nothing are ignored.
    ///
    /// - Throws: `notFound` (report), `forbidden`.
    func deleteAnnotations(of address: ReportAddress, externalIDs: [String]?, by caller: Caller) async throws

    /// Deletes one annotation of a report.
    ///
    /// - Throws: `notFound` when the report or the annotation does not exist, `forbidden`.
    func deleteAnnotation(_ selector: AnnotationSelector, of address: ReportAddress, by caller: Caller) async throws
}

extension InsightsStore {
    /// Lists all of a report's annotations in creation order (at most the server's cap).
    ///
    /// - Throws: `notFound` when the report does not exist.
    public func annotations(of address: ReportAddress) async throws -> [Annotation] {
        try await annotations(of: address, page: PageRequest(offset: 0, limit: Int(Int32.max))).values
    }
}
