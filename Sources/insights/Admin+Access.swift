import ArgumentParser
import Foundation
import InsightsCore
import InsightsServer
import InsightsStore

extension Insights.Admin {
    struct CreateToken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-token", abstract: "Create a personal access token; it is shown once.",
            discussion: """
                Use the token as `Authorization: Bearer <token>`, or as the password in HTTP Basic authentication.

                Example:
                  insights admin create-token ci --name pipeline --permission read --expires-in-days 90
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "The owner's login name.") var user: String
        @Option(help: "A label, unique per user.") var name: String
        @Option(help: "The most the token may do: read, write or admin (default: read, enough to publish insights).")
        var permission: Permission = .read
        // Unconditional, so `--expires-in-days -1` reaches `validate()` instead of reading as an option.
        @Option(parsing: .unconditional, help: "Days until the token expires, at least 1 (default: never).")
        var expiresInDays: Int?

        func validate() throws {
            // Zero or fewer days would create a token that is already expired.
            if let expiresInDays, expiresInDays < 1 {
                throw ValidationError("--expires-in-days must be at least 1, not \(expiresInDays).")
            }
        }

        func run() async throws {
            let secret = TokenSecret.make()
            let expiry = expiresInDays.map { Date().addingTimeInterval(Double($0) * 86400) }
            _ = try await Insights.Admin.withStore(store) {
                try await $0.createToken(
                    digest: TokenSecret.digest(secret), name: name, forUserNamed: user, ceiling: permission,
                    expiresAt: expiry)
            }
            print(secret)
        }
    }

    struct DeleteToken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete-token", abstract: "Delete a personal access token.",
            discussion: "Example:\n  insights admin delete-token ci --name pipeline")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The owner's login name.") var user: String
        @Option(help: "The token's label.") var name: String

        func run() async throws {
            try await Insights.Admin.withStore(store) { try await $0.deleteToken(named: name, forUserNamed: user) }
            print("Deleted token \(name) of \(user).")
        }
    }

    /// `--project KEY` or `--repo PROJECT/slug`: the scope of a grant.
    struct ScopeOptions: ParsableArguments {
        @Option(help: "Grant on every repository of this project.") var project: String?
        @Option(help: "Grant on this repository (PROJECT/slug).") var repo: RepositoryArgument?

        func validate() throws {
            guard (project == nil) != (repo == nil) else {
                throw ValidationError("Give exactly one of --project and --repo.")
            }
        }

        var scope: GrantScope {
            if let repo { return .repository(repo.ref) }
            return .project((project ?? "").lowercased())
        }
    }

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grant a user read, write or admin on a project or repository.",
            discussion: """
                Read is enough to create reports and annotations; only a report's creator may change it; \
                admin may also delete other users' reports.

                Examples:
                  insights admin grant ci read --repo PROJ/my-repo
                  insights admin grant alice admin --project PROJ
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "The login name.") var user: String
        @Argument(help: "read, write or admin.") var permission: Permission
        @OptionGroup var scope: ScopeOptions

        func run() async throws {
            try await Insights.Admin.withStore(store) {
                try await $0.grant(permission, toUserNamed: user, on: scope.scope)
            }
            print("Granted \(permission.rawValue) to \(user).")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a user's grant on a project or repository.",
            discussion: "Example:\n  insights admin revoke ci --repo PROJ/my-repo")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The login name.") var user: String
        @OptionGroup var scope: ScopeOptions

        func run() async throws {
            try await Insights.Admin.withStore(store) { try await $0.revokeGrant(fromUserNamed: user, on: scope.scope) }
            print("Revoked the grant of \(user).")
        }
    }
}
