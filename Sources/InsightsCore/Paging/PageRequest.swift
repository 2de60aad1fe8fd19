/// A window onto an ordered list: skip `offset` items, return at most `limit`. Each dialect maps its own paging on it.
public struct PageRequest: Hashable, Sendable {
    /// Items to skip from the start.
    public var offset: Int
    /// Most items to return; at least 1.
    public var limit: Int

    /// Creates a window; negative offsets become 0 and limits below 1 become 1.
    public init(offset: Int, limit: Int) {
        self.offset = max(0, offset)
        self.limit = max(1, limit)
    }
}
