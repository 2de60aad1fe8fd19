/// The sign-in form: user name and password or personal access token, with the session's CSRF token.
///
/// The form posts `username`, `password`, `_csrf` and, when given, `returnTo` to ``WebPaths/signIn``.
public struct SignInPage: Sendable {
    /// The frame: title and breadcrumbs.
    let layout: LayoutView
    /// Where the form posts.
    let actionURL: String
    /// The token of the hidden `_csrf` field.
    let csrfToken: String
    /// The user name filled in.
    let userName: String
    /// Why the last attempt failed, if it did.
    let errorMessage: String?
    /// Where to go after signing in (a path of this server, checked by the server).
    let returnTo: String?

    /// Builds the page.
    ///
    /// - Parameters:
    ///   - chrome: paths and the CSRF token (nobody is signed in).
    ///   - userName: the name to fill in again after a failed attempt.
    ///   - errorMessage: why the last attempt failed.
    ///   - returnTo: where to go after signing in.
    public init(chrome: PageChrome, userName: String = "", errorMessage: String? = nil, returnTo: String? = nil) {
        layout = chrome.layout(title: "Sign in")
        actionURL = chrome.paths.signIn
        csrfToken = chrome.csrfToken
        self.userName = userName
        self.errorMessage = errorMessage
        self.returnTo = returnTo
    }
}
