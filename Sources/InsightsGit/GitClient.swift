public import Foundation
public import InsightsCore

/// Runs the `git` executable in one working tree and parses its output.
///
/// Every command is a `Process` with an argument array (never a shell line), `--` before paths, and a timeout after
/// which `git` is terminated. Standard error is kept in ``GitError``. Revisions that start with `-` are refused, so
/// user input can never become an option.
public struct GitClient: Sendable {
    /// The program that is started: `/usr/bin/env` (which finds `git` on `PATH`) unless configured.
    public var executable: URL
    /// Arguments placed before git's own (`["git"]` when ``executable`` is `env`).
    public var launcherArguments: [String]
    /// The working tree to run in.
    public var directory: URL
    /// How long one command may run.
    public var timeout: Duration

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - directory: a directory inside the working tree.
    ///   - executable: the `git` binary; `nil` looks `git` up on `PATH` through `/usr/bin/env`.
    ///   - timeout: how long one command may run; 30 seconds by default.
    public init(directory: URL, executable: URL? = nil, timeout: Duration = .seconds(30)) {
        if let executable {
            self.executable = executable
            launcherArguments = []
        } else {
            self.executable = URL(fileURLWithPath: "/usr/bin/env")
            launcherArguments = ["git"]
        }
        self.directory = directory
        self.timeout = timeout
    }

    /// The commit `HEAD` points at.
    ///
    /// - Throws: ``GitError`` outside a repository or before the first commit.
    public func headCommit() async throws(GitError) -> CommitID {
        try await resolveCommit("HEAD")
    }

    /// Resolves a revision (branch, tag, abbreviated id, `HEAD~2`) to a full commit id.
    ///
    /// - Parameter revision: the revision; must not start with `-`.
    /// - Throws: ``GitError`` (`invalidRevision`) for an unknown or unsafe revision.
    public func resolveCommit(_ revision: String) async throws(GitError) -> CommitID {
        try checkRevision(revision)
        let arguments = ["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"]
        return try commitID(from: try await output(arguments), arguments: arguments)
    }

    /// The top directory of the working tree (`git rev-parse --show-toplevel`).
    ///
    /// - Throws: ``GitError`` outside a repository.
    public func repositoryRoot() async throws(GitError) -> URL {
        let arguments = ["rev-parse", "--show-toplevel"]
        let path = try await output(arguments).trimmingCharacters(in: .newlines)
        guard !path.isEmpty else {
            throw GitError(code: .invalidOutput, arguments: arguments, message: "git printed no repository root.")
        }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// The best common ancestor of two revisions.
    ///
    /// Two commit ids work as well as names: `mergeBase(target.rawValue, source.rawValue)`.
    ///
    /// - Parameters:
    ///   - base: e.g. `origin/main`.
    ///   - head: `HEAD` by default.
    /// - Throws: ``GitError`` (`noCommonAncestor`) when they share no history; another ``GitError`` when either is
    ///   unknown.
    public func mergeBase(_ base: String, _ head: String = "HEAD") async throws(GitError) -> CommitID {
        try checkRevision(base)
        try checkRevision(head)
        let arguments = ["merge-base", "--end-of-options", base, head]
        let result = try await run(arguments, accepting: [0, 1])
        guard result.status == 0 else {
            throw GitError(
                code: .noCommonAncestor, arguments: arguments, status: result.status,
                standardError: result.standardError, message: "'\(base)' and '\(head)' share no history.")
        }
        return try commitID(from: result.standardOutput, arguments: arguments)
    }

    /// The files git tracks in the working tree, submodules included (`git ls-files -z --recurse-submodules`), as
    /// paths relative to the top of the working tree.
    ///
    /// - Returns: repository-relative paths with `/` separators.
    /// - Throws: ``GitError`` outside a repository.
    public func trackedFiles() async throws(GitError) -> Set<String> {
        let root = try await repositoryRoot()
        var client = self
        client.directory = root
        let text = try await client.output([
            "-c", "core.quotePath=false", "ls-files", "-z", "--recurse-submodules", "--",
        ])
        return Set(text.split(separator: "\0", omittingEmptySubsequences: true).map(String.init))
    }

    /// Refuses a revision that git could read as an option (or that is empty or holds a NUL).
    ///
    /// - Throws: ``GitError`` (`invalidRevision`).
    func checkRevision(_ revision: String) throws(GitError) {
        guard !revision.isEmpty, !revision.hasPrefix("-"), !revision.contains("\0") else {
            throw GitError(
                code: .invalidRevision, arguments: [revision],
                message: "'\(revision)' is not a usable revision.")
        }
    }

    /// The commit id on the first line of git's output.
    ///
    /// - Throws: ``GitError`` (`invalidOutput`) when the text is not one.
    func commitID(from text: String, arguments: [String]) throws(GitError) -> CommitID {
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            return try CommitID(line)
        } catch {
            throw GitError(
                code: .invalidOutput, arguments: arguments, message: "git printed '\(line)', not a commit id.")
        }
    }

    /// Runs git and returns its standard output as text; a non-zero exit is an error.
    func output(_ arguments: [String]) async throws(GitError) -> String {
        try await run(arguments).standardOutput
    }

    /// Runs git and returns what it left behind; an exit status outside `accepted` is an error.
    ///
    /// - Parameters:
    ///   - arguments: git's arguments, after ``launcherArguments``.
    ///   - environment: variables set on top of the inherited environment.
    ///   - accepted: the exit statuses that are results, not failures.
    /// - Throws: ``GitError`` (`invalidRevision` for `rev-parse` exiting with 1, `failed` otherwise; `launchFailed`,
    ///   `timedOut`).
    func run(
        _ arguments: [String], environment: [String: String] = [:], accepting accepted: Set<Int32> = [0]
    ) async throws(GitError) -> GitProcess.Result {
        let result = try await GitProcess.run(
            executable: executable, arguments: launcherArguments + arguments, directory: directory, timeout: timeout,
            environment: environment)
        guard accepted.contains(result.status) else {
            throw GitError(
                code: result.status == 1 && arguments.first == "rev-parse" ? .invalidRevision : .failed,
                arguments: arguments, status: result.status, standardError: result.standardError,
                message: "git exited with status \(result.status).")
        }
        return result
    }
}
