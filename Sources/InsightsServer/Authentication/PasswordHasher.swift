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
}
