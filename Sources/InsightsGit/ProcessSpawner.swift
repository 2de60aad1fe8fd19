import Foundation

/// Starts a child process with `posix_spawn` and waits for it, without Foundation's `Process`.
///
/// On Linux, `Process.run()` lists `/proc/self/fd` to close inherited descriptors and, in Swift 6.3.1, reads 256 bytes
/// past each directory entry (swift-corelibs-foundation PR #5472): with more than about 1,300 descriptors open (a
/// server with many connections) a spawn can crash the whole process. This spawner opens the child's standard streams
/// itself, closes every other descriptor in the child (`posix_spawn_file_actions_addclosefrom_np`), resets its signal
/// dispositions (the server ignores `SIGPIPE`; git must not) and puts it in a process group of its own, so a timeout
/// stops git and the helpers it started.
enum ProcessSpawner {
    /// A started child.
    struct Child: Sendable {
        let pid: pid_t

        /// Waits for the child to end, on a thread of its own (`waitpid` blocks), and returns its exit status; a
        /// child ended by a signal gives 128 plus the signal number, as shells report it.
        func waitForExit() async -> Int32 {
            let pid = self.pid
            return await withCheckedContinuation { continuation in
                let thread = Thread {
                    var status: Int32 = 0
                    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                    let signal = status & 0x7f
                    continuation.resume(returning: signal == 0 ? (status >> 8) & 0xff : 128 + signal)
                }
                thread.start()
            }
        }

        /// Stops the child and every process it started (its process group) at once.
        func stop() {
            _ = kill(-pid, SIGKILL)
        }
    }

    /// Why a child could not be started.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `executable` with `arguments` in `directory`, standard input from `/dev/null`, standard output and
    /// error into new files at the given paths.
    ///
    /// - Parameter environment: the child's complete environment.
    /// - Throws: ``Failure`` when the child cannot be started.
    static func spawn(
        executable: String, arguments: [String], directory: String, environment: [String: String],
        standardOutput: String, standardError: String
    ) throws(Failure) -> Child {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let created = O_WRONLY | O_CREAT | O_TRUNC
        var status = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if status == 0 { status = posix_spawn_file_actions_addopen(&actions, 1, standardOutput, created, 0o600) }
        if status == 0 { status = posix_spawn_file_actions_addopen(&actions, 2, standardError, created, 0o600) }
        guard status == 0 else { throw Failure(description: "cannot redirect the child's output: \(message(status))") }
        guard let addChangeDirectory = Self.addChangeDirectory else {
            throw Failure(description: "this C library has no posix_spawn_file_actions_addchdir_np")
        }
        status = directory.withCString { addChangeDirectory(&actions, $0) }
        guard status == 0 else { throw Failure(description: "cannot enter \(directory): \(message(status))") }
        if let addCloseFrom = Self.addCloseFrom {
            status = addCloseFrom(&actions, 3)
            guard status == 0 else { throw Failure(description: "cannot close descriptors: \(message(status))") }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        var noSignal = sigset_t()
        sigemptyset(&noSignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setsigmask(&attributes, &noSignal)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        status = posix_spawn(&pid, executable, &actions, &attributes, argv + [nil], envp + [nil])
        guard status == 0 else { throw Failure(description: "cannot start \(executable): \(message(status))") }
        return Child(pid: pid)
    }

    private typealias AddChangeDirectory =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc 2.29's `posix_spawn_file_actions_addchdir_np`, which Swift's C module does not import.
    private static let addChangeDirectory: AddChangeDirectory? = symbol("posix_spawn_file_actions_addchdir_np")
    /// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`; without it the child inherits descriptors that are
    /// not close-on-exec.
    private static let addCloseFrom: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")

    private static func symbol<Function>(_ name: String) -> Function? {
        // RTLD_DEFAULT, every loaded library: 0 on Linux, -2 on Darwin.
        #if os(Linux)
            let everyLibrary = UnsafeMutableRawPointer(bitPattern: 0)
        #else
            let everyLibrary = UnsafeMutableRawPointer(bitPattern: -2)
        #endif
        guard let address = dlsym(everyLibrary, name) else { return nil }
        return unsafeBitCast(address, to: Function.self)
    }

    private static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
