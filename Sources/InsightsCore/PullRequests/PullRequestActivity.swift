public import Foundation

/// One entry of a pull request's history, with Bitbucket Data Center's activity names.
public struct PullRequestActivity: Hashable, Sendable {
    /// What happened.
    public enum Action: String, Sendable, CaseIterable {
        /// The pull request was opened.
        case opened = "OPENED"
        /// A branch moved: the source or target tip changed (Bitbucket's "rescoped").
        case rescoped = "RESCOPED"
        /// It was declined.
        case declined = "DECLINED"
        /// It was merged.
        case merged = "MERGED"
    }

    /// The activity's number, unique on the server, increasing with time.
    public var id: Int
    /// What happened.
    public var action: Action
    /// Who did it; `nil` for a rescope seen by the server's own refresh.
    public var userName: String?
    /// When.
    public var createdAt: Date
    /// The source tip after the activity.
    public var sourceCommit: CommitID
    /// The target tip after the activity.
    public var targetCommit: CommitID
    /// For a rescope: the source tip before it.
    public var previousSourceCommit: CommitID?
    /// For a rescope: the target tip before it.
    public var previousTargetCommit: CommitID?

    /// Creates an activity value.
    public init(
        id: Int, action: Action, userName: String?, createdAt: Date, sourceCommit: CommitID, targetCommit: CommitID,
        previousSourceCommit: CommitID?, previousTargetCommit: CommitID?
    ) {
        self.id = id
        self.action = action
        self.userName = userName
        self.createdAt = createdAt
        self.sourceCommit = sourceCommit
        self.targetCommit = targetCommit
        self.previousSourceCommit = previousSourceCommit
        self.previousTargetCommit = previousTargetCommit
    }
}
