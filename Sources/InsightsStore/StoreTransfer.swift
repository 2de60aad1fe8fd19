import InsightsCore

/// A store whose whole content can be read out and written into another store, keeping every uuid, creator, time
/// and field: what `insights admin copy-store` moves between SQLite and PostgreSQL.
///
/// Rows are exchanged as ``TransferBatch`` values that name other rows only by uuid or natural key (a user's name,
/// a token's digest, a repository's uuid with a pull request's number, a secret's name), never by the store's own
/// integer ids, which differ between stores.
///
/// ## Contract
/// - **Reading** pages through one kind at a time in the order of its row ids (keyset paging), so a store of
///   millions of annotations is never held in memory at once.
/// - **Writing** a batch is one transaction. A row whose key the store already holds is left alone, whatever its
///   content; any other row is inserted with its stored values. A pull request carries its activities: they are
///   written with it, or not at all when the pull request was already there.
/// - **Writing never fails for a row it cannot insert** (its parent is missing, or the store holds a different row
///   under another of its unique names, such as a project key): it counts the row as refused.
/// - Inserted reports and annotations move their commits to a new revision (``CommitRevision``), as every write does.
///
/// ## Topics
/// - ``transferPage(of:after:limit:)``
/// - ``storeTransferBatch(_:)``
/// - ``transferCounts()``
public protocol TransferableStore: InsightsStore {
    /// Reads the next rows of one kind.
    ///
    /// - Parameters:
    ///   - kind: what to read; ``TransferKind/activities`` reads nothing on its own, since each pull request carries
    ///     its activities.
    ///   - cursor: where the previous page ended (``TransferPage/next``), or `nil` for the first page.
    ///   - limit: the most rows (for pull requests: pull requests) to return.
    /// - Returns: the rows after `cursor` in row-id order (secrets: in name order), or `nil` when there are none.
    /// - Throws: ``InsightsCore/InsightsError/unavailable`` when the database fails or holds a corrupt value.
    func transferPage(of kind: TransferKind, after cursor: TransferCursor?, limit: Int) async throws -> TransferPage?

    /// Inserts the batch's rows that the store does not hold yet, in one transaction.
    ///
    /// - Parameter batch: rows as another store's ``transferPage(of:after:limit:)`` read them.
    /// - Returns: per kind in the batch (pull requests and their activities), how many rows were copied, were there
    ///   already or were refused.
    /// - Throws: ``InsightsCore/InsightsError/unavailable`` when the database fails; nothing of the batch is stored.
    func storeTransferBatch(_ batch: TransferBatch) async throws -> [TransferKind: TransferTally]

    /// Counts the stored rows of every kind, in one snapshot.
    func transferCounts() async throws -> [TransferKind: Int]
}

/// The kinds of stored rows a store transfer copies, in dependency order: rows refer only to rows of earlier kinds.
public enum TransferKind: String, Sendable, CaseIterable, CustomStringConvertible {
    /// User accounts with their password hashes.
    case users
    /// Personal access tokens (digests).
    case tokens
    /// Projects (Cloud: workspaces).
    case projects
    /// Repositories with their visibility and git remote.
    case repositories
    /// Permission grants on projects and repositories.
    case grants
    /// Insight reports.
    case reports
    /// Report annotations.
    case annotations
    /// Pull requests.
    case pullRequests
    /// Pull request activities; they travel with their pull request.
    case activities
    /// Repositories' merge checks.
    case mergeChecks
    /// Server-wide secrets such as the web session key.
    case secrets

    /// The kind's name for people: `pull requests`, `merge checks`.
    public var description: String {
        switch self {
        case .pullRequests: "pull requests"
        case .activities: "pull request activities"
        case .mergeChecks: "merge checks"
        case .secrets: "server secrets"
        default: rawValue
        }
    }
}

/// Where a page of ``TransferableStore/transferPage(of:after:limit:)`` ended; only the store that made it reads it.
public enum TransferCursor: Sendable, Hashable {
    /// After the row with this id.
    case rowID(Int64)
    /// After the row with this name (secrets).
    case name(String)

    /// The row id a page starts after: the lowest for the first page.
    ///
    /// - Throws: `invalid` for a name cursor, which only pages of secrets use.
    package static func rowID(after cursor: TransferCursor?) throws -> Int64 {
        switch cursor {
        case nil: return Int64.min
        case .rowID(let id)?: return id
        case .name?: throw InsightsError.invalidValue(FieldPath("cursor"), "Expected a row id.")
        }
    }

