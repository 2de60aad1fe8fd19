/// The location of a value inside a request body, in canonical (Data Center) field names.
///
/// Rendered as `annotations[3].severity`. Each dialect renames keys to its own spelling when it writes an error body
/// (see ``renamingKeys(_:)``).
public struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Hashable, Sendable {
        /// A JSON object key.
        case key(String)
        /// A JSON array index.
        case index(Int)
    }

    /// The steps from the root of the body.
    public let components: [Component]

    /// A path of object keys.
    ///
    /// - Parameter keys: the keys from the root, e.g. `"data", "title"`.
    public init(_ keys: String...) {
        components = keys.map(Component.key)
    }

    /// A path from explicit components.
    public init(components: [Component]) {
        self.components = components
    }

    /// The root of the body.
    public static let root = FieldPath(components: [])

    /// This path extended by an object key.
    public func appending(_ key: String) -> FieldPath {
        FieldPath(components: components + [.key(key)])
    }

    /// This path extended by an array index.
    public func appending(index: Int) -> FieldPath {
        FieldPath(components: components + [.index(index)])
    }

    /// This path with object keys renamed, e.g. `message` to `summary` for the Cloud dialect.
    ///
    /// - Parameter names: canonical key to dialect key; keys not in the table are kept.
    public func renamingKeys(_ names: [String: String]) -> FieldPath {
        FieldPath(
            components: components.map { component in
                if case .key(let key) = component, let renamed = names[key] { return .key(renamed) }
                return component
            })
    }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
