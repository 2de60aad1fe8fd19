import Hummingbird
import HummingbirdCore
import InsightsCore

/// The path parameters of the pull-request routes: the repository, as for the insights routes, and a pull request
/// id.
struct PullRequestPath {
    let parameters: Parameters

    /// The repository (`notFound` for names that cannot exist).
    func repository() throws -> RepositoryRef {
        try DataCenterPath(parameters: parameters).repository()
    }

    /// The pull request id: a positive whole number (`notFound` otherwise, as for any unknown pull request).
    func pullRequestID() throws -> Int {
        let text = try parameters.require("pullRequestId")
        guard let id = Int(text), id > 0 else {
            throw InsightsError.notFound("Pull request \(text) does not exist.")
        }
        return id
    }
}

extension FlatDictionary<Substring, Substring> {
    /// The optional `version` query parameter of a state change.
    func pullRequestVersion() throws -> Int? {
        guard let text = get("version") else { return nil }
        guard let version = Int(text), version >= 0 else {
            throw InsightsError.invalidValue(FieldPath("version"), "'version' must be a whole number.")
        }
        return version
    }
}
