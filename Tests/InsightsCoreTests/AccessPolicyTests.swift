import InsightsCore
import Testing

/// The access policy as a matrix: every action for every kind of principal, on private and public repositories.
@Suite struct AccessPolicyTests {
    static let creator = UserID(1)
    static let other = UserID(2)

    enum Outcome: Equatable, Sendable {
        case allowed
        case unauthenticated
        case forbidden
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        let principal: Principal
        let access: RepositoryAccess
        /// Outcomes for read, createReport, modifyReport(creator), deleteReport(creator).
        let outcomes: [Outcome]
        var testDescription: String { name }
    }

    static func privateRepo(_ grant: Permission?) -> RepositoryAccess {
        RepositoryAccess(isPublic: false, grant: grant)
    }
    static func publicRepo(_ grant: Permission?) -> RepositoryAccess { RepositoryAccess(isPublic: true, grant: grant) }
    static func user(_ id: UserID, admin: Bool = false, ceiling: Permission? = nil) -> Principal {
        .user(id, isSystemAdmin: admin, tokenCeiling: ceiling)
    }

    static let rows: [Row] = [
        Row(
            name: "anonymous, private", principal: .anonymous, access: privateRepo(nil),
            outcomes: [.unauthenticated, .unauthenticated, .unauthenticated, .unauthenticated]),
        Row(
            name: "anonymous, public", principal: .anonymous, access: publicRepo(nil),
            outcomes: [.allowed, .unauthenticated, .unauthenticated, .unauthenticated]),
        Row(
            name: "no grant, private", principal: user(other), access: privateRepo(nil),
            outcomes: [.forbidden, .forbidden, .forbidden, .forbidden]),
        Row(
            name: "no grant, public", principal: user(other), access: publicRepo(nil),
            outcomes: [.allowed, .allowed, .forbidden, .forbidden]),
        Row(
            name: "other reader", principal: user(other), access: privateRepo(.read),
            outcomes: [.allowed, .allowed, .forbidden, .forbidden]),
        Row(
            name: "creator with read", principal: user(creator), access: privateRepo(.read),
            outcomes: [.allowed, .allowed, .allowed, .allowed]),
        Row(
            name: "other with write", principal: user(other), access: privateRepo(.write),
            outcomes: [.allowed, .allowed, .forbidden, .forbidden]),
        Row(
            name: "repository admin", principal: user(other), access: privateRepo(.admin),
            outcomes: [.allowed, .allowed, .forbidden, .allowed]),
        Row(
            name: "system admin without grant", principal: user(other, admin: true), access: privateRepo(nil),
            outcomes: [.allowed, .allowed, .forbidden, .allowed]),
        Row(
            name: "admin through a read-only token", principal: user(other, ceiling: .read),
            access: privateRepo(.admin),
            outcomes: [.allowed, .allowed, .forbidden, .forbidden]),
        Row(
            name: "creator through a read-only token", principal: user(creator, ceiling: .read),
            access: privateRepo(.admin), outcomes: [.allowed, .allowed, .allowed, .allowed]),
    ]

    static func outcome(_ action: RepositoryAction, _ row: Row) -> Outcome {
        do {
            try AccessPolicy.authorize(action, by: row.principal, on: row.access)
            return .allowed
        } catch let error {
            return error.kind == .unauthenticated ? .unauthenticated : .forbidden
        }
    }

    @Test(arguments: rows)
    func matrix(_ row: Row) {
        let actions: [RepositoryAction] = [
            .read, .createReport, .modifyReport(creator: Self.creator), .deleteReport(creator: Self.creator),
        ]
        #expect(actions.map { Self.outcome($0, row) } == row.outcomes)
    }
}
