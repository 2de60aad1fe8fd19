import ArgumentParser
import Foundation
import InsightsCore
import InsightsGit
import InsightsServer
import InsightsStore

extension Insights.Admin {
    struct LinkRepository: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link-repo",
            abstract: "Back a repository by git: the server mirrors it and knows its branches and pull requests.",
            discussion: """
                The remote is fetched into the server's mirror (<data-dir>/mirrors) first, so a remote that cannot be \
                fetched is refused and nothing changes. A local path is stored as an absolute path. Once linked, \
                insights on a commit the repository does not have answer 404.

                Examples:
                  insights admin link-repo PROJ/my-repo --git /srv/git/my-repo.git
                  insights admin link-repo PROJ/my-repo --git https://git.example.com/my-repo.git
                  insights admin link-repo PROJ/my-repo --unlink
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "PROJECT/slug.") var repository: RepositoryArgument
        @Option(help: ArgumentHelp("A local path or a clone URL.", valueName: "path or URL")) var git: String?
        @Flag(help: "Make the repository API-only again (its pull requests stay, frozen).") var unlink = false

        func validate() throws {
            guard (git != nil) != unlink else { throw ValidationError("Give either --git or --unlink.") }
        }

        func run() async throws {
            let configuration = try store.configuration()
            try await Insights.Admin.withStore(self.store) { store in
                guard let git else {
                    guard try await store.repository(repository.ref, accessFor: nil) != nil else {
                        throw InsightsError.notFound("Repository \(repository.ref) does not exist.")
                    }
                    try await store.setGitRemote(nil, of: repository.ref)
                    print("Repository \(repository.ref) is API-only now.")
                    return
                }
                let (remote, branches) = try await Self.link(
                    repository.ref, to: git, in: store, dataDirectory: configuration.dataDirectory)
                print("Linked \(repository.ref) to \(remote) (\(branches) branches).")
            }
        }

        /// Fetches the remote into the repository's mirror, then stores the link; shared with `admin init --git`.
        ///
        /// - Returns: the remote as stored (a local path made absolute) and how many branches it has.
        /// - Throws: `notFound` for an unknown repository, a validation error for a remote that cannot be fetched.
        static func link(
            _ ref: RepositoryRef, to git: String, in store: some InsightsStore, dataDirectory: URL
        ) async throws -> (remote: String, branches: Int) {
            guard let (found, _) = try await store.repository(ref, accessFor: nil) else {
                throw InsightsError.notFound("Repository \(ref) does not exist.")
            }
            let remote = Self.absolute(git)
            try GitRemoteRule.check(remote)
            let mirror = GitMirror(
                directory: MirrorLayout.mirrorDirectory(
                    of: found.uuid, in: MirrorLayout.mirrorsDirectory(in: dataDirectory)),
                remote: remote)
            do {
                try await mirror.synchronize()
            } catch {
                throw ValidationError(
                    "Cannot fetch \(remote): \(error.standardError.isEmpty ? error.message : error.standardError)")
            }
            let branches = try await mirror.client.branches()
            try await store.setGitRemote(remote, of: ref)
            return (remote, branches.count)
        }

        /// A path that exists on this machine, made absolute; anything else (a URL, `host:path`) as given.
        private static func absolute(_ remote: String) -> String {
            guard !remote.contains("://"), FileManager.default.fileExists(atPath: remote) else { return remote }
            return URL(fileURLWithPath: remote).standardizedFileURL.path
        }
    }

    struct SetMergeCheck: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge-check",
            abstract: "Set a repository's merge check: required reports and blocking annotation severity.",
            discussion: """
                Pull requests of the repository cannot merge while a required report is missing or has not passed, \
                or while annotations of the blocking severity or higher are shown on their changes (all of them, or \
                with --new-only only those the target branch does not also report). Without options, the check is \
                cleared. `GET …/pull-requests/{id}/merge` shows the vetoes.

                Examples:
                  insights admin merge-check PROJ/my-repo --require lint --require tests --block-severity HIGH
                  insights admin merge-check PROJ/my-repo --block-severity MEDIUM --new-only
                  insights admin merge-check PROJ/my-repo
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "PROJECT/slug.") var repository: RepositoryArgument
        @Option(name: .customLong("require"), help: "A report key that must exist and pass (repeatable).")
        var requiredReports: [String] = []
        @Option(help: "LOW, MEDIUM, HIGH or CRITICAL: annotations at or above it veto the merge.")
        var blockSeverity: String?
        @Flag(help: "Count only new findings (not also reported on the target branch's tip).") var newOnly = false

        func run() async throws {
            let keys = try requiredReports.map { try InsightKey($0) }
            let severity = try blockSeverity.map { text in
                guard let severity = AnnotationSeverity(rawValue: text.uppercased()) else {
                    throw ValidationError("--block-severity must be LOW, MEDIUM, HIGH or CRITICAL.")
                }
                return severity
            }
            let policy = MergeCheckPolicy(
                requiredReportKeys: keys, blockingSeverity: severity, scope: newOnly ? .new : .changed)
            try await Insights.Admin.withStore(store) { try await $0.setMergeCheckPolicy(policy, of: repository.ref) }
            if policy == .none {
                print("Repository \(repository.ref) has no merge check.")
            } else {
                let required =
                    keys.isEmpty ? "no required reports" : "requires \(keys.map(\.rawValue).joined(separator: ", "))"
                let blocking =
                    severity.map { "blocks on \(newOnly ? "new " : "")\($0.rawValue) or higher" } ?? "no severity rule"
                print("Merge check of \(repository.ref): \(required); \(blocking).")
            }
        }
    }
}
