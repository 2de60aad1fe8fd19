import ArgumentParser

/// The `insights` command: the Code Insights server and its command-line client.
@main
struct Insights: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "Code Insights: attach reports and annotations to commits, and serve them.",
        discussion: """
            Run the server with `insights serve`, manage users and repositories with `insights admin`, \
            and publish tool output with `insights publish`.
            """,
        version: "0.1.0",
        subcommands: [Serve.self, Admin.self, Convert.self, Publish.self]
    )
}
