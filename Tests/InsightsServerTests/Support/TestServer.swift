import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import InsightsCore
import InsightsSQLite
import InsightsServer
import InsightsStore
import Logging
import NIOCore
import Prometheus

/// A router over a fresh SQLite file, seeded with users of every standing, and helpers to call it.
///
/// Users (password = name, token in ``tokens``):
/// - `alice`: read on PROJ/repo, creates the reports in most tests;
/// - `bob`: read on PROJ/repo, another user with read;
/// - `carol`: no grant at all;
/// - `rita`: admin on project PROJ;
/// - `root`: system administrator.
/// Repositories: `PROJ/repo` (private), `PUB/open` (public).
struct TestServer {
    static let commit = "0123456789abcdef0123456789abcdef01234567"
    static let otherCommit = "fedcba9876543210fedcba9876543210fedcba98"
    static let users = ["alice", "bob", "carol", "rita", "root"]
    /// Cheap bcrypt hashes (cost 4) of each user's name, computed once for all tests.
    static let passwordHashes = Dictionary(uniqueKeysWithValues: users.map { ($0, Bcrypt.hash($0, cost: 4)) })

    let store: SQLiteStore
    let directory: URL
    let configuration: ServerConfiguration
    let tokens: [String: String]

    /// Creates the store and seeds it.
    static func make(
        maxAnnotationsPerReport: Int = 1000, maxBodyBytes: Int = ServerConfiguration.defaultMaxBodyBytes,
        responseCacheBytes: Int = ServerConfiguration.defaultResponseCacheBytes, environment: StoreEnvironment = .live
    ) async throws -> TestServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("insights-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(
            path: directory.appendingPathComponent("insights.sqlite").path, environment: environment, logger: nil)
        try await store.createProject(key: "proj", name: "Project")
        try await store.createProject(key: "pub", name: "Public")
        _ = try await store.createRepository(try RepositoryRef(projectKey: "PROJ", slug: "repo"), isPublic: false)
        _ = try await store.createRepository(try RepositoryRef(projectKey: "PUB", slug: "open"), isPublic: true)
        var tokens: [String: String] = [:]
        for name in users {
            _ = try await store.createUser(
                name: name, passwordHash: passwordHashes[name] ?? "", isSystemAdmin: name == "root")
            let secret = TokenSecret.make()
            _ = try await store.createToken(
                digest: TokenSecret.digest(secret), name: "test", forUserNamed: name, ceiling: .admin, expiresAt: nil)
            tokens[name] = secret
        }
        let repo = try RepositoryRef(projectKey: "PROJ", slug: "repo")
        try await store.grant(.read, toUserNamed: "alice", on: .repository(repo))
        try await store.grant(.read, toUserNamed: "bob", on: .repository(repo))
        try await store.grant(.admin, toUserNamed: "rita", on: .project("proj"))
        var configuration = ServerConfiguration()
        configuration.maxAnnotationsPerReport = maxAnnotationsPerReport
        configuration.maxBodyBytes = maxBodyBytes
        configuration.responseCacheBytes = responseCacheBytes
        configuration.dataDirectory = directory
        return TestServer(store: store, directory: directory, configuration: configuration, tokens: tokens)
    }

    /// Runs `body` against the router.
    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let router = try buildRouter(
            configuration: configuration, store: store, registry: PrometheusCollectorRegistry())
        let app = Application(router: router, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        return try await app.test(.router, body)
    }

    /// The Bearer header of a seeded user, or none for `nil`.
    func headers(_ user: String?) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let user, let token = tokens[user] { headers[.authorization] = "Bearer \(token)" }
        return headers
    }
}

/// URL builders for the Data Center dialect.
enum DC {
    static let base = "/rest/insights/latest/projects/PROJ/repos/repo/commits/\(TestServer.commit)"
    static let publicBase = "/rest/insights/latest/projects/PUB/repos/open/commits/\(TestServer.commit)"

    static func report(_ key: String = "report.key", base: String = base) -> String { "\(base)/reports/\(key)" }
    static func annotations(_ key: String = "report.key", base: String = base) -> String {
        "\(base)/reports/\(key)/annotations"
    }
}

/// URL builders for the Cloud dialect.
enum Cloud {
    static let base = "/2.0/repositories/PROJ/repo/commit/\(TestServer.commit)"
    static let publicBase = "/2.0/repositories/PUB/open/commit/\(TestServer.commit)"

    static func reports(base: String = base) -> String { "\(base)/reports" }
    static func report(_ id: String = "report.key", base: String = base) -> String { "\(base)/reports/\(id)" }
    static func annotations(_ id: String = "report.key", base: String = base) -> String {
        "\(base)/reports/\(id)/annotations"
    }
    static func annotation(_ annotationID: String, report id: String = "report.key", base: String = base) -> String {
        "\(base)/reports/\(id)/annotations/\(annotationID)"
    }

    /// A valid report body.
    static let reportBody = #"{"title":"t","details":"d","report_type":"BUG"}"#
    /// A valid annotation body without an external id.
    static let annotationBody = #"{"annotation_type":"BUG","summary":"s"}"#
}

extension TestClientProtocol {
    /// Sends a request with a JSON body given as text.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields, json: String? = nil) async throws
        -> TestResponse
    {
        try await execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    /// The body decoded as a JSON value, for shape assertions.
    func json() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(body.readableBytesView))
    }

    /// The body as text.
    var text: String { String(buffer: body) }
}

extension JSONValue {
    /// The value at an object key, or `nil`.
    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The elements of an array, or `[]`.
    var elements: [JSONValue] {
        if case .array(let array) = self { return array }
        return []
    }

    /// The members of an object, or `[:]`.
    var members: [String: JSONValue] {
        if case .object(let object) = self { return object }
        return [:]
    }

    /// The keys of an object, or `[]`.
    var keys: Set<String> {
        if case .object(let object) = self { return Set(object.keys) }
        return []
    }
}
