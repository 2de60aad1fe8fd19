import ArgumentParser
import InsightsCore
import InsightsStore

extension Insights.Admin {
    struct CreateProject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-project", abstract: "Create a project (Cloud: workspace).",
            discussion: "Example:\n  insights admin create-project PROJ --name \"My project\"")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The project key: letters, digits, '_', '-' or '.'.") var key: String
        @Option(help: "A display name (default: the key).") var name: String?

        func run() async throws {
            let ref = try RepositoryRef(projectKey: key, slug: "x")
            try await Insights.Admin.withStore(store) {
                try await $0.createProject(key: ref.projectKey, name: name ?? key)
            }
            print("Created project \(key).")
        }
    }

    struct CreateRepository: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-repo", abstract: "Create a repository in an existing project.",
            discussion: "Example:\n  insights admin create-repo PROJ/my-repo --public")

        @OptionGroup var store: StoreOptions
        @Argument(help: "PROJECT/slug.") var repository: RepositoryArgument
        @Flag(help: "Let everyone, anonymous callers included, read its insights.") var `public` = false

        func run() async throws {
            _ = try await Insights.Admin.withStore(store) {
                try await $0.createRepository(repository.ref, isPublic: `public`)
            }
            print("Created repository \(repository.ref) (\(`public` ? "public" : "private")).")
        }
    }

    struct SetVisibility: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-visibility", abstract: "Make a repository public or private.",
            discussion: "Example:\n  insights admin set-visibility PROJ/my-repo --private")

        @OptionGroup var store: StoreOptions
        @Argument(help: "PROJECT/slug.") var repository: RepositoryArgument
        @Flag(exclusivity: .exclusive, help: "The new visibility.") var visibility: Visibility

        enum Visibility: String, EnumerableFlag {
            case `public`, `private`
        }

        func run() async throws {
            try await Insights.Admin.withStore(store) {
                try await $0.setRepositoryVisibility(
                    repository.ref, isPublic: visibility == .public)
            }
            print("Repository \(repository.ref) is now \(visibility.rawValue).")
        }
    }

    struct DeleteRepository: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete-repo", abstract: "Delete a repository with all its reports, annotations and grants.",
            discussion: "Example:\n  insights admin delete-repo PROJ/my-repo")

        @OptionGroup var store: StoreOptions
        @Argument(help: "PROJECT/slug.") var repository: RepositoryArgument

        func run() async throws {
            try await Insights.Admin.withStore(store) { try await $0.deleteRepository(repository.ref) }
            print("Deleted repository \(repository.ref) and its insights.")
        }
    }

    struct ListRepositories: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list-repos",
            abstract:
                "List repositories: name, visibility, the workspace and repository uuids Cloud paths accept, and the git link."
        )

        @OptionGroup var store: StoreOptions

        func run() async throws {
            for repository in try await Insights.Admin.withStore(store, { try await $0.repositories() }) {
                let visibility = repository.isPublic ? "public" : "private"
                let git = repository.gitRemote.map { "\tgit: \($0)" } ?? ""
                print(
                    "\(repository.ref)\t\(visibility)\t\(NameOrUUID.uuid(repository.projectUUID))"
                        + "\t\(NameOrUUID.uuid(repository.uuid))\(git)")
            }
        }
    }
}
