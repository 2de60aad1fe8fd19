/// The shared frame of every page (the `layout` template): head, top bar and the events URL.
struct LayoutView: Sendable {
    /// The page title, also the document's `<title>`.
    let title: String
    /// The repositories list.
    let homeURL: String
    /// `insights.css`.
    let stylesheetURL: String
    /// `insights.js`.
    let scriptURL: String
    /// The sign-in page.
    let signInURL: String
    /// Where the sign-out form posts.
    let signOutURL: String
    /// The signed-in user's name, `nil` for an anonymous visitor.
    let userName: String?
    /// The session's CSRF token for the sign-out form.
    let csrfToken: String
    /// The server-sent events the page's script subscribes to (`data-events-url` on `<body>`).
    let eventsURL: String?
    /// The trail to the page's parent.
    let breadcrumbs: [BreadcrumbView]
}
