/// How severe an annotation is. `critical` exists only in the Cloud dialect; Data Center shows it as `HIGH`.
public enum AnnotationSeverity: String, Sendable, CaseIterable, Comparable {
    case low = "LOW"
    case medium = "MEDIUM"
    case high = "HIGH"
    case critical = "CRITICAL"

    /// The rank used to order annotations by importance: `low` is 0, `critical` 3.
    public var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