    /// The name a page of secrets starts after, or `nil` for the first page.
    ///
    /// - Throws: `invalid` for a row-id cursor.
    package static func name(after cursor: TransferCursor?) throws -> String? {
        switch cursor {
        case nil: return nil
        case .name(let name)?: return name
        case .rowID?: throw InsightsError.invalidValue(FieldPath("cursor"), "Expected a name.")
        }
    }
}

/// One page of rows of one kind, and where the next page starts.
public struct TransferPage: Sendable, Hashable {
    /// The rows, never empty.
    public var batch: TransferBatch
    /// Where the next page starts, or `nil` when this page was the last.
    public var next: TransferCursor?

    /// Creates a page.
    public init(batch: TransferBatch, next: TransferCursor?) {
        self.batch = batch
        self.next = next
    }
}

/// Rows of one kind, as one store read them and another writes them.
public enum TransferBatch: Sendable, Hashable {
    /// Users.
    case users([TransferredUser])
    /// Tokens.
    case tokens([TransferredToken])
    /// Projects.
    case projects([TransferredProject])
    /// Repositories.
    case repositories([TransferredRepository])
    /// Grants.
    case grants([TransferredGrant])
    /// Reports.
    case reports([TransferredReport])
    /// Annotations.
    case annotations([TransferredAnnotation])
    /// Pull requests, each with its activities.
    case pullRequests([TransferredPullRequest])
    /// Merge checks.
    case mergeChecks([TransferredMergeCheck])
    /// Secrets.
    case secrets([TransferredSecret])

    /// The kind of the rows.
    public var kind: TransferKind {
        switch self {
        case .users: .users
        case .tokens: .tokens
        case .projects: .projects
        case .repositories: .repositories
        case .grants: .grants
        case .reports: .reports
        case .annotations: .annotations
        case .pullRequests: .pullRequests
        case .mergeChecks: .mergeChecks
        case .secrets: .secrets
        }
    }

    /// How many rows of each kind the batch holds: its own kind's, and for pull requests their activities.
    public var counts: [TransferKind: Int] {
        switch self {
        case .users(let rows): [.users: rows.count]
        case .tokens(let rows): [.tokens: rows.count]
        case .projects(let rows): [.projects: rows.count]
        case .repositories(let rows): [.repositories: rows.count]
        case .grants(let rows): [.grants: rows.count]
        case .reports(let rows): [.reports: rows.count]
        case .annotations(let rows): [.annotations: rows.count]
        case .pullRequests(let rows):
            [.pullRequests: rows.count, .activities: rows.reduce(0) { $0 + $1.activities.count }]
        case .mergeChecks(let rows): [.mergeChecks: rows.count]
        case .secrets(let rows): [.secrets: rows.count]
        }
    }
}

/// What writing rows of one kind did.
public struct TransferTally: Sendable, Hashable {
    /// Rows inserted.
    public var copied: Int
    /// Rows whose key (uuid or natural key) the destination already held; left as they were.
    public var alreadyPresent: Int
    /// Rows neither there nor inserted: the destination lacks a row they refer to, or holds a different row under
    /// another of their unique names (a project's key, a repository's slug in its project, a user's token name).
    public var refused: Int

    /// Creates a tally.
    public init(copied: Int = 0, alreadyPresent: Int = 0, refused: Int = 0) {
        self.copied = copied
        self.alreadyPresent = alreadyPresent
        self.refused = refused
    }

    /// All rows counted.
    public var total: Int { copied + alreadyPresent + refused }

    /// The tally of `rows` rows of which `copied` were inserted and `present` were there already.
    ///
    /// - Parameters:
    ///   - rows: how many rows were written.
    ///   - copied: how many were inserted.
    ///   - present: how many the destination held already.
    /// - Returns: the tally, the remaining rows counted as refused.
    public static func of(_ rows: Int, copied: Int, present: Int) -> TransferTally {
        TransferTally(copied: copied, alreadyPresent: present, refused: rows - copied - present)
    }

    /// Adds two tallies.
    public static func + (lhs: TransferTally, rhs: TransferTally) -> TransferTally {
        TransferTally(
            copied: lhs.copied + rhs.copied, alreadyPresent: lhs.alreadyPresent + rhs.alreadyPresent,
            refused: lhs.refused + rhs.refused)
    }
}
