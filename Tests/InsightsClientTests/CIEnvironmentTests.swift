import InsightsClient
import Testing

@Suite struct CIEnvironmentTests {
    @Test func detectsPipelinesWithTheLocalProxy() {
        let ci = CIEnvironment.detect(from: [
            "BITBUCKET_BUILD_NUMBER": "42", "BITBUCKET_COMMIT": "abc", "BITBUCKET_WORKSPACE": "team",
            "BITBUCKET_REPO_OWNER": "owner", "BITBUCKET_REPO_SLUG": "app", "BITBUCKET_PR_DESTINATION_BRANCH": "main",
            "BITBUCKET_GIT_HTTP_ORIGIN": "http://bitbucket.org/team/app",
        ])
        #expect(ci.provider == .bitbucketPipelines)
        #expect(ci.commit == "abc")
        #expect(ci.owner == "team")
        #expect(ci.repositorySlug == "app")
        #expect(ci.baseRevision == "origin/main")
        #expect(ci.pipelinesProxy == HTTPProxy(host: "localhost", port: 29418))
        #expect(ci.buildURL == "http://bitbucket.org/team/app/addon/pipelines/home#!/results/42")
    }

    @Test func fallsBackToTheRepoOwnerAndUsesTheDockerHostInAPipe() {
        let ci = CIEnvironment.detect(from: [
            "BITBUCKET_COMMIT": "abc", "BITBUCKET_REPO_OWNER": "owner", "BITBUCKET_REPO_SLUG": "app",
            "BITBUCKET_DOCKER_HOST_INTERNAL": "172.17.0.1",
        ])
        #expect(ci.owner == "owner")
        #expect(ci.pipelinesProxy == HTTPProxy(host: "host.docker.internal", port: 29418))
    }

    @Test(arguments: [
        ("https://bitbucket.example.com/scm/PROJ/repo.git", "PROJ", "repo"),
        ("ssh://git@bitbucket.example.com:7999/proj/repo.git", "proj", "repo"),
        ("git@bitbucket.org:team/app.git", "team", "app"),
    ])
    func detectsJenkinsAndItsRepositoryFromGitURL(url: String, owner: String, slug: String) {
        let ci = CIEnvironment.detect(from: [
            "JENKINS_URL": "https://ci/", "GIT_COMMIT": "def", "GIT_URL": url, "BUILD_URL": "https://ci/job/1/",
        ])
        #expect(ci.provider == .jenkins)
        #expect(ci.commit == "def")
        #expect(ci.owner == owner)
        #expect(ci.repositorySlug == slug)
        #expect(ci.buildURL == "https://ci/job/1/")
        #expect(ci.pipelinesProxy == nil)
    }

    @Test func detectsGitHubActions() {
        let ci = CIEnvironment.detect(from: [
            "GITHUB_ACTIONS": "true", "GITHUB_SHA": "123", "GITHUB_REPOSITORY": "octo/cat", "GITHUB_BASE_REF": "dev",
            "GITHUB_SERVER_URL": "https://github.com", "GITHUB_RUN_ID": "9",
        ])
        #expect(ci.provider == .githubActions)
        #expect(ci.commit == "123")
        #expect(ci.owner == "octo")
        #expect(ci.repositorySlug == "cat")
        #expect(ci.baseRevision == "origin/dev")
        #expect(ci.buildURL == "https://github.com/octo/cat/actions/runs/9")
    }

    @Test func detectsGitLabCI() {
        let ci = CIEnvironment.detect(from: [
            "GITLAB_CI": "true", "CI_COMMIT_SHA": "456", "CI_PROJECT_PATH": "group/sub/proj",
            "CI_MERGE_REQUEST_DIFF_BASE_SHA": "789",
        ])
        #expect(ci.provider == .gitlabCI)
        #expect(ci.owner == "sub")
        #expect(ci.repositorySlug == "proj")
        #expect(ci.baseRevision == "789")
    }

    @Test func detectsNothingOutsideCI() {
        let ci = CIEnvironment.detect(from: ["HOME": "/root", "GITHUB_ACTIONS": "false"])
        #expect(ci == CIEnvironment(provider: .none))
    }
}
