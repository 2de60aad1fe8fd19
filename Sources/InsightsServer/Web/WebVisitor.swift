/// Who looks at a web page: the signed-in user's name and the CSRF token of the page's forms.
struct WebVisitor: Sendable {
    /// The signed-in user's name; `nil` for an anonymous visitor (or one authenticated by an `Authorization` header
    /// alone, who has no session to sign out of).
    var userName: String?
    /// The token every form of the page posts back.
    var csrfToken = ""
    /// The browser's new CSRF cookie, when this request had none; set on the response.
    var newCSRFCookie: String?
}
