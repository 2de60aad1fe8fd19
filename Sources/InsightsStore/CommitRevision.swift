public import InsightsCore

/// A version stamp of everything stored for one commit of one repository: its reports and their annotations.
///
/// Every write to a commit's reports or annotations moves the commit to a new revision in the same transaction,
/// and a revision is never given to different contents of the same repository and commit, even after the
/// repository is deleted and created again. Equal revisions therefore mean equal contents, which lets a server
/// keep a rendered response and check with one small read that it is still current, also when other server
/// processes write to the same database.
///
/// The fields are the store's own bookkeeping; compare revisions only for equality.
public struct CommitRevision: Hashable, Sendable {
    /// The store's identity of the repository (never reused), or 0 when the repository does not exist.
    public var repositoryID: Int64
    /// How many times the commit's insights were written in this repository; 0 when never.
    public var sequence: Int64

    /// Creates a revision from a store's bookkeeping.
    public init(repositoryID: Int64, sequence: Int64) {
        self.repositoryID = repositoryID
        self.sequence = sequence
    }
}

/// The annotations a commit-wide query matched, with the revision of the snapshot they were read from.
public struct CommitAnnotations: Sendable, Equatable {
    /// The matching annotations, by report creation and then annotation creation.
    public var annotations: [Annotation]
    /// The commit's revision when they were read.
    public var revision: CommitRevision

    /// Creates a query result.
    public init(annotations: [Annotation], revision: CommitRevision) {
        self.annotations = annotations
        self.revision = revision
    }
}
