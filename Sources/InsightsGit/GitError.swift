/// Why running `git` failed. Carries the command's arguments and its standard error output for diagnosis.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of failure; compare against the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) { self.name = name }

        /// The `git` executable could not be started.
        public static let launchFailed = Code("launchFailed")
        /// `git` exited with a non-zero status.
        public static let failed = Code("failed")
        /// `git` did not finish within the timeout and was terminated.
        public static let timedOut = Code("timedOut")
        /// `git` printed something this client cannot parse.
        public static let invalidOutput = Code("invalidOutput")
        /// A revision given by the caller is not acceptable (e.g. it starts with `-`).
        public static let invalidRevision = Code("invalidRevision")
        /// Two commits share no history, so they have no merge base (`git merge-base` exited with status 1).
        public static let noCommonAncestor = Code("noCommonAncestor")
        /// A remote given to ``GitMirror`` is not acceptable (empty, starts with `-`, or holds a control character).
        public static let invalidRemote = Code("invalidRemote")
        /// A directory a repository lives in could not be created, replaced or locked.
        public static let fileSystem = Code("fileSystem")

        public var description: String { name }
    }

    /// The class of failure.
    public let code: Code
    /// The arguments `git` was run with (never a shell line).
    public let arguments: [String]
    /// The exit status, when `git` exited.
    public let status: Int32?
    /// What `git` wrote to standard error, trimmed.
    public let standardError: String
    /// A short explanation.
    public let message: String

    /// Creates an error.
    public init(code: Code, arguments: [String], status: Int32? = nil, standardError: String = "", message: String) {
        self.code = code
        self.arguments = arguments
        self.status = status
        self.standardError = standardError
        self.message = message
    }

    public var description: String {
        var text = "git \(arguments.joined(separator: " ")): \(message)"
        if !standardError.isEmpty { text += "\n\(standardError)" }
        return text
    }
}
