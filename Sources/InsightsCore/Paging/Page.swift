/// One window of an ordered list, with enough to build either dialect's envelope.
public struct Page<Element: Sendable>: Sendable {
    /// The items in the window, in list order.
    public var values: [Element]
    /// The offset the window started at.
    public var offset: Int
    /// Whether items follow this window.
    public var hasMore: Bool
    /// How many items the whole list holds.
    public var total: Int

    /// Creates a page.
    public init(values: [Element], offset: Int, hasMore: Bool, total: Int) {
        self.values = values
        self.offset = offset
        self.hasMore = hasMore
        self.total = total
    }
}
