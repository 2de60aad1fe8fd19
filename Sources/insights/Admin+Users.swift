import ArgumentParser
import InsightsServer
import InsightsStore

extension Insights.Admin {
    struct CreateUser: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-user", abstract: "Create a user.",
            discussion: """
                Without --password-stdin a random password is generated and printed once.

                Examples:
                  insights admin create-user alice
                  echo 's3cret-passw0rd' | insights admin create-user ci --password-stdin
                  insights admin create-user root --system-admin
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "The login name.") var name: String
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
        @Flag(help: "Make the user a system administrator (admin on every repository).") var systemAdmin = false

        func run() async throws {
            let password = passwordStdin ? try Secrets.readPasswordFromStandardInput() : Secrets.generatePassword()
            let user = try await Insights.Admin.withStore(store) {
                try await $0.createUser(
                    name: name, passwordHash: try await PasswordHasher.hash(password), isSystemAdmin: systemAdmin)
            }
            print("Created user \(user.name)\(systemAdmin ? " (system administrator)" : "").")
            if !passwordStdin { print("Password (shown once): \(password)") }
        }
    }

    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password", abstract: "Set a user's password from standard input.",
            discussion: "Example:\n  echo 'n3w-passw0rd' | insights admin set-password alice")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The login name.") var name: String

        func run() async throws {
            let password = try Secrets.readPasswordFromStandardInput()
            try await Insights.Admin.withStore(store) {
                try await $0.setPasswordHash(
                    try await PasswordHasher.hash(password), forUserNamed: name)
            }
            print("Password of \(name) changed.")
        }
    }

    struct ListUsers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list-users", abstract: "List users.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            for user in try await Insights.Admin.withStore(store, { try await $0.users() }) {
                print("\(user.name)\(user.isSystemAdmin ? "\tsystem-admin" : "")")
            }
        }
    }
}
