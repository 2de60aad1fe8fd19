import Crypto
import Foundation

/// Personal access token secrets: how they are made and how they are stored (only as a SHA-256 digest).
public enum TokenSecret {
    /// The prefix of every secret, so leaked tokens are easy to recognise in logs and scanners.
    public static let prefix = "insights_"

    /// Makes a new secret from 32 random bytes, base64url-encoded behind ``prefix``.
    public static func make() -> String {
        prefix + Base64URL.encode(Base64URL.randomBytes(32))
    }

    /// The hex-encoded SHA-256 digest under which a secret is stored and looked up.
    public static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
