/// A branch name, validated by git's own rules for reference names (`git check-ref-format --branch`).
///
/// Written and read without `refs/heads/`; ``init(_:)`` accepts either form, as Bitbucket's `fromRef.id` does.
public struct BranchName: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The name without `refs/heads/`, e.g. `feature/login`.
    public let rawValue: String

    /// The longest name accepted, in UTF-8 bytes.
    public static let maxLength = 255

    /// Validates a branch name.
    ///
    /// - Parameters:
    ///   - text: `main`, `feature/x` or `refs/heads/feature/x`.
    ///   - field: the field named in the error.
    /// - Throws: `invalid` for a name git would refuse: empty, longer than ``maxLength``, a component that starts
    ///   with `.` or ends with `.lock`, `..`, `@{`, `//`, control characters, space, `~ ^ : ? * [ \`, a leading `-`
    ///   or `/`, a trailing `/` or `.`, or the name `@`.
    public init(_ text: String, field: FieldPath = FieldPath("branch")) throws(InsightsError) {
        let name = text.hasPrefix("refs/heads/") ? String(text.dropFirst("refs/heads/".count)) : text
        guard Self.isValid(name) else {
            throw .invalidValue(field, "'\(text)' is not a valid branch name.")
        }
        rawValue = name
    }

    /// The full reference, `refs/heads/<name>`.
    public var reference: String { "refs/heads/" + rawValue }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= maxLength, name != "@" else { return false }
        guard !name.hasPrefix("-"), !name.hasPrefix("/"), !name.hasSuffix("/"), !name.hasSuffix(".") else {
            return false
        }
        guard !name.contains(".."), !name.contains("@{"), !name.contains("//") else { return false }
        let forbidden: Set<UInt8> = Set(" ~^:?*[\\".utf8)
        guard name.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F && !forbidden.contains($0) }) else { return false }
        return name.split(separator: "/").allSatisfy { component in
            !component.hasPrefix(".") && !component.hasSuffix(".lock")
        }
    }
}
