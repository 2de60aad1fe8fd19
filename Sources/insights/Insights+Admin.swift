public import ArgumentParser
import Foundation
public import InsightsCore
import InsightsServer
import InsightsStorage
import InsightsStore
import Logging

extension Insights {
    /// `insights admin`: manages projects, repositories, users, tokens and grants in the server's database.
    ///
    /// Works directly on the database, also while the server runs (SQLite in WAL mode allows one writer and many
    /// readers across processes; PostgreSQL serves any number of processes).
    struct Admin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage projects, repositories, users, tokens and permissions.",
            discussion: """
                Admin commands open the server's database directly, so they work while the server runs. \
                Use the same --data-dir (or INSIGHTS_DATA_DIR) and --database (or INSIGHTS_DATABASE_URL) as \
                `insights serve`.

                Quick start:
                  insights admin init --user ci --repository PROJ/my-repo
                """,
            subcommands: [
                Initialize.self, CreateProject.self, CreateRepository.self, SetVisibility.self, DeleteRepository.self,
                ListRepositories.self, LinkRepository.self, SetMergeCheck.self, CopyStore.self, CreateUser.self,
                SetPassword.self,
                ListUsers.self, CreateToken.self,
                DeleteToken.self, Grant.self, Revoke.self,
            ])

        /// Runs `body` on the store of an admin command and closes it afterwards, logging only problems (failed
        /// database connections are logged at info, with their cause).
        static func withStore<T: Sendable>(
            _ options: StoreOptions, _ body: (any InsightsStore) async throws -> T
        ) async throws -> T {
            var logger = Logger(label: "insights.admin")
            logger.logLevel = .info
            let opened = try await StoreOptions.open(try options.configuration(), for: "insights admin", logger: logger)
            do {
                let value = try await body(opened.store)
                await opened.close()
                return value
            } catch {
                await opened.close()
                throw error
            }
        }
    }
}

extension Permission: ExpressibleByArgument {}

/// Parses `PROJECT/slug` arguments.
struct RepositoryArgument: ExpressibleByArgument {
    let ref: RepositoryRef

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let ref = try? RepositoryRef(projectKey: String(parts[0]), slug: String(parts[1]))
        else { return nil }
        self.ref = ref
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// Reads secrets for admin commands: from standard input when asked, otherwise freshly generated.
enum Secrets {
    /// A random password of 24 URL-safe characters.
    static func generatePassword() -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// The first line of standard input, without its line break.
    static func readPasswordFromStandardInput() throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("Expected a password on standard input.")
        }
        return line
    }
}
