public import Foundation
public import InsightsCore

/// Names one report of a commit or one annotation of a report, the ways the dialects address them.
///
/// Data Center names reports by key and annotations by external id. Cloud paths carry "either the uuid or the
/// external id" (D53): a value in uuid form is looked up as a uuid first and as an external id second, and since
/// uuids are never chosen by clients, such a value never creates anything.
public enum ItemSelector<ExternalID: Hashable & Sendable>: Hashable, Sendable, CustomStringConvertible {
    /// The caller-chosen id: a report key or an annotation's external id.
    case externalID(ExternalID)
    /// The uuid the server generated.
    case uuid(UUID)
    /// A uuid-form path value: the item with that uuid, else the one whose external id is the value as written.
    case uuidOrExternalID(UUID, ExternalID)

    /// The uuid to try first, if any.
    public var uuid: UUID? {
        switch self {
        case .externalID: nil
        case .uuid(let uuid), .uuidOrExternalID(let uuid, _): uuid
        }
    }

    /// The external id to try (after the uuid), if any.
    public var externalID: ExternalID? {
        switch self {
        case .externalID(let id), .uuidOrExternalID(_, let id): id
        case .uuid: nil
        }
    }

    /// The external id a write may create an item under: only a plain ``externalID(_:)`` creates.
    public var creatableExternalID: ExternalID? {
        if case .externalID(let id) = self { return id }
        return nil
    }

    public var description: String {
        switch self {
        case .externalID(let id): "\(id)"
        case .uuid(let uuid): uuid.uuidString.lowercased()
        case .uuidOrExternalID(_, let id): "\(id)"
        }
    }
}

/// Names a report of a commit: by key or by uuid.
public typealias ReportSelector = ItemSelector<InsightKey>

/// Names an annotation of a report: by external id or by uuid.
public typealias AnnotationSelector = ItemSelector<String>
