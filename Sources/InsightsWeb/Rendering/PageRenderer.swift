import Foundation
import Mustache

/// Renders the web UI's pages to HTML with the Mustache templates of this module, and holds its static assets.
///
/// Load it once at start-up and share it: it is an immutable value. Every value from reports, annotations and git
/// reaches the HTML through Mustache's `{{ }}`, which escapes it; links are only ever rendered for http(s) URLs.
///
/// ## Topics
/// - ``init()``
/// - ``render(_:)-(PullRequestPage)``
/// - ``asset(named:)``
public struct PageRenderer: Sendable {
    /// Every template, for partials and the layout.
    private let library: MustacheLibrary
    /// The templates of ``pageTemplates``, checked at load.
    private let templates: [String: MustacheTemplate]
    /// The assets by file name.
    private let assets: [String: WebAsset]

    /// The templates every page needs.
    static let pageTemplates = [
        "pull-request", "commit", "repositories", "repository", "pull-requests", "sign-in", "error", "layout",
        "annotation", "report-card", "diff-file", "commit-status", "pull-request-body", "page-shell",
    ]

    /// The static assets and their media types.
    static let assetTypes = [
        "insights.css": "text/css; charset=utf-8", "insights.js": "text/javascript; charset=utf-8",
    ]

    /// Loads the templates (`Templates/*.mustache`) and assets (`Assets/`) from the module's bundle.
    ///
    /// - Throws: ``WebRenderingError`` when a directory, template or asset is missing, or Mustache's
    ///   `MustacheTemplate.ParserError` for a template that does not parse.
    public init() throws {
        guard let resources = Bundle.module.resourceURL else { throw WebRenderingError.missingResources("Templates") }
        let templateDirectory = resources.appendingPathComponent("Templates", isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: templateDirectory.path) else {
            throw WebRenderingError.missingResources("Templates")
        }
        var library = MustacheLibrary()
        for name in names where name.hasSuffix(".mustache") {
            guard let data = FileManager.default.contents(atPath: templateDirectory.appendingPathComponent(name).path)
            else { throw WebRenderingError.missingTemplate(name) }
            try library.register(String(decoding: data, as: UTF8.self), named: String(name.dropLast(".mustache".count)))
        }
        self.library = library
        var templates: [String: MustacheTemplate] = [:]
        for name in Self.pageTemplates {
            guard let template = library.getTemplate(named: name) else { throw WebRenderingError.missingTemplate(name) }
            templates[name] = template
        }
        self.templates = templates
        let assetDirectory = resources.appendingPathComponent("Assets", isDirectory: true)
        var assets: [String: WebAsset] = [:]
        for (name, contentType) in Self.assetTypes {
            guard let data = FileManager.default.contents(atPath: assetDirectory.appendingPathComponent(name).path)
            else { throw WebRenderingError.missingAsset(name) }
            assets[name] = WebAsset(name: name, contentType: contentType, body: Array(data))
        }
        self.assets = assets
    }

    /// The pull request page.
    public func render(_ page: PullRequestPage) -> String { render(page, template: "pull-request") }

    /// The pull request page's content without its frame: everything but the visitor's name and CSRF token, so a
    /// server can render it once per placement and frame it per request with ``render(_:body:)``.
    public func renderBody(_ page: PullRequestPage) -> String { render(page, template: "pull-request-body") }

    /// The pull request page around a content that ``renderBody(_:)`` rendered for the same pull request, framed
    /// with this page's chrome (its visitor and CSRF token): the same HTML as ``render(_:)-(PullRequestPage)``.
    public func render(_ page: PullRequestPage, body: String) -> String {
        render(PageShell(layout: page.layout, body: body), template: "page-shell")
    }

    /// A commit page.
    public func render(_ page: CommitPage) -> String { render(page, template: "commit") }

    /// The list of repositories.
    public func render(_ page: RepositoriesPage) -> String { render(page, template: "repositories") }

    /// A repository's branches and recent commits.
    public func render(_ page: RepositoryPage) -> String { render(page, template: "repository") }

    /// A repository's pull requests in one state.
    public func render(_ page: PullRequestsPage) -> String { render(page, template: "pull-requests") }

    /// The sign-in form.
    public func render(_ page: SignInPage) -> String { render(page, template: "sign-in") }

    /// An error page.
    public func render(_ page: ErrorPage) -> String { render(page, template: "error") }

    /// A static asset by file name.
    ///
    /// - Parameter name: `insights.css` or `insights.js`, as in ``WebPaths/asset(_:)``.
    /// - Returns: the asset, or `nil` for any other name.
    public func asset(named name: String) -> WebAsset? { assets[name] }

    /// The frame of a page and its content, rendered before.
    private struct PageShell: Sendable {
        let layout: LayoutView
        let body: String
    }

    private func render(_ page: some Sendable, template name: String) -> String {
        templates[name]?.render(page, library: library) ?? ""
    }
}
