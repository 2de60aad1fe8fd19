import Foundation

/// What the CI system says about the build: commit, repository, base branch, build link and, on Bitbucket
/// Pipelines, the authentication proxy. Built from an injected environment so it is tested without a CI.
///
/// | provider | detected by | commit | repository | base |
/// |---|---|---|---|---|
/// | Bitbucket Pipelines | `BITBUCKET_BUILD_NUMBER` or `BITBUCKET_COMMIT` | `BITBUCKET_COMMIT` | `BITBUCKET_WORKSPACE` (or `BITBUCKET_REPO_OWNER`) / `BITBUCKET_REPO_SLUG` | `origin/$BITBUCKET_PR_DESTINATION_BRANCH` |
/// | Jenkins | `JENKINS_URL` or `JENKINS_HOME` | `GIT_COMMIT` | last two parts of `GIT_URL` | `origin/$CHANGE_TARGET` |
/// | GitHub Actions | `GITHUB_ACTIONS=true` | `GITHUB_SHA` | `GITHUB_REPOSITORY` | `origin/$GITHUB_BASE_REF` |
/// | GitLab CI | `GITLAB_CI=true` | `CI_COMMIT_SHA` | `CI_PROJECT_PATH` (last two parts) | `CI_MERGE_REQUEST_DIFF_BASE_SHA` |
///
/// On Pipelines the proxy is `localhost:29418`, or `host.docker.internal:29418` inside a pipe (a Docker container,
/// recognised by `BITBUCKET_DOCKER_HOST_INTERNAL` or `BITBUCKET_PIPE_NAME`/`PIPE_NAME` being set).
public struct CIEnvironment: Sendable, Equatable {
    /// The CI system.
    public var provider: CIProvider
    /// The commit being built, as the CI system names it.
    public var commit: String?
    /// The project key or workspace of the repository.
    public var owner: String?
    /// The repository slug.
    public var repositorySlug: String?
    /// The revision a pull request is compared against, when the CI system names one.
    public var baseRevision: String?
    /// A link to the build, used as the report link when the report has none.
    public var buildURL: String?
    /// The Bitbucket Pipelines authentication proxy, on Pipelines.
    public var pipelinesProxy: HTTPProxy?

    /// Creates a description.
    public init(
        provider: CIProvider, commit: String? = nil, owner: String? = nil, repositorySlug: String? = nil,
        baseRevision: String? = nil, buildURL: String? = nil, pipelinesProxy: HTTPProxy? = nil
    ) {
        self.provider = provider
        self.commit = commit
        self.owner = owner
        self.repositorySlug = repositorySlug
        self.baseRevision = baseRevision
        self.buildURL = buildURL
        self.pipelinesProxy = pipelinesProxy
    }

    /// Detects the CI system from environment variables.
    ///
    /// - Parameter environment: the process environment (only the composition root reads the real one).
    /// - Returns: what was found; ``CIProvider/none`` when no CI system is recognised.
    public static func detect(from environment: [String: String]) -> CIEnvironment {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                return nil
            }
            return text
        }
        if value("BITBUCKET_BUILD_NUMBER") != nil || value("BITBUCKET_COMMIT") != nil {
            let inPipe =
                value("BITBUCKET_DOCKER_HOST_INTERNAL") != nil || value("BITBUCKET_PIPE_NAME") != nil
                || value("PIPE_NAME") != nil
            var buildURL: String?
            if let origin = value("BITBUCKET_GIT_HTTP_ORIGIN"), let build = value("BITBUCKET_BUILD_NUMBER") {
                buildURL = "\(origin)/addon/pipelines/home#!/results/\(build)"
            }
            return CIEnvironment(
                provider: .bitbucketPipelines, commit: value("BITBUCKET_COMMIT"),
                owner: value("BITBUCKET_WORKSPACE") ?? value("BITBUCKET_REPO_OWNER"),
                repositorySlug: value("BITBUCKET_REPO_SLUG"),
                baseRevision: value("BITBUCKET_PR_DESTINATION_BRANCH").map { "origin/\($0)" },
                buildURL: buildURL, pipelinesProxy: inPipe ? .pipelinesFromPipe : .pipelines)
        }
        if value("JENKINS_URL") != nil || value("JENKINS_HOME") != nil {
            let names = value("GIT_URL").flatMap(repositoryNames(fromRemote:))
            return CIEnvironment(
                provider: .jenkins, commit: value("GIT_COMMIT"), owner: names?.owner, repositorySlug: names?.slug,
                baseRevision: value("CHANGE_TARGET").map { "origin/\($0)" }, buildURL: value("BUILD_URL"))
        }
        if value("GITHUB_ACTIONS") == "true" {
            let names = value("GITHUB_REPOSITORY").flatMap(repositoryNames(fromPath:))
            var buildURL: String?
            if let server = value("GITHUB_SERVER_URL"), let repository = value("GITHUB_REPOSITORY"),
                let run = value("GITHUB_RUN_ID")
            {
                buildURL = "\(server)/\(repository)/actions/runs/\(run)"
            }
            return CIEnvironment(
                provider: .githubActions, commit: value("GITHUB_SHA"), owner: names?.owner,
                repositorySlug: names?.slug, baseRevision: value("GITHUB_BASE_REF").map { "origin/\($0)" },
                buildURL: buildURL)
        }
        if value("GITLAB_CI") == "true" {
            let names = value("CI_PROJECT_PATH").flatMap(repositoryNames(fromPath:))
            let base =
                value("CI_MERGE_REQUEST_DIFF_BASE_SHA")
                ?? value("CI_MERGE_REQUEST_TARGET_BRANCH_NAME").map { "origin/\($0)" }
            return CIEnvironment(
                provider: .gitlabCI, commit: value("CI_COMMIT_SHA"), owner: names?.owner,
                repositorySlug: names?.slug, baseRevision: base, buildURL: value("CI_JOB_URL"))
        }
        return CIEnvironment(provider: .none)
    }

    /// The owner and slug in a remote URL: `https://host/scm/PROJ/repo.git`, `ssh://git@host:7999/proj/repo.git`,
    /// `git@bitbucket.org:workspace/repo.git`.
    static func repositoryNames(fromRemote remote: String) -> (owner: String, slug: String)? {
        var path = Substring(remote)
        if let scheme = path.range(of: "://") {
            path = path[scheme.upperBound...]
            guard let slash = path.firstIndex(of: "/") else { return nil }
            path = path[path.index(after: slash)...]
        } else if let colon = path.firstIndex(of: ":") {
            path = path[path.index(after: colon)...]
        }
        return repositoryNames(fromPath: String(path))
    }

    /// The last two parts of a path such as `group/sub/project` or `owner/repo.git`.
    static func repositoryNames(fromPath path: String) -> (owner: String, slug: String)? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 2 else { return nil }
        var slug = parts[parts.count - 1]
        if slug.hasSuffix(".git") { slug = String(slug.dropLast(4)) }
        let owner = parts[parts.count - 2]
        guard !owner.isEmpty, !slug.isEmpty else { return nil }
        return (owner, slug)
    }
}
