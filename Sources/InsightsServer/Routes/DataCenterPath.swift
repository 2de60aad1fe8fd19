import Hummingbird
import InsightsCore
import InsightsStore

/// Reads and validates the path parameters of the Data Center routes.
struct DataCenterPath {
    let parameters: Parameters

    /// The repository named by `{projectKey}` and `{repositorySlug}`; a malformed one does not exist.
    ///
    /// - Throws: ``InsightsError`` (`invalid`) for a segment that is not valid percent-encoding or holds U+0000,
    ///   (`notFound`) for a name no repository can have.
    func repository() throws -> RepositoryRef {
        let projectKey = try segment("projectKey")
        let slug = try segment("repositorySlug")
        do {
            return try RepositoryRef(projectKey: projectKey, slug: slug)
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

    /// A path parameter, percent-decoded by ``PathSegment/decoded(_:field:)``.
    ///
    /// - Throws: ``InsightsError`` (`invalid`, field `name`) for invalid percent-encoding or U+0000.
    private func segment(_ name: String) throws -> String {
        try PathSegment.decoded(try parameters.require(name), field: FieldPath(name))
    }
}
