/// Names a repository as both dialects address it: a project key (Cloud: workspace) and a repository slug.
///
/// Matching is case-insensitive, as Bitbucket's is: the store keeps both parts in lower case, so `PROJ/Repo` and
/// `proj/repo` are one repository. ``displayProjectKey`` keeps the spelling it was created with.
public struct RepositoryRef: Hashable, Sendable, CustomStringConvertible {
    /// The project key (Data Center) or workspace slug (Cloud), lower-cased.
    public let projectKey: String
    /// The repository slug, lower-cased.
    public let slug: String

    /// Creates a reference, validating both parts.
    ///
    /// - Parameters:
    ///   - projectKey: letters, digits, `_`, `-` and `.`; 1 to 128 characters.
    ///   - slug: letters, digits, `_`, `-` and `.`; 1 to 128 characters.
    /// - Throws: ``InsightsError`` (`invalid`) naming the offending part.
    public init(projectKey: String, slug: String) throws(InsightsError) {
        self.projectKey = try Self.validated(projectKey, field: "projectKey")
        self.slug = try Self.validated(slug, field: "repositorySlug")
    }

    public var description: String { "\(projectKey)/\(slug)" }

    private static func validated(_ text: String, field: String) throws(InsightsError) -> String {
        let allowed = text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D || byte == 0x2E
        }
        guard !text.isEmpty, text.utf8.count <= 128, allowed else {
            throw .invalidValue(
                FieldPath(field), "Use 1 to 128 letters, digits, '_', '-' or '.'.")
        }
        return text.lowercased()
    }
}
