public import InsightsCore

/// The URLs of the web UI's pages and assets, in one place, so that templates and the server's routes agree.
///
/// Every path starts with ``prefix`` (empty: the UI lives at the server's root). Repository parts are validated
/// slugs and commit ids hexadecimal, so no path needs percent-encoding.
public struct WebPaths: Sendable, Hashable {
    /// Put before every path, without a trailing `/`: `""` or e.g. `/ui`.
    public var prefix: String

    /// Creates the paths.
    ///
    /// - Parameter prefix: the mount point of the web UI, `""` for the root.
    public init(prefix: String = "") {
        self.prefix = prefix
    }

    /// The list of repositories: `/`.
    public var repositories: String { prefix + "/" }

    /// The sign-in form (GET) and its submission (POST): `/sign-in`.
    public var signIn: String { prefix + "/sign-in" }

    /// Signing out (POST): `/sign-out`.
    public var signOut: String { prefix + "/sign-out" }

    /// A static asset: `/assets/{name}`.
    ///
    /// - Parameter name: `insights.css` or `insights.js`.
    public func asset(_ name: String) -> String { prefix + "/assets/" + name }

    /// A repository's branches and recent commits: `/projects/{p}/repos/{r}`.
    public func repository(_ ref: RepositoryRef) -> String {
        prefix + "/projects/\(ref.projectKey)/repos/\(ref.slug)"
    }

    /// A repository's pull requests in one state: `/projects/{p}/repos/{r}/pull-requests?state=OPEN`.
    ///
    /// - Parameters:
    ///   - ref: the repository.
    ///   - state: the state shown, `nil` for all (`state=ALL`).
    ///   - start: the offset of the first pull request shown; left out when 0.
    public func pullRequests(_ ref: RepositoryRef, state: PullRequestState?, start: Int = 0) -> String {
        let query = "state=\(state?.rawValue ?? "ALL")" + (start > 0 ? "&start=\(start)" : "")
        return repository(ref) + "/pull-requests?" + query
    }

    /// Where the form opening a pull request posts: `/projects/{p}/repos/{r}/pull-requests`.
    public func openPullRequest(_ ref: RepositoryRef) -> String {
        repository(ref) + "/pull-requests"
    }

    /// One pull request: `/projects/{p}/repos/{r}/pull-requests/{id}`.
    public func pullRequest(_ ref: RepositoryRef, id: Int) -> String {
        repository(ref) + "/pull-requests/\(id)"
    }

    /// The server-sent events of a pull request page: `/projects/{p}/repos/{r}/pull-requests/{id}/events`.
    ///
    /// The page's script reloads its reports and annotations on every `change` event.
    public func pullRequestEvents(_ ref: RepositoryRef, id: Int) -> String {
        pullRequest(ref, id: id) + "/events"
    }

    /// Every report and annotation of one commit: `/projects/{p}/repos/{r}/commits/{id}`.
    public func commit(_ ref: RepositoryRef, _ commit: CommitID) -> String {
        repository(ref) + "/commits/\(commit.rawValue)"
    }
}
