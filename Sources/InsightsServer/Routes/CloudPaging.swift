import HTTPTypes
import Hummingbird
import HummingbirdCore
import InsightsCore
import InsightsWire

/// Cloud's `page`/`pagelen` paging: `page` is 1-based and defaults to 1, `pagelen` defaults to 10 and is capped at
/// 100; a page or page length below 1, or one that is not a whole number, is a 400. `next` and `previous` are
/// absolute URLs built from the request.
struct CloudPaging {
    /// The 1-based page number.
    let page: Int
    /// The effective page length.
    let pagelen: Int

    /// Reads the paging parameters of a request.
    ///
    /// - Throws: ``InsightsError`` (`invalid`) naming `page` or `pagelen`.
    init(query: FlatDictionary<Substring, Substring>) throws {
        page = try Self.positive(query, "page") ?? 1
        let requested = try Self.positive(query, "pagelen") ?? CloudPage<CloudReport>.defaultPageLength
        pagelen = min(requested, CloudPage<CloudReport>.maxPageLength)
    }

    /// The store window of the page.
    var request: PageRequest {
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: pagelen)
        return PageRequest(offset: overflow ? Int(Int32.max) : offset, limit: pagelen)
    }

    /// Builds the envelope of a store page, with `next` and `previous` URLs for `request`.
    func envelope<Element, Value>(
        _ stored: Page<Element>, for request: Request, transform: (Element) -> Value
    ) -> CloudPage<Value> {
        CloudPage(stored, pageNumber: page, pagelen: pagelen, url: { url(of: $0, for: request) }, transform: transform)
    }

    /// The absolute URL of page `number`: the request's scheme and host (`X-Forwarded-Proto` and `X-Forwarded-Host`
    /// when a proxy sets them), path and other query parameters, with `page` and `pagelen` set.
    private func url(of number: Int, for request: Request) -> String {
        // Behind a proxy (`insights proxy`, a load balancer), the links name what the client asked for.
        let forwardedProto = HTTPField.Name("X-Forwarded-Proto").flatMap { request.headers[$0] }
        let forwardedHost = HTTPField.Name("X-Forwarded-Host").flatMap { request.headers[$0] }
        let scheme = forwardedProto == "https" ? "https" : "http"
        let host = forwardedHost ?? request.head.authority ?? "localhost"
        // The other parameters as the client wrote them (still percent-encoded).
        var items = (request.uri.query ?? "").split(separator: "&").filter { item in
            let name = item.prefix { $0 != "=" }
            return !name.isEmpty && name != "page" && name != "pagelen"
        }.map(String.init)
        items.append("pagelen=\(pagelen)")
        items.append("page=\(number)")
        return "\(scheme)://\(host)\(request.uri.path)?\(items.joined(separator: "&"))"
    }

    private static func positive(_ query: FlatDictionary<Substring, Substring>, _ name: String) throws -> Int? {
        guard let text = query.get(name) else { return nil }
        guard let value = Int(text), value >= 1 else {
            throw InsightsError.invalidValue(FieldPath(name), "'\(name)' must be a whole number of at least 1.")
        }
        return value
    }
}
