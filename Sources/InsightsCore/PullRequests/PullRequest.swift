public import Foundation

/// A pull request: a proposal to merge a source branch into a target branch of one repository.
///
/// It follows its branches: ``sourceCommit`` and ``targetCommit`` are the branch tips recorded at the last refresh
/// of the repository's mirror (reference R1: insights are shown for the source commit only).
public struct PullRequest: Hashable, Sendable {
    /// The pull request's number, unique within its repository, counting from 1.
    public var id: Int
    /// Bumped by every change of state; a caller that closes the pull request may name the version it saw.
    public var version: Int
    /// The repository.
    public var repository: RepositoryRef
    /// A one-line summary.
    public var title: String
    /// Free text, if any.
    public var description: String?
    /// Open, declined or merged.
    public var state: PullRequestState
    /// The branch whose changes are proposed.
    public var source: BranchName
    /// The branch they would be merged into.
    public var target: BranchName
    /// The source branch's tip at the last refresh (while open; the last one seen once closed).
    public var sourceCommit: CommitID
    /// The target branch's tip at the last refresh.
    public var targetCommit: CommitID
    /// Who opened it.
    public var author: UserID
    /// The author's login name.
    public var authorName: String
    /// When it was opened.
    public var createdAt: Date
    /// When its state or tips last changed.
    public var updatedAt: Date
    /// When it was declined or merged.
    public var closedAt: Date?

    /// Creates a pull request value.
    public init(
        id: Int, version: Int, repository: RepositoryRef, title: String, description: String?,
        state: PullRequestState, source: BranchName, target: BranchName, sourceCommit: CommitID,
        targetCommit: CommitID, author: UserID, authorName: String, createdAt: Date, updatedAt: Date, closedAt: Date?
    ) {
        self.id = id
        self.version = version
        self.repository = repository
        self.title = title
        self.description = description
        self.state = state
        self.source = source
        self.target = target
        self.sourceCommit = sourceCommit
        self.targetCommit = targetCommit
        self.author = author
        self.authorName = authorName
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.closedAt = closedAt
    }
}

extension PullRequest {
    /// The activity that closing a pull request as `state` records: declining or merging.
    ///
    /// - Throws: `invalid` (field `state`) for ``PullRequestState/open``, which does not close anything.
    public static func closingAction(as state: PullRequestState) throws(InsightsError) -> PullRequestActivity.Action {
        switch state {
        case .declined: return .declined
        case .merged: return .merged
        case .open: throw .invalidValue(FieldPath("state"), "A pull request can only be closed.")
        }
    }

    /// Checks that this pull request may still be closed: it is open and, when the caller names the version it saw,
    /// that version is the current one.
    ///
    /// - Throws: `conflict` for a closed pull request or an out-of-date version.
    public func checkClosable(expectedVersion: Int?) throws(InsightsError) {
        guard state == .open else {
            throw .conflict("Pull request \(id) is already \(state.rawValue.lowercased()) and cannot be changed.")
        }
        if let expectedVersion, expectedVersion != version {
            throw .conflict(
                "You are attempting to modify a pull request based on out-of-date information: version "
                    + "\(expectedVersion) was given, the current version is \(version).")
        }
    }
}
