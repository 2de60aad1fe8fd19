/// Decides whether a principal may perform an action: a pure function of the facts, unit-tested as a matrix.
///
/// The rules follow Bitbucket: reading and creating reports needs repository read; a public repository is readable by
/// everyone and gives every signed-in user read; only a report's creator may replace it or change its annotations;
/// a report may be deleted by its creator or by a repository administrator; system administrators hold admin on every
/// repository. A token's ceiling caps the user's permission.
public enum AccessPolicy {
    /// Checks an action.
    ///
    /// - Parameters:
    ///   - action: what the caller wants to do.
    ///   - principal: who the caller is.
    ///   - access: the repository's visibility and the caller's grant.
    /// - Throws: ``InsightsError/authenticationRequired`` for an anonymous caller who needs to sign in, and a
    ///   `forbidden` error for a signed-in caller who may not.
    public static func authorize(
        _ action: RepositoryAction, by principal: Principal, on access: RepositoryAccess
    ) throws(InsightsError) {
        guard case .user(let userID, let isSystemAdmin, let ceiling) = principal else {
            if action == .read, access.isPublic { return }
            throw .authenticationRequired
        }
        var permission: Permission? = isSystemAdmin ? .admin : access.grant
        if permission == nil, access.isPublic { permission = .read }
        if let current = permission, let ceiling, ceiling < current { permission = ceiling }
        guard let permission else {
            throw .forbidden("You are not permitted to access this resource")
        }
        switch action {
        case .read, .createReport, .openPullRequest:
            return
        case .modifyReport(let creator):
            guard creator == userID else {
                throw .forbidden("Only the user who created this report may modify it or its annotations.")
            }
        case .deleteReport(let creator):
            guard creator == userID || permission == .admin else {
                throw .forbidden("Only the user who created this report, or a repository administrator, may delete it.")
            }
        case .declinePullRequest(let author):
            guard author == userID || permission >= .write else {
                throw .forbidden("Only the author of this pull request, or a user with write access, may decline it.")
            }
        case .write:
            guard permission >= .write else {
                throw .forbidden("You need write access to this repository.")
            }
        case .administer:
            guard permission >= .admin else {
                throw .forbidden("You need admin access to this repository.")
            }
        }
    }
}
