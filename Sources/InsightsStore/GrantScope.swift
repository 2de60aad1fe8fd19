public import InsightsCore

/// What a permission grant applies to: every repository of a project, or one repository.
public enum GrantScope: Hashable, Sendable {
    /// All repositories of the project with this (lower-cased) key.
    case project(String)
    /// One repository.
    case repository(RepositoryRef)
}
