/// A level of access to a repository, granted on a project or a repository. Higher levels include lower ones.
public enum Permission: String, Sendable, CaseIterable, Comparable {
    case read
    case write
    case admin

    private var rank: Int {
        switch self {
        case .read: 0
        case .write: 1
        case .admin: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
