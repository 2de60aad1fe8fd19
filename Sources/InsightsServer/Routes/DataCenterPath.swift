import Hummingbird
import InsightsCore
import InsightsStore

/// Reads and validates the path parameters of the Data Center routes.
struct DataCenterPath {
    let parameters: Parameters

    /// The repository named by `{projectKey}` and `{repositorySlug}`; a malformed one does not exist.
    func repository() throws -> RepositoryRef {
        do {
            return try RepositoryRef(projectKey: try segment("projectKey"), slug: try segment("repositorySlug"))
        } catch {
            throw InsightsError.notFound(
                "Repository \(parameters.get("projectKey") ?? "")/\(parameters.get("repositorySlug") ?? "") does not exist."
            )
        }
    }

    /// The commit named by `{commitId}`.
    func commit() throws -> CommitID {
        try CommitID(try segment("commitId"))
    }

    /// The report addressed by the path.
    func report() throws -> ReportAddress {
        ReportAddress(repository: try repository(), commit: try commit(), key: try InsightKey(try segment("key")))
    }

    /// The `{externalId}` segment.
    func externalID() throws -> String {
        try segment("externalId")
    }

    /// A path parameter, percent-decoded; one that is not valid percent-encoding is taken as written.
    private func segment(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        return raw.percentDecoded ?? raw
    }
}
