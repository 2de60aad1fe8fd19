import ArgumentParser
import Foundation
import InsightsClient
import InsightsConverters
import InsightsCore
import InsightsGit
import InsightsWire

extension Insights {
    /// `insights publish`: convert tool output and publish it as a report on a commit.
    struct Publish: AsyncParsableCommand {
        /// `--fail-on`: the lowest severity that makes the command exit with 1.
        enum FailOn: String, ExpressibleByArgument, CaseIterable {
            case never, low, medium, high, critical

            var severity: AnnotationSeverity? { AnnotationSeverity(rawValue: rawValue.uppercased()) }
        }

        /// `--target`: where to publish.
        enum TargetChoice: String, ExpressibleByArgument, CaseIterable {
            case server, dc, cloud

            var kind: PublishTarget.Kind {
                switch self {
                case .server: .server
                case .dc: .dc
                case .cloud: .cloud
                }
            }
        }

        /// `--filter`: which findings to publish.
        enum FilterChoice: String, ExpressibleByArgument, CaseIterable {
            case all, files, lines

            var mode: ChangeFilter.Mode {
                switch self {
                case .all: .all
                case .files: .files
                case .lines: .lines
                }
            }
        }

        static let configuration = CommandConfiguration(
            abstract: "Publish tool output as a Code Insights report on a commit.",
            discussion: """
                Publishes to this server (--target server, the default, at http://127.0.0.1:7990), Bitbucket \
                Data Center (--target dc --url URL --project KEY --repo SLUG) or Bitbucket Cloud (--target cloud \
                --workspace WS --repo SLUG). The commit, repository and base branch come from the options, else \
                from the CI system (Bitbucket Pipelines, Jenkins, GitHub Actions, GitLab CI), else from git.

                The token is read from --token-file or from the environment variable named by --token-env \
                (INSIGHTS_TOKEN); it is never printed. On Bitbucket Pipelines without a token, Cloud requests go \
                through the Pipelines authentication proxy (localhost:29418, host.docker.internal:29418 in a pipe).

                Rerunning with the same input leaves exactly one report with the same annotations.

                Examples:
                  insights publish --key org.example.lint --project PROJ --repo app lint.xml
                  insights publish --target dc --url https://bitbucket.example.com \\
                    --project PROJ --repo app --key com.example.semgrep \\
                    --token-file ~/.bitbucket-token semgrep.sarif
                  insights publish --target cloud --key mysystem-sarif \\
                    --filter lines --base origin/main --fail-on high results.sarif
                  insights publish --dry-run --key org.example.tests junit.xml

                Exit codes: 0 published, 1 findings at or above --fail-on, 2 bad input or usage, 3 the server \
                refused or failed.
                """)

        @OptionGroup var inputs: ConversionInputs

        @Option(help: "The report key (Cloud: external id), e.g. com.example.lint; unique per commit.")
        var key: String

        @Option(help: "Where to publish: server (this project's server), dc (Bitbucket Data Center) or cloud.")
        var target: TargetChoice = .server

        @Option(help: "The server's base URL (default for server: http://127.0.0.1:7990; cloud: api.bitbucket.org).")
        var url: String?

        @Option(help: "The project key (server, dc); default from the CI system.")
        var project: String?

        @Option(help: "The workspace (cloud); default from BITBUCKET_WORKSPACE or the CI system.")
        var workspace: String?

        @Option(help: "The repository slug; default from the CI system.")
        var repo: String?

        @Option(help: "The commit to report on; default from the CI system, else git's HEAD.")
        var commit: String?

        @Option(help: "Which findings to publish: all, files (in changed files) or lines (on changed lines).")
        var filter: FilterChoice = .all

        @Option(help: "The revision the change is compared against for --filter (default from the CI system).")
        var base: String?

        @Option(help: "The most annotations to publish, most severe first.")
        var maxAnnotations: Int = InsightLimits.defaultMaxAnnotationsPerReport

