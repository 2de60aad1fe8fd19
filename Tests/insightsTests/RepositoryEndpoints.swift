import Foundation

/// The URLs of repository `PROJ/my-repo` at one commit on one running server, in both dialects.
struct RepositoryEndpoints: Sendable {
    /// The server's `http://127.0.0.1:PORT`.
    let baseURL: String
    /// The commit the reports belong to.
    let commit: String

    /// `GET /status`.
    var status: String { "\(baseURL)/status" }

    /// Data Center's commit-wide annotation query.
    var commitAnnotations: String { "\(commitURL(in: .dataCenter))/annotations" }

    /// The report `key` (Cloud: `external_id`).
    func report(_ key: String, in dialect: WireDialect) -> String {
        "\(commitURL(in: dialect))/reports/\(key)"
    }

    /// The annotations of the report `key`.
    func annotations(ofReport key: String, in dialect: WireDialect) -> String {
        "\(report(key, in: dialect))/annotations"
    }

    private func commitURL(in dialect: WireDialect) -> String {
        switch dialect {
        case .dataCenter: "\(baseURL)/rest/insights/latest/projects/PROJ/repos/my-repo/commits/\(commit)"
        case .cloud: "\(baseURL)/2.0/repositories/PROJ/my-repo/commit/\(commit)"
        }
    }
}
