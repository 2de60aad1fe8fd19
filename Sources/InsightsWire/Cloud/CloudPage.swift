public import InsightsCore

/// Cloud's paginated envelope: `values`, `page` (1-based), `pagelen`, `size` (the total), and `next`/`previous`
/// absolute URLs only when such a page exists (D62).
public struct CloudPage<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var values: [Value]
    public var page: Int?
    public var pagelen: Int?
    public var size: Int?
    public var next: String?
    public var previous: String?

    /// The default page length.
    public static var defaultPageLength: Int { 10 }
    /// The largest page length a client may ask for.
    public static var maxPageLength: Int { 100 }

    /// Creates an envelope from its parts.
    public init(
        values: [Value], page: Int? = nil, pagelen: Int? = nil, size: Int? = nil, next: String? = nil,
        previous: String? = nil
    ) {
        self.values = values
        self.page = page
        self.pagelen = pagelen
        self.size = size
        self.next = next
        self.previous = previous
    }

    /// Builds the envelope for a store page.
    ///
    /// - Parameters:
    ///   - page: the store's page, fetched at offset `(pageNumber - 1) * pagelen`.
    ///   - pageNumber: the 1-based page number of the request.
    ///   - pagelen: the effective page length.
    ///   - url: the absolute URL of a given page number, keeping the request's `pagelen`.
    ///   - transform: encodes one element.
    public init<Element>(
        _ page: Page<Element>, pageNumber: Int, pagelen: Int, url: (Int) -> String, transform: (Element) -> Value
    ) {
        values = page.values.map(transform)
        self.page = pageNumber
        self.pagelen = pagelen
        size = page.total
        next = page.hasMore ? url(pageNumber + 1) : nil
        previous = pageNumber > 1 ? url(pageNumber - 1) : nil
    }
}
