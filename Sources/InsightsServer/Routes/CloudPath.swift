import Foundation
import Hummingbird
import InsightsCore
import InsightsStore
import InsightsWire

/// Reads and validates the path parameters of the Cloud routes.
///
/// `{workspace}` and `{repo_slug}` are a slug or a uuid in braces (D52); `{reportId}` and `{annotationId}` are a
/// uuid in braces, tried first, or an external id (D53). Braces may be literal or percent-encoded.
struct CloudPath {
    let parameters: Parameters

    /// The workspace and repository, each by name or uuid, for ``InsightsService/repository(project:repository:for:)``.
    func repositoryNames() throws -> (project: NameOrUUID, repository: NameOrUUID) {
        (Self.nameOrUUID(try segment("workspace")), Self.nameOrUUID(try segment("repo_slug")))
    }

    /// The commit named by `{commit}`.
    func commit() throws -> CommitID {
        try CommitID(try segment("commit"))
    }

    /// The report named by `{reportId}`.
    func report() throws -> ReportSelector {
        let id = try segment("reportId")
        let key = try InsightKey(id)
        if let uuid = Self.bracedUUID(id) { return .uuidOrExternalID(uuid, key) }
        return .externalID(key)
    }

    /// The annotation named by `{annotationId}`.
    func annotation() throws -> AnnotationSelector {
        let id = try segment("annotationId")
        guard !id.isEmpty else { throw InsightsError.missingField(FieldPath("externalId")) }
        if let uuid = Self.bracedUUID(id) { return .uuidOrExternalID(uuid, id) }
        return .externalID(id)
    }

    /// A path parameter, percent-decoded by ``PathSegment/decoded(_:field:)``.
    ///
    /// - Throws: ``InsightsError`` (`invalid`, field `name`: Cloud's parameter name) for invalid percent-encoding or
    ///   U+0000.
    private func segment(_ name: String) throws -> String {
        try PathSegment.decoded(try parameters.require(name), field: FieldPath(name))
    }

    /// A uuid in braces, or `nil` for any other text.
    private static func bracedUUID(_ text: String) -> UUID? {
        guard text.hasPrefix("{"), text.hasSuffix("}") else { return nil }
        return CloudUUID.parse(text)
    }

    private static func nameOrUUID(_ text: String) -> NameOrUUID {
        bracedUUID(text).map(NameOrUUID.uuid) ?? .name(text)
    }
}
