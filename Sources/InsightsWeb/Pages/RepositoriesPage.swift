public import InsightsCore

/// The list of repositories the signed-in user (or an anonymous visitor) may read.
public struct RepositoriesPage: Sendable {
    /// One repository of the list.
    struct Entry: Sendable {
        /// The project key.
        let project: String
        /// The repository slug.
        let slug: String
        /// The repository's page.
        let url: String
    }

    /// The frame: title and breadcrumbs.
    let layout: LayoutView
    /// The repositories, by project, then slug.
    let repositories: [Entry]

    /// Builds the page.
    ///
    /// - Parameters:
    ///   - repositories: the readable repositories; shown sorted by project, then slug.
    ///   - chrome: paths, signed-in user and CSRF token.
    public init(repositories: [RepositoryRef], chrome: PageChrome) {
        layout = chrome.layout(title: "Repositories")
        self.repositories =
            repositories
            .sorted { ($0.projectKey, $0.slug) < ($1.projectKey, $1.slug) }
            .map { Entry(project: $0.projectKey, slug: $0.slug, url: chrome.paths.repository($0)) }
    }
}
