/// Who is making a request, after authentication.
public enum Principal: Hashable, Sendable {
    /// No credentials were presented.
    case anonymous
    /// An authenticated user. A token may cap the user's repository permission (`tokenCeiling`).
    case user(UserID, isSystemAdmin: Bool, tokenCeiling: Permission?)

    /// The user id, when authenticated.
    public var userID: UserID? {
        if case .user(let id, _, _) = self { return id }
        return nil
    }
}
