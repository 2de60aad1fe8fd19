public import InsightsCore

/// Data Center's paged envelope: `size`, `limit`, `start`, `isLastPage`, `values`, and `nextPageStart` only when
/// another page follows.
public struct DataCenterPage<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var size: Int
    public var limit: Int
    public var start: Int
    public var isLastPage: Bool
    public var values: [Value]
    public var nextPageStart: Int?

    /// Builds the envelope for a store page.
    ///
    /// - Parameters:
    ///   - page: the store's page.
    ///   - limit: the effective limit of the request.
    ///   - transform: encodes one element.
    public init<Element>(_ page: Page<Element>, limit: Int, transform: (Element) -> Value) {
        values = page.values.map(transform)
        size = values.count
        self.limit = limit
        start = page.offset
        isLastPage = !page.hasMore
        nextPageStart = page.hasMore ? page.offset + values.count : nil
    }
}
