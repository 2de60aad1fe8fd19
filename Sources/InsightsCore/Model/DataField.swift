/// One of the typed values shown on a report card.
public struct DataField: Hashable, Sendable {
    /// What the value represents.
    public var title: String
    /// The declared type; `nil` when the value is a plain primitive.
    public var type: DataFieldType?
    /// The value, already checked against ``type``.
    public var value: DataValue

    /// Creates a data field; use ``DataField/validated(title:type:value:linkTextKey:at:)`` for untrusted input.
    public init(title: String, type: DataFieldType?, value: DataValue) {
        self.title = title
        self.type = type
        self.value = value
    }
}
