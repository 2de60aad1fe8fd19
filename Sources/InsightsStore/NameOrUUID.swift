public import Foundation

/// A project (workspace) or repository as a Cloud path names it: by slug, or by its uuid in braces (D52).
public enum NameOrUUID: Hashable, Sendable, CustomStringConvertible {
    /// The project key or repository slug, matched case-insensitively.
    case name(String)
    /// The uuid the store gave the project or repository when it was created.
    case uuid(UUID)

    public var description: String {
        switch self {
        case .name(let name): name
        case .uuid(let uuid): "{\(uuid.uuidString.lowercased())}"
        }
    }
}
