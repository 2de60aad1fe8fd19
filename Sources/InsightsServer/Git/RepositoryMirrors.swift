public import Foundation
import InsightsCore
import InsightsGit
import InsightsStore
import Logging

/// The bare git mirrors of the server's git-backed repositories, one per repository in `<data-dir>/mirrors`.
///
/// Each server instance keeps its own mirrors (they are a cache of the remote, safe to lose). Fetches of one
/// repository are coalesced: callers that ask while one runs wait for it. Commits are immutable, so commits seen once
/// are remembered; an unknown commit triggers at most one fetch per ``fetchCooldown`` per repository, so a CI job
/// that posts a report right after pushing finds its commit without waiting for the next scheduled refresh.
actor RepositoryMirrors {
    /// Where the mirrors live.
    let directory: URL
    /// The shortest time between two on-demand fetches of one repository.
    let fetchCooldown: Duration
    /// How long one git command may run.
    let timeout: Duration
    private let logger: Logger
    private var fetches: [UUID: Task<Void, any Error>] = [:]
    private var lastFetch: [UUID: ContinuousClock.Instant] = [:]
    private var knownCommits: [UUID: Set<CommitID>] = [:]
    /// Known commits kept per repository before the set is cleared (a bound on memory, not a correctness limit).
    private static let maxKnownCommits = 10_000

    /// Creates the mirror set.
    ///
    /// - Parameters:
    ///   - directory: the folder for the mirrors (created when needed).
    ///   - fetchCooldown: the shortest time between two on-demand fetches of one repository.
    ///   - timeout: how long one git command may run.
    ///   - logger: where fetch failures are logged.
    init(directory: URL, fetchCooldown: Duration = .seconds(2), timeout: Duration = .seconds(120), logger: Logger) {
        self.directory = directory
        self.fetchCooldown = fetchCooldown
        self.timeout = timeout
        self.logger = logger
    }

    /// A git client on the repository's mirror.
    ///
    /// - Throws: `conflict` when the repository is not linked to git.
    nonisolated func client(for repository: Repository) throws -> GitClient {
        try mirror(for: repository).client
    }

    /// Fetches the repository's remote into its mirror (creating it on first use); a fetch already running is
    /// joined rather than repeated.
    ///
    /// - Throws: `conflict` when the repository is not linked to git, `unavailable` when the fetch fails (logged).
    func synchronize(_ repository: Repository) async throws {
        if let running = fetches[repository.uuid] {
            try await running.value
            return
        }
        let mirror = try mirror(for: repository)
        let logger = logger
        let ref = repository.ref
        let task = Task {
            do {
                try await mirror.synchronize()
            } catch {
                logger.error(
                    "Fetching the git mirror failed",
                    metadata: ["repository": "\(ref)", "error": "\(String(reflecting: error))"])
                throw InsightsError.unavailable
            }
        }
        fetches[repository.uuid] = task
        defer {
            fetches[repository.uuid] = nil
            lastFetch[repository.uuid] = .now
        }
        try await task.value
    }

    /// Whether the repository's mirror has the commit, fetching once (within the cooldown) when it does not.
    ///
    /// - Throws: `conflict` when the repository is not linked to git, `unavailable` when git fails.
    func contains(_ commit: CommitID, in repository: Repository) async throws -> Bool {
        if knownCommits[repository.uuid]?.contains(commit) == true { return true }
        let client = try client(for: repository)
        if try await hasCommit(commit, client: client, in: repository) { return remember(commit, in: repository) }
        let recently = lastFetch[repository.uuid].map { ContinuousClock.now - $0 < fetchCooldown } ?? false
        guard !recently || fetches[repository.uuid] != nil else { return false }
        try await synchronize(repository)
        guard try await hasCommit(commit, client: client, in: repository) else { return false }
        return remember(commit, in: repository)
    }

    /// Answers `notFound` unless the repository is API-only or its mirror has the commit (reference D35).
    func requireCommit(_ commit: CommitID, in repository: Repository) async throws {
        guard repository.gitRemote != nil else { return }
        guard try await contains(commit, in: repository) else {
            throw InsightsError.notFound("Commit \(commit) does not exist in repository \(repository.ref).")
        }
    }

    /// Forgets what is known about a repository's commits (after it is unlinked or linked elsewhere).
    func forget(_ repository: Repository) {
        knownCommits[repository.uuid] = nil
        lastFetch[repository.uuid] = nil
    }

    private func remember(_ commit: CommitID, in repository: Repository) -> Bool {
        var known = knownCommits[repository.uuid] ?? []
        if known.count >= Self.maxKnownCommits { known.removeAll() }
        known.insert(commit)
        knownCommits[repository.uuid] = known
        return true
    }

    private func hasCommit(_ commit: CommitID, client: GitClient, in repository: Repository) async throws -> Bool {
        // A mirror that was never fetched has no repository yet: it has no commit.
        guard FileManager.default.fileExists(atPath: client.directory.appendingPathComponent("HEAD").path) else {
            return false
        }
        do {
            return try await client.hasCommit(commit)
        } catch {
            logger.error(
                "Reading the git mirror failed",
                metadata: ["repository": "\(repository.ref)", "error": "\(String(reflecting: error))"])
            throw InsightsError.unavailable
        }
    }

    private nonisolated func mirror(for repository: Repository) throws -> GitMirror {
        guard let remote = repository.gitRemote else {
            throw InsightsError.conflict(
                "Repository \(repository.ref) is not linked to a git repository; link it with "
                    + "'insights admin link-repo \(repository.ref) --git <path or URL>'.")
        }
        return GitMirror(
            directory: MirrorLayout.mirrorDirectory(of: repository.uuid, in: directory), remote: remote,
            timeout: timeout)
    }
}

/// Where a server keeps its git mirrors: `<data-dir>/mirrors/<repository uuid>.git`.
public enum MirrorLayout {
    /// The folder of all mirrors in a data directory.
    public static func mirrorsDirectory(in dataDirectory: URL) -> URL {
        dataDirectory.appendingPathComponent("mirrors", isDirectory: true)
    }

    /// The bare mirror of one repository.
    public static func mirrorDirectory(of repository: UUID, in mirrorsDirectory: URL) -> URL {
        mirrorsDirectory.appendingPathComponent("\(repository.uuidString).git", isDirectory: true)
    }
}