        @Option(help: "Exit with 1 when a published-scope finding is at or above this severity.")
        var failOn: FailOn = .never

        @Flag(help: "Print what was detected and what would be sent, and send nothing.")
        var dryRun = false

        @Option(help: "A file holding the token (trailing whitespace ignored).", completion: .file())
        var tokenFile: String?

        @Option(help: "The environment variable holding the token.")
        var tokenEnv: String = "INSIGHTS_TOKEN"

        @Option(help: "Send the token as the password of HTTP Basic for this user (Cloud app passwords).")
        var user: String?

        @Option(help: "An HTTP proxy as host:port for every request (default on Pipelines: the auth proxy).")
        var proxy: String?

        @Option(help: "The most attempts per request (retries on connection errors, 429 and 5xx).")
        var attempts: Int = 4

        func run() async throws {
            do {
                try await publish(environment: ProcessInfo.processInfo.environment)
            } catch let failure {
                if !failure.message.isEmpty {
                    FileHandle.standardError.write(Data("insights publish: \(failure.message)\n".utf8))
                }
                throw ExitCode(failure.exitCode)
            }
        }

        private func publish(environment: [String: String]) async throws(ConversionInputs.Failure) {
            guard maxAnnotations >= 0 else { throw .input("--max-annotations must not be negative.") }
            guard attempts >= 1 else { throw .input("--attempts must be at least 1.") }
            if workspace != nil, target != .cloud { throw .input("--workspace is for --target cloud.") }
            if project != nil, target == .cloud { throw .input("--project is for --target server or dc.") }
            let ci = CIEnvironment.detect(from: environment)
            let reportKey: InsightKey
            do { reportKey = try InsightKey(key) } catch { throw .input("--key: \(error)") }
            let git = GitClient(
                directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            let commitID = try await resolveCommit(ci: ci, git: git)
            let changeFilter = try await makeChangeFilter(ci: ci, git: git)
            let root = try? await git.repositoryRoot()
            let isTerminal = isatty(STDERR_FILENO) == 1
            let tracked = root == nil ? nil : try? await git.trackedFiles()
            let converted = try inputs.bundle(
                repositoryRoot: root, trackedFiles: tracked,
                changedLines: filter == .all ? nil : changeFilter.changedLines
            ) { index, path in
                if isTerminal, inputs.files.count > 1 {
                    Self.status("converting \(index + 1)/\(inputs.files.count): \(path)")
                }
            }
            var bundle = converted.bundle
            let paths = converted.paths
            if bundle.report.link == nil { bundle.report.link = ci.buildURL }
            let publishTarget = try makeTarget(ci: ci, environment: environment)
            let fitted = InsightFitter(
                dialect: publishTarget.dialect, maxAnnotations: maxAnnotations, changeFilter: changeFilter
            ).fit(bundle)
            var publisher = Publisher(target: publishTarget, retryPolicy: RetryPolicy(maxAttempts: attempts))
            if isTerminal {
                publisher.progress = { progress in Self.status("publishing \(progress.sent)/\(progress.total)") }
            }
            if dryRun {
                printDryRun(
                    ci: ci, target: publishTarget, commit: commitID, fitted: fitted, publisher: publisher, paths: paths)
            } else {
                let result: PublishResult
                do {
                    result = try await publisher.publish(fitted, commit: commitID, key: reportKey)
                } catch {
                    if isTerminal { Self.status("") }
                    let hint = error.status == 401 ? unauthorizedHint(for: publishTarget) : []
                    throw ConversionInputs.Failure(
                        message: ([error.description] + hint).joined(separator: "\n"), exitCode: 3)
                }
                if isTerminal { Self.status("") }
                printSummary(fitted: fitted, result: result, paths: paths)
            }
            if let severity = failOn.severity, fitted.findings(atOrAbove: severity) > 0 {
                throw ConversionInputs.Failure(
                    message: "\(fitted.findings(atOrAbove: severity)) finding(s) at or above \(failOn.rawValue).",
                    exitCode: 1)
            }
        }

        private func resolveCommit(ci: CIEnvironment, git: GitClient) async throws(ConversionInputs.Failure)
            -> CommitID
        {
            if let text = commit ?? ci.commit {
                do { return try CommitID(text) } catch {
                    do { return try await git.resolveCommit(text) } catch {
                        throw .input("--commit \(text): not a full commit id and unknown to git.")
                    }
                }
            }
            do { return try await git.headCommit() } catch {
                throw .input("No --commit given, no CI commit found, and git has no HEAD here: \(error.message)")
            }
        }

        private func makeChangeFilter(ci: CIEnvironment, git: GitClient) async throws(ConversionInputs.Failure)
            -> ChangeFilter
        {
            guard filter != .all else { return .all }
            guard let revision = base ?? ci.baseRevision else {
                throw .input("--filter \(filter.rawValue) needs --base REV (no base found in the CI environment).")
            }
            do {
                let changedLines = try await ChangeFilter.changedLines(of: git, against: revision)
                return ChangeFilter(mode: filter.mode, changedLines: changedLines)
            } catch {
                throw .input("Cannot compute the change against \(revision): \(error)")
            }
        }

        private func makeTarget(ci: CIEnvironment, environment: [String: String]) throws(ConversionInputs.Failure)
            -> PublishTarget
        {
            let owner = (target == .cloud ? workspace : project) ?? ci.owner
            guard let owner, let slug = repo ?? ci.repositorySlug else {
                let ownerOption = target == .cloud ? "--workspace" : "--project"
                throw .input("Name the repository with \(ownerOption) and --repo (not found in the CI environment).")
            }
            let token = try readToken(environment: environment)
            var credentials = Credentials.none
            if let token { credentials = user.map { .basic(username: $0, password: token) } ?? .bearer(token: token) }
            var proxyAddress = try proxy.map(Self.parseProxy)
            if proxyAddress == nil, target == .cloud, token == nil { proxyAddress = ci.pipelinesProxy }
            let defaultURL: String
            switch target {
            case .server: defaultURL = PublishTarget.defaultServerURLString
            case .cloud:
                defaultURL =
                    proxyAddress == nil ? PublishTarget.cloudAPIString : PublishTarget.cloudAPIThroughProxyString
            case .dc:
                guard url != nil else { throw .input("--target dc needs --url (the Bitbucket Data Center base URL).") }
                defaultURL = ""
            }
            let text = url ?? defaultURL
            guard let baseURL = URL(string: text), let scheme = baseURL.scheme, scheme == "http" || scheme == "https"
            else { throw .input("--url \(text) is not an http or https URL.") }
            return PublishTarget(
                kind: target.kind, baseURL: baseURL, owner: owner, repositorySlug: slug, credentials: credentials,
                proxy: proxyAddress)
        }

        private func readToken(environment: [String: String]) throws(ConversionInputs.Failure) -> String? {
            if let tokenFile {
                let path = NSString(string: tokenFile).expandingTildeInPath
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw .input("Cannot read the token file \(tokenFile).")
                }
                let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                guard !token.isEmpty else { throw .input("The token file \(tokenFile) is empty.") }
                return token
            }
            return environment[tokenEnv].flatMap { $0.isEmpty ? nil : $0 }
        }

        private static func parseProxy(_ text: String) throws(ConversionInputs.Failure) -> HTTPProxy {
            var address = Substring(text)
            if let range = address.range(of: "://") { address = address[range.upperBound...] }
            if address.hasSuffix("/") { address = address.dropLast() }
            guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
                colon > address.startIndex
            else { throw .input("--proxy \(text): use host:port, e.g. localhost:29418.") }
            return HTTPProxy(host: String(address[..<colon]), port: port)
        }

        private static func status(_ text: String) {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        }
    }
}
