import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock (`flock`) on a file, held while a mirror directory is created or repaired, so two
/// processes (or two tasks) never initialise or replace the same directory at once.
///
/// The kernel drops the lock when the file is closed or the process dies, so a crash never leaves a stale lock.
/// Waiting polls with a non-blocking `flock` and `Task.sleep`, so no thread is ever blocked.
enum GitMirrorLock {
    /// Runs `body` while holding the lock on `file` (created when missing).
    ///
    /// - Parameters:
    ///   - file: the lock file; it is left in place afterwards.
    ///   - timeout: how long to wait for another holder.
    ///   - body: the work done under the lock.
    /// - Throws: ``GitError`` (`fileSystem`) when the file cannot be opened or the lock is not free in time; whatever
    ///   `body` throws.
    static func withLock<T: Sendable>(
        on file: URL, timeout: Duration, _ body: () async throws(GitError) -> T
    ) async throws(GitError) -> T {
        let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw GitError(code: .fileSystem, arguments: [], message: "could not open \(file.path) (errno \(errno)).")
        }
        defer { close(descriptor) }
        let deadline = ContinuousClock.now + timeout
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            guard failure == EWOULDBLOCK || failure == EINTR, ContinuousClock.now < deadline else {
                throw GitError(
                    code: .fileSystem, arguments: [],
                    message: "could not lock \(file.path) within \(timeout) (errno \(failure)).")
            }
            do { try await Task.sleep(for: .milliseconds(20)) } catch {
                throw GitError(code: .fileSystem, arguments: [], message: "cancelled while waiting for \(file.path).")
            }
        }
        return try await body()
    }
}
