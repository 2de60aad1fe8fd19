/// The result of a create-or-replace write.
public struct PutOutcome<Value: Sendable>: Sendable {
    /// The stored value after the write.
    public var value: Value
    /// Whether the write created the value (`false`: it replaced an existing one).
    public var isCreated: Bool

    /// Creates an outcome.
    public init(value: Value, isCreated: Bool) {
        self.value = value
        self.isCreated = isCreated
    }
}
