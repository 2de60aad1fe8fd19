import Foundation
import HTTPTypes
import HummingbirdTesting
import InsightsCore
import InsightsSQLite
import InsightsStore
import InsightsWeb
import NIOCore
import Testing

@testable import InsightsServer

/// The web UI through the router: sign-in with CSRF, sessions across instances, permissions, HTML errors, the
/// security headers, and the pull request page on the fixture repository.
@Suite struct WebRoutesTests {
    /// A browser's cookies, as `Cookie` header text.
    struct Browser {
        var cookies: [String: String] = [:]

        var headers: HTTPFields {
            var headers = HTTPFields()
            if !cookies.isEmpty {
                headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                    separator: "; ")
            }
            return headers
        }

        /// Keeps the cookies a response sets (`Max-Age=0` removes one).
        mutating func keep(_ response: TestResponse) {
            for field in response.headers[values: .setCookie] {
                let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
                let name = String(pair[0])
                let value = pair.count > 1 ? String(pair[1]) : ""
                if field.contains("Max-Age=0") || value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
            }
        }
    }

    private static func csrf(in html: String) throws -> String {
        let marker = #"name="_csrf" value=""#
        let start = try #require(html.range(of: marker)).upperBound
        return String(html[start...].prefix { $0 != "\"" })
    }

    private static func form(_ fields: [String: String]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return ByteBuffer(
            string: fields.map {
                "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
            }.joined(separator: "&"))
    }

    private static func post(
        _ client: some TestClientProtocol, _ path: String, _ fields: [String: String], browser: Browser
    ) async throws -> TestResponse {
        var headers = browser.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: path, method: .post, headers: headers, body: form(fields))
    }

    /// Opens the sign-in form, then signs in; returns the browser with its session.
    private static func signIn(
        _ client: some TestClientProtocol, user: String, secret: String, returnTo: String? = nil
    ) async throws -> (Browser, TestResponse) {
        var browser = Browser()
        let form = try await client.execute(uri: "/sign-in", method: .get, headers: browser.headers)
        browser.keep(form)
        var fields = ["username": user, "password": secret, "_csrf": try csrf(in: form.text)]
        if let returnTo { fields["returnTo"] = returnTo }
        let response = try await post(client, "/sign-in", fields, browser: browser)
        browser.keep(response)
        return (browser, response)
    }

    @Test func signingInNeedsTheFormsTokenAndOpensASession() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let anonymous = try await client.execute(uri: "/projects/PROJ/repos/repo", method: .get)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/sign-in?returnTo=/projects/PROJ/repos/repo")

            let forged = try await Self.post(
                client, "/sign-in", ["username": "alice", "password": "alice", "_csrf": "x"], browser: Browser())
            #expect(forged.status == .forbidden)
            #expect(forged.headers[.contentType] == "text/html; charset=utf-8")
            #expect(forged.headers[.setCookie] == nil || !forged.text.contains("insights_session"))

            let (_, wrong) = try await Self.signIn(client, user: "alice", secret: "nope")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("Wrong user name, password or token."))

            let (browser, signedIn) = try await Self.signIn(
                client, user: "alice", secret: "alice", returnTo: "/projects/PROJ/repos/repo")
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/projects/PROJ/repos/repo")
            let setCookie = signedIn.headers[values: .setCookie].first { $0.hasPrefix("insights_session=") } ?? ""
            #expect(
                setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && setCookie.contains("Path=/"))
            let page = try await client.execute(
                uri: "/projects/PROJ/repos/repo", method: .get, headers: browser.headers)
            #expect(page.status == .ok)
            #expect(page.text.contains("alice"))

            let outForm = try Self.csrf(in: page.text)
            var signedOut = browser
            signedOut.keep(try await Self.post(client, "/sign-out", ["_csrf": outForm], browser: browser))
            #expect(signedOut.cookies["insights_session"] == nil)
            let after = try await client.execute(
                uri: "/projects/PROJ/repos/repo", method: .get, headers: signedOut.headers)
            #expect(after.status == .seeOther)
        }
    }

    @Test func aReturnPathNeverLeavesTheServer() {
        let paths = WebPaths()
        #expect(WebResponses.returnPath("/projects/P/repos/r", paths: paths) == "/projects/P/repos/r")
        for hostile in ["//evil.example", "https://evil.example", "/\\evil.example", "evil", "", "/a\nb", nil] {
            #expect(WebResponses.returnPath(hostile, paths: paths) == "/", "\(String(describing: hostile))")
        }
    }

    @Test func aSessionIsValidOnEveryInstanceOfTheStoreUntilItsTokenGoes() async throws {
        let server = try await TestServer.make()
        let (browser, _) = try await server.test { client in
            try await Self.signIn(client, user: "bob", secret: server.tokens["bob"] ?? "")
        }
        // A second router over the same database: another server instance.
        try await server.test { client in
            let page = try await client.execute(
                uri: "/projects/PROJ/repos/repo", method: .get, headers: browser.headers)
            #expect(page.status == .ok)
        }
        try await server.store.deleteToken(named: "test", forUserNamed: "bob")
        try await server.test { client in
            let page = try await client.execute(
                uri: "/projects/PROJ/repos/repo", method: .get, headers: browser.headers)
            #expect(page.status == .seeOther)
        }
    }

    @Test func aPasswordChangeEndsPasswordSessions() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let (browser, _) = try await Self.signIn(client, user: "alice", secret: "alice")
            try await server.store.setPasswordHash(
                "$2b$04$changedchangedchangedchangedchangedchangedchangedchang", forUserNamed: "alice")
            let page = try await client.execute(
                uri: "/projects/PROJ/repos/repo", method: .get, headers: browser.headers)
            #expect(page.status == .seeOther)
        }
    }

    @Test func pagesNeedReadAndAnswerHTMLErrorsWithTheSecurityHeaders() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let (carol, _) = try await Self.signIn(client, user: "carol", secret: "carol")
            let list = try await client.execute(uri: "/", method: .get, headers: carol.headers)
            #expect(list.status == .ok)
            #expect(list.text.contains("pub/open") || list.text.contains("PUB/open") || list.text.contains("open"))
            #expect(!list.text.contains("proj/repo"))
            let forbidden = try await client.execute(
                uri: "/projects/PROJ/repos/repo", method: .get, headers: carol.headers)
            #expect(forbidden.status == .forbidden || forbidden.status == .notFound)
            #expect(forbidden.headers[.contentType] == "text/html; charset=utf-8")
            let missing = try await client.execute(
                uri: "/projects/PROJ/repos/none", method: .get, headers: carol.headers)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("<!DOCTYPE html>"))
            #expect(missing.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            #expect(missing.headers[.xContentTypeOptions] == "nosniff")
            let asset = try await client.execute(uri: "/assets/insights.js", method: .get)
            #expect(asset.status == .ok)
            #expect(asset.headers[.contentType] == "text/javascript; charset=utf-8")
            let noAsset = try await client.execute(uri: "/assets/nothing.js", method: .get)
            #expect(noAsset.status == .notFound)
        }
    }

    @Test func thePullRequestPageShowsThePlacedInsights() async throws {
        let fixture = try PullRequestRoutesTests.Fixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let server = try await TestServer.make()
        try await server.store.setGitRemote(
            fixture.directory.path, of: try RepositoryRef(projectKey: "PROJ", slug: "repo"))
        try await server.test { client in
            let opened = try await client.send(
                .post, "/rest/api/latest/projects/PROJ/repos/repo/pull-requests", headers: server.headers("alice"),
                json:
                    #"{"title":"Feature <i>x</i>","fromRef":{"id":"refs/heads/feature"},"toRef":{"id":"refs/heads/main"}}"#
            )
            #expect(opened.status == .created)
            let report = "/rest/insights/latest/projects/PROJ/repos/repo/commits/\(fixture.feature)/reports/lint"
            _ = try await client.send(
                .put, report, headers: server.headers("alice"),
                json: #"{"title":"Lint","result":"FAIL","data":[{"title":"Issues","type":"NUMBER","value":14300}]}"#)
            _ = try await client.send(
                .post, "\(report)/annotations", headers: server.headers("alice"),
                json:
                    #"{"annotations":[{"externalId":"a","path":"src/app.swift","line":5,"message":"<script>alert(1)</script>","severity":"HIGH"}]}"#
            )

            let (browser, _) = try await Self.signIn(client, user: "alice", secret: "alice")
            let page = try await client.execute(
                uri: "/projects/PROJ/repos/repo/pull-requests/1", method: .get, headers: browser.headers)
            #expect(page.status == .ok)
            #expect(page.text.contains("14.3k"))
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.text.contains("<script>alert(1)"))
            #expect(page.text.contains("Feature &lt;i&gt;x&lt;/i&gt;"))
            #expect(page.text.contains("data-events-url=\"/projects/proj/repos/repo/pull-requests/1/events\""))

            let list = try await client.execute(
                uri: "/projects/PROJ/repos/repo/pull-requests?state=OPEN", method: .get, headers: browser.headers)
            #expect(list.status == .ok)
            #expect(list.text.contains("/projects/proj/repos/repo/pull-requests/1"))
            let commit = try await client.execute(
                uri: "/projects/PROJ/repos/repo/commits/\(fixture.feature)", method: .get, headers: browser.headers)
            #expect(commit.status == .ok)
            #expect(commit.text.contains("Lint"))
            let unknown = try await client.execute(
                uri: "/projects/PROJ/repos/repo/commits/\(String(repeating: "e", count: 40))", method: .get,
                headers: browser.headers)
            #expect(unknown.status == .notFound)
            let repository = try await client.execute(
                uri: "/projects/PROJ/repos/repo", method: .get, headers: browser.headers)
            #expect(repository.text.contains("feature"))
        }
    }
}
