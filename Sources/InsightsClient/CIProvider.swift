/// The continuous-integration systems `insights publish` recognises.
public enum CIProvider: String, Sendable, CaseIterable {
    /// Bitbucket Pipelines (`BITBUCKET_BUILD_NUMBER` or `BITBUCKET_COMMIT` set).
    case bitbucketPipelines = "Bitbucket Pipelines"
    /// Jenkins (`JENKINS_URL` or `JENKINS_HOME` set).
    case jenkins = "Jenkins"
    /// GitHub Actions (`GITHUB_ACTIONS=true`).
    case githubActions = "GitHub Actions"
    /// GitLab CI (`GITLAB_CI=true`).
    case gitlabCI = "GitLab CI"
    /// None of the above: the commit comes from `git`.
    case none = "none (plain git)"
}
