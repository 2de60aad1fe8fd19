import InsightsCore

/// One step of the trail in the top bar.
struct BreadcrumbView: Sendable {
    /// The text.
    let label: String
    /// Where it leads.
    let url: String

    /// The trail to a repository: the repositories list, then the repository.
    ///
    /// - Parameters:
    ///   - ref: the repository.
    ///   - paths: the URLs.
    /// - Returns: two steps.
    static func trail(to ref: RepositoryRef, paths: WebPaths) -> [BreadcrumbView] {
        [
            BreadcrumbView(label: "Repositories", url: paths.repositories),
            BreadcrumbView(label: ref.description, url: paths.repository(ref)),
        ]
    }
}
