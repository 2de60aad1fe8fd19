import ArgumentParser
import Foundation
import InsightsCore
import InsightsServer
import InsightsStore

extension Insights.Admin {
    /// `insights admin init`: everything a new user needs to publish a first report, in one command.
    struct Initialize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a repository, a user with admin on it, and a token, as needed.",
            discussion: """
                Creates the project and repository if they do not exist, the user if it does not exist (printing a \
                generated password), grants the user admin on the repository, and prints a new personal access \
                token. Running it again only adds another token.

                With --git, the repository is also linked to a git repository (as `insights admin link-repo` does), \
                so the web UI shows its branches and pull requests.

                Standard output carries only `export INSIGHTS_TOKEN=…`, so the command can be evaluated by a shell; \
                everything else goes to standard error.

                Examples:
                  eval "$(insights admin init --user ci --repository PROJ/my-repo)"
                  eval "$(insights admin init --user me --repository PROJ/my-repo --git ~/src/my-repo)"
                """)

        @OptionGroup var store: StoreOptions
        @Option(help: "The user to create or reuse.") var user: String
        @Option(help: "PROJECT/slug of the repository to create or reuse.") var repository: RepositoryArgument
        @Flag(help: "Make a newly created repository public.") var `public` = false
        @Option(help: "The new token's label (default: 'token-' and a random number).") var tokenName: String?
        @Option(
            help: ArgumentHelp(
                "Also link the repository to git: a local path or a clone URL.", valueName: "path or URL"))
        var git: String?

        func run() async throws {
            let configuration = try store.configuration()
            Self.note(StoreOptions.databaseLine(configuration))
            let secret = try await Insights.Admin.withStore(store) { store in
                try await prepare(in: store, dataDirectory: configuration.dataDirectory)
            }
            print("export INSIGHTS_TOKEN=\(secret)")
        }

        /// Creates (or reuses) the project, repository and user, links git when asked, and makes the token.
        ///
        /// - Returns: the token's secret.
        private func prepare(in store: some InsightsStore, dataDirectory: URL) async throws -> String {
            let ref = repository.ref
            try await ignoringConflict { try await store.createProject(key: ref.projectKey, name: ref.projectKey) }
            try await ignoringConflict { _ = try await store.createRepository(ref, isPublic: `public`) }
            if try await store.userCredentials(named: user) == nil {
                let password = Secrets.generatePassword()
                _ = try await store.createUser(
                    name: user, passwordHash: try await PasswordHasher.hash(password), isSystemAdmin: false)
                Self.note("Created user \(user.lowercased()); password (shown once): \(password)")
            }
            try await store.grant(.admin, toUserNamed: user, on: .repository(ref))
            if let git {
                let (remote, branches) = try await LinkRepository.link(
                    ref, to: git, in: store, dataDirectory: dataDirectory)
                Self.note("Linked \(ref) to \(remote) (\(branches) branches).")
            }
            let secret = TokenSecret.make()
            // Labels are unique per user; a random number keeps repeated runs from colliding.
            let name = tokenName ?? "token-\(UInt32.random(in: 100_000...999_999))"
            _ = try await store.createToken(
                digest: TokenSecret.digest(secret), name: name, forUserNamed: user, ceiling: .admin, expiresAt: nil)
            Self.note("Repository \(ref) is ready; \(user.lowercased()) has admin on it.")
            Self.note("Token '\(name)' created; it is printed once, on standard output:")
            return secret
        }

        private static func note(_ text: String) {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }

        private func ignoringConflict(_ operation: () async throws -> Void) async throws {
            do {
                try await operation()
            } catch let error as InsightsError where error.kind == .conflict {
                return
            }
        }
    }
}
