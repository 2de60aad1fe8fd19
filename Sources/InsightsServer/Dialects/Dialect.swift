import Hummingbird
import InsightsCore

/// One public dialect of the API: the path prefixes it owns, its routes, and how it renders errors.
///
/// The application builder registers its dialects as a list (see ``buildRouter(configuration:store:registry:)``):
/// each gets a router group per base path, behind authentication, and ``DialectErrorMiddleware`` renders every
/// error under a prefix (unmatched paths included) in the body of the dialect that owns it.
protocol Dialect: Sendable {
    /// The path prefixes the dialect answers on, e.g. `/rest/insights/latest`.
    var basePaths: [String] { get }

    /// Adds the dialect's routes to a group rooted at one of ``basePaths``.
    func register(on group: RouterGroup<InsightsRequestContext>)

    /// The error to throw for `error`: one that renders the dialect's own body and status.
    func httpError(for error: InsightsError) -> any HTTPResponseError
}

extension Dialect {
    /// Whether the dialect owns `path`: it is one of the base paths or lies below one.
    func owns(_ path: String) -> Bool {
        isPath(path, under: basePaths)
    }
}

/// Whether `path` is one of `bases` or lies below one (`/2.0/x` lies below `/2.0`, `/2.0x` does not).
func isPath(_ path: String, under bases: [String]) -> Bool {
    bases.contains { base in
        path == base || (path.hasPrefix(base) && path.utf8.dropFirst(base.utf8.count).first == UInt8(ascii: "/"))
    }
}
