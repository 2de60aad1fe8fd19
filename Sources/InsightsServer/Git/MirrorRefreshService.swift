import InsightsStore
import Logging
import ServiceLifecycle

/// Fetches every git-backed repository's mirror on an interval, lets its open pull requests follow their branches
/// (R1: a pull request always shows its source branch's tip) and prepares their effective diffs.
///
/// Every server instance runs it for its own mirrors; recording tips is idempotent (unchanged tips change nothing),
/// so instances on one database never disagree. One failing repository is logged and does not stop the others.
struct MirrorRefreshService<Store: InsightsStore>: Service {
    let views: PullRequestInsightsService<Store>
    /// Time between passes; zero turns the fetching off (the service then only waits for shutdown, since a service
    /// that returns early would stop the whole server).
    let interval: Duration
    let logger: Logger

    func run() async throws {
        guard interval > .zero else {
            try? await gracefulShutdown()
            return
        }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            guard !Task.isShuttingDownGracefully && !Task.isCancelled else { return }
            await runOnce()
        }
    }

    /// One pass over every linked repository.
    func runOnce() async {
        let repositories: [Repository]
        do {
            repositories = try await views.pullRequests.insights.store.repositories().filter { $0.gitRemote != nil }
        } catch {
            logger.error("Listing repositories for the git refresh failed", metadata: ["error": "\(error)"])
            return
        }
        for repository in repositories {
            do {
                _ = try await views.refresh(repository)
            } catch is CancellationError {
                return
            } catch {
                logger.warning(
                    "Refreshing a git mirror failed",
                    metadata: ["repository": "\(repository.ref)", "error": "\(error)"])
            }
        }
    }
}
