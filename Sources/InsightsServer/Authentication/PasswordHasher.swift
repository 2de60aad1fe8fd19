import HummingbirdBcrypt
import NIOPosix

/// Hashes and verifies passwords with bcrypt, off the event loops (bcrypt is deliberately slow).
public enum PasswordHasher {
    /// The bcrypt cost: 2^10 rounds, about 60 ms on a current core.
    public static let cost: UInt8 = 10

    /// Hashes a password for storage.
    public static func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Checks a password against a stored hash.
    public static func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Spends the time of one ``verify(_:against:)`` for a user name that does not exist, so that refusing an
    /// unknown user takes as long as refusing a wrong password and the timing does not tell which names exist.
    ///
    /// - Parameter password: the password that was presented.
    static func verifyForUnknownUser(_ password: String) async throws {
        _ = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: unknownUserHash) }
    }

    /// A hash at ``cost`` (the cost of every hash the admin commands store) of a random password nobody knows;
    /// computed once, on first use, on the thread pool.
    private static let unknownUserHash = Bcrypt.hash(
        String((0..<32).map { _ in "abcdefghijklmnopqrstuvwxyz0123456789".randomElement() ?? "x" }), cost: cost)
}
