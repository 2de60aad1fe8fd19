import InsightsCore
import InsightsStore

/// Finds the addressed repository and checks the principal's access to it, the same way for every dialect.
struct RepositoryGate<Store: InsightsStore>: Sendable {
    let store: Store

    /// Resolves the repository and authorizes `action`.
    ///
    /// A repository that does not exist answers 401 to anonymous callers (so its existence is not revealed) and
    /// 404 to signed-in ones.
    ///
    /// - Returns: the caller, with its standing, for the store's in-transaction checks.
    func caller(_ ref: RepositoryRef, for action: RepositoryAction, principal: Principal) async throws -> Caller {
        guard let (_, access) = try await store.repository(ref, accessFor: principal.userID) else {
            if principal == .anonymous { throw InsightsError.unauthenticated }
            throw InsightsError.notFound("Repository \(ref) does not exist.")
        }
        try AccessPolicy.authorize(action, by: principal, on: access)
        return Caller(principal: principal, access: access)
    }
}
