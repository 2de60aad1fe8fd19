public import Foundation

/// A bare mirror of one remote's branches, kept in a directory the server owns.
///
/// ``synchronize()`` creates the repository when it is missing (or repairs a directory left behind by a crash) and
/// fetches every branch of the remote as a local branch (`+refs/heads/*:refs/heads/*`, pruned, no tags); ``client``
/// then answers questions about those branches and commits.
///
/// Every command names the repository with `--git-dir`, so a broken mirror never lets git fall back to a repository
/// above the directory. Creation and repair run under a lock file beside the directory (`<name>.lock`), so
/// concurrent calls from several processes never initialise or replace it at once; concurrent fetches rely on git's
/// own ref locking (one of them may fail, the repository stays intact).
///
/// Automatic garbage collection stays on (`gc.auto` is not disabled): each small fetch leaves loose objects that
/// nothing else would ever pack.
public struct GitMirror: Sendable {
    /// The bare repository's directory (absolute).
    public let directory: URL
    /// Where branches are fetched from: a local path (absolute, as a relative one is read from ``directory``) or a
    /// clone URL.
    public var remote: String
    /// Runs git in the bare repository (with `--git-dir` pointing at it).
    public var client: GitClient

    /// The refspec that makes every remote branch a local branch of the mirror.
    static let fetchRefspec = "+refs/heads/*:refs/heads/*"

    /// Creates a mirror value; nothing touches the disk before ``synchronize()``.
    ///
    /// - Parameters:
    ///   - directory: the bare repository's directory; its parent is created when missing.
    ///   - remote: a local path or clone URL; checked by ``synchronize()``.
    ///   - executable: the `git` binary; `nil` looks `git` up on `PATH`.
    ///   - timeout: how long one git command (a fetch, mostly) may run; 120 seconds by default.
    public init(directory: URL, remote: String, executable: URL? = nil, timeout: Duration = .seconds(120)) {
        let directory = directory.standardizedFileURL
        self.directory = directory
        self.remote = remote
        var client = GitClient(directory: directory, executable: executable, timeout: timeout)
        client.launcherArguments.append("--git-dir=\(directory.path)")
        self.client = client
    }

    /// Makes the mirror's branches equal to the remote's: creates or repairs the repository, points `origin` at
    /// ``remote``, then runs `git fetch --prune --no-tags --quiet origin` with `GIT_TERMINAL_PROMPT=0` (a remote that
    /// needs credentials fails instead of waiting for input).
    ///
    /// Safe to call repeatedly and after a crash halfway: a directory that is missing, empty or not a repository is
    /// (re-)initialised, and a changed ``remote`` replaces the configured one. Branches deleted upstream are deleted,
    /// force-pushed ones are overwritten.
    ///
    /// - Throws: ``GitError`` (`invalidRemote`) for a remote that is empty, starts with `-` or holds a control
    ///   character; `fileSystem` when the directory cannot be created, locked or replaced; `failed` when the fetch
    ///   fails (unknown remote, no access); `timedOut`.
    public func synchronize() async throws(GitError) {
        try Self.checkRemote(remote)
        let lockFile = directory.deletingLastPathComponent().appendingPathComponent(
            "\(directory.lastPathComponent).lock")
        try makeDirectory(directory.deletingLastPathComponent())
        try await GitMirrorLock.withLock(on: lockFile, timeout: client.timeout) { () async throws(GitError) in
            try await prepareRepository()
            try await configure("remote.origin.url", remote)
            try await configure("remote.origin.fetch", Self.fetchRefspec)
        }
        _ = try await client.run(
            ["fetch", "--prune", "--no-tags", "--quiet", "origin"], environment: ["GIT_TERMINAL_PROMPT": "0"])
    }

    /// Refuses a remote git could read as an option or that cannot be a path or URL.
    ///
    /// - Throws: ``GitError`` (`invalidRemote`).
    static func checkRemote(_ remote: String) throws(GitError) {
        guard !remote.isEmpty, !remote.hasPrefix("-"), remote.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F }) else {
            throw GitError(
                code: .invalidRemote, arguments: [],
                // The remote is left out: a clone URL may carry credentials.
                message: "not a usable remote: a path or URL without control characters, not starting with '-'.")
        }
    }

    /// Whether ``directory`` is a bare repository git can use.
    private func isRepository() async throws(GitError) -> Bool {
        guard FileManager.default.fileExists(atPath: directory.path) else { return false }
        let result = try await client.run(["rev-parse", "--is-bare-repository"], accepting: Set(0...255))
        return result.status == 0 && result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "true"
    }

    /// Creates the bare repository when missing; `git init` completes a half-initialised one in place, and a
    /// directory git still cannot use afterwards (e.g. a `HEAD` that is not a ref) is replaced by a new one.
    private func prepareRepository() async throws(GitError) {
        if try await isRepository() { return }
        try makeDirectory(directory)
        _ = try? await client.run(["init", "--bare", "--quiet"])
        if try await isRepository() { return }
        try replaceDirectory()
        _ = try await client.run(["init", "--bare", "--quiet"])
        guard try await isRepository() else {
            throw GitError(
                code: .fileSystem, arguments: ["init", "--bare"],
                message: "\(directory.path) is still not a repository after git init.")
        }
    }

    /// Sets a single-valued configuration key unless it already has exactly that value (no write, so no config lock,
    /// in the common case).
    private func configure(_ key: String, _ value: String) async throws(GitError) {
        let current = try await client.run(["config", "--get-all", "--", key], accepting: [0, 1])
        guard current.status != 0 || current.standardOutput != "\(value)\n" else { return }
        _ = try await client.run(["config", "--replace-all", "--", key, value])
    }

    /// Moves the unusable directory aside, deletes it, and creates an empty one in its place.
    private func replaceDirectory() throws(GitError) {
        let aside = directory.deletingLastPathComponent().appendingPathComponent(
            ".\(directory.lastPathComponent).broken-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.moveItem(at: directory, to: aside)
            try FileManager.default.removeItem(at: aside)
        } catch {
            let reason = error.localizedDescription
            throw GitError(
                code: .fileSystem, arguments: [], message: "could not replace \(directory.path): \(reason)")
        }
        try makeDirectory(directory)
    }

    private func makeDirectory(_ url: URL) throws(GitError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw GitError(
                code: .fileSystem, arguments: [],
                message: "could not create \(url.path): \(error.localizedDescription)")
        }
    }
}
