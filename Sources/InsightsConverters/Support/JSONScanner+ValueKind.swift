extension JSONScanner {
    /// The type of a JSON value, as told by its first byte.
    enum ValueKind: Equatable {
        case object, array, string, number, bool, null

        /// The kind of the value starting with `first`.
        ///
        /// - Parameter first: the value's first byte.
        /// - Returns: `nil` when no JSON value starts with that byte.
        init?(first: UInt8) {
            switch first {
            case UInt8(ascii: "{"): self = .object
            case UInt8(ascii: "["): self = .array
            case UInt8(ascii: "\""): self = .string
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): self = .number
            case UInt8(ascii: "t"), UInt8(ascii: "f"): self = .bool
            case UInt8(ascii: "n"): self = .null
            default: return nil
            }
        }

        /// The kind with an article, for error messages: `an object`, `a string`, `null`.
        var phrase: String {
            switch self {
            case .object: "an object"
            case .array: "an array"
            case .string: "a string"
            case .number: "a number"
            case .bool: "a boolean"
            case .null: "null"
            }
        }
    }
}
