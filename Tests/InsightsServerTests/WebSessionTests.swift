import Foundation
import Testing

@testable import InsightsServer

/// Signed session cookies and CSRF tokens of the web pages.
@Suite struct WebSessionTests {
    private let signer = WebSessionSigner(key: Array(repeating: 7, count: 32))
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aCookieCarriesItsSessionUntilItExpires() {
        for credential in [
            WebSession.Credential.password(userName: "alice", stamp: signer.stamp(ofPasswordHash: "$2b$hash")),
            .token(digest: String(repeating: "ab", count: 32)),
        ] {
            let session = WebSession(credential: credential, expiresAt: now.addingTimeInterval(3600))
            let cookie = signer.cookieValue(for: session)
            #expect(signer.session(fromCookie: cookie, now: now) == session)
            #expect(signer.session(fromCookie: cookie, now: now.addingTimeInterval(3600)) == nil)
            #expect(!cookie.contains("=") && !cookie.contains("+") && !cookie.contains("/"))
        }
    }

    @Test func aTamperedOrForeignCookieIsRefused() throws {
        let session = WebSession(
            credential: .password(userName: "alice", stamp: "s"), expiresAt: now.addingTimeInterval(3600))
        let cookie = signer.cookieValue(for: session)
        let other = WebSessionSigner(key: Array(repeating: 8, count: 32))
        #expect(other.session(fromCookie: cookie, now: now) == nil)
        let parts = cookie.split(separator: ".").map(String.init)
        let forged = Data("v1\npassword\nroot\ns\n1900000000".utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "")
        #expect(signer.session(fromCookie: forged + "." + parts[1], now: now) == nil)
        for broken in ["", ".", parts[0], parts[0] + ".", "a.b.c", parts[0] + "." + parts[1] + "x", "%%%.%%%"] {
            #expect(signer.session(fromCookie: broken, now: now) == nil, "\(broken)")
        }
    }

    @Test func aPasswordStampChangesWithTheHash() {
        #expect(signer.stamp(ofPasswordHash: "a") == signer.stamp(ofPasswordHash: "a"))
        #expect(signer.stamp(ofPasswordHash: "a") != signer.stamp(ofPasswordHash: "b"))
        #expect(!signer.stamp(ofPasswordHash: "secret-hash").contains("secret"))
    }

    @Test func aCSRFTokenIsValidOnlyBesideItsCookie() {
        let token = signer.csrfToken(forCookie: "cookie-1")
        #expect(signer.isValidCSRFToken(token, forCookie: "cookie-1"))
        #expect(!signer.isValidCSRFToken(token, forCookie: "cookie-2"))
        #expect(!signer.isValidCSRFToken("", forCookie: "cookie-1"))
        #expect(!signer.isValidCSRFToken("not base64 !", forCookie: "cookie-1"))
    }
}
