public import InsightsCore

/// A pull request as Bitbucket Data Center's REST API returns it (`RestPullRequest`), with the fields this server
/// knows: no reviewers or participants beyond the author.
public struct DataCenterPullRequest: Codable, Sendable, Equatable {
    /// One side of a pull request (`RestPullRequestRef`).
    public struct Ref: Codable, Sendable, Equatable {
        /// The repository of a ref.
        public struct Repository: Codable, Sendable, Equatable {
            /// The project of a repository.
            public struct Project: Codable, Sendable, Equatable {
                public var key: String
            }
            public var slug: String
            public var name: String
            public var project: Project
        }
        /// `refs/heads/<branch>`.
        public var id: String
        /// The branch name.
        public var displayId: String
        /// The branch's tip as last seen.
        public var latestCommit: String
        /// Always `BRANCH`.
        public var type: String
        public var repository: Repository

        /// Encodes a branch of a repository at a commit.
        public init(branch: BranchName, commit: CommitID, repository: RepositoryRef) {
            id = branch.reference
            displayId = branch.rawValue
            latestCommit = commit.rawValue
            type = "BRANCH"
            self.repository = Repository(
                slug: repository.slug, name: repository.slug, project: .init(key: repository.projectKey))
        }
    }

    /// A user as a pull request names one (`RestApplicationUser`).
    public struct User: Codable, Sendable, Equatable {
        public var name: String
        public var slug: String
        public var displayName: String
        public var type: String

        /// Encodes a login name.
        public init(name: String) {
            self.name = name
            slug = name
            displayName = name
            type = "NORMAL"
        }
    }

    /// A participant (`RestPullRequestParticipant`).
    public struct Participant: Codable, Sendable, Equatable {
        public var user: User
        public var role: String
        public var approved: Bool
        public var status: String
    }

    public var id: Int
    public var version: Int
    public var title: String
    public var description: String?
    public var state: String
    public var open: Bool
    public var closed: Bool
    /// Unix epoch milliseconds.
    public var createdDate: Int64
    /// Unix epoch milliseconds.
    public var updatedDate: Int64
    /// Unix epoch milliseconds, once declined or merged.
    public var closedDate: Int64?
    public var fromRef: Ref
    public var toRef: Ref
    public var locked: Bool
    public var author: Participant
    public var reviewers: [Participant]
    public var participants: [Participant]

    /// Encodes a stored pull request.
    public init(_ pullRequest: PullRequest) {
        id = pullRequest.id
        version = pullRequest.version
        title = pullRequest.title
        description = pullRequest.description
        state = pullRequest.state.rawValue
        open = pullRequest.state == .open
        closed = !open
        createdDate = WireTime.epochMilliseconds(pullRequest.createdAt)
        updatedDate = WireTime.epochMilliseconds(pullRequest.updatedAt)
        closedDate = pullRequest.closedAt.map(WireTime.epochMilliseconds)
        fromRef = Ref(
            branch: pullRequest.source, commit: pullRequest.sourceCommit, repository: pullRequest.repository)
        toRef = Ref(branch: pullRequest.target, commit: pullRequest.targetCommit, repository: pullRequest.repository)
        locked = false
        author = Participant(
            user: User(name: pullRequest.authorName), role: "AUTHOR", approved: false, status: "UNAPPROVED")
        reviewers = []
        participants = []
    }
}

/// The body of `POST …/pull-requests` (`RestPullRequest` as a request): title, description and the two refs.
public struct DataCenterPullRequestRequest: Decodable, Sendable {
    /// A ref of the request; only its `id` is read (the repository is the one in the path).
    public struct Ref: Decodable, Sendable {
        public var id: String?
    }

    public var title: String?
    public var description: String?
    public var fromRef: Ref?
    public var toRef: Ref?

    /// Validates the request into a draft.
    ///
    /// - Throws: `invalid` naming the field (`title`, `fromRef.id`, `toRef.id`).
    public func toDomain() throws(InsightsError) -> PullRequestDraft {
        guard let title else { throw .missingField(FieldPath("title")) }
        guard let from = fromRef?.id else { throw .missingField(FieldPath("fromRef.id")) }
        guard let to = toRef?.id else { throw .missingField(FieldPath("toRef.id")) }
        return try PullRequestDraft(
            title: title, description: description.flatMap { $0.isEmpty ? nil : $0 },
            source: try BranchName(from, field: FieldPath("fromRef.id")),
            target: try BranchName(to, field: FieldPath("toRef.id")))
    }
}

/// A pull request activity (`RestPullRequestActivity`; rescopes carry the four hashes).
public struct DataCenterPullRequestActivity: Codable, Sendable, Equatable {
    public var id: Int
    /// Unix epoch milliseconds.
    public var createdDate: Int64
    public var user: DataCenterPullRequest.User?
    public var action: String
    public var fromHash: String?
    public var previousFromHash: String?
    public var toHash: String?
    public var previousToHash: String?

    /// Encodes a stored activity; only a rescope carries the hashes.
    public init(_ activity: PullRequestActivity) {
        id = activity.id
        createdDate = WireTime.epochMilliseconds(activity.createdAt)
        user = activity.userName.map(DataCenterPullRequest.User.init(name:))
        action = activity.action.rawValue
        if activity.action == .rescoped {
            fromHash = activity.sourceCommit.rawValue
            previousFromHash = activity.previousSourceCommit?.rawValue
            toHash = activity.targetCommit.rawValue
            previousToHash = activity.previousTargetCommit?.rawValue
        }
    }
}

/// A branch (`RestBranch`).
public struct DataCenterBranch: Codable, Sendable, Equatable {
    public var id: String
    public var displayId: String
    public var type: String
    public var latestCommit: String
    public var latestChangeset: String
    public var isDefault: Bool

    /// Encodes a branch at its tip.
    public init(name: BranchName, commit: CommitID, isDefault: Bool) {
        id = name.reference
        displayId = name.rawValue
        type = "BRANCH"
        latestCommit = commit.rawValue
        latestChangeset = commit.rawValue
        self.isDefault = isDefault
    }
}

/// The answer of `GET …/pull-requests/{id}/merge` (`RestPullRequestMergeability`), and the vetoes of a refused
/// merge.
public struct DataCenterMergeability: Codable, Sendable, Equatable {
    /// One reason a merge is refused (`RestPullRequestMergeVeto`).
    public struct Veto: Codable, Sendable, Equatable {
        public var summaryMessage: String
        public var detailedMessage: String

        public init(summaryMessage: String, detailedMessage: String) {
            self.summaryMessage = summaryMessage
            self.detailedMessage = detailedMessage
        }
    }

    public var canMerge: Bool
    public var conflicted: Bool
    /// `CLEAN` or `CONFLICTED`.
    public var outcome: String
    public var vetoes: [Veto]

    public init(conflicted: Bool, vetoes: [Veto]) {
        canMerge = !conflicted && vetoes.isEmpty
        self.conflicted = conflicted
        outcome = conflicted ? "CONFLICTED" : "CLEAN"
        self.vetoes = vetoes
    }
}

/// The error body of a refused merge: Data Center's error entry with `conflicted` and `vetoes`.
public struct DataCenterMergeVetoedBody: Encodable, Sendable, Equatable {
    /// The one error entry.
    public struct Entry: Encodable, Sendable, Equatable {
        public var context: String?
        public var message: String
        public var exceptionName: String
        public var conflicted: Bool
        public var vetoes: [DataCenterMergeability.Veto]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(context, forKey: .context)
            try container.encode(message, forKey: .message)
            try container.encode(exceptionName, forKey: .exceptionName)
            try container.encode(conflicted, forKey: .conflicted)
            try container.encode(vetoes, forKey: .vetoes)
        }

        private enum CodingKeys: String, CodingKey {
            case context, message, exceptionName, conflicted, vetoes
        }
    }

    public var errors: [Entry]

    /// The body for a mergeability that does not allow the merge.
    public init(_ mergeability: DataCenterMergeability) {
        let exception =
            mergeability.conflicted
            ? "com.atlassian.bitbucket.pull.PullRequestMergeConflictException"
            : "com.atlassian.bitbucket.pull.PullRequestMergeVetoedException"
        let message =
            mergeability.conflicted
            ? "The pull request has conflicts and cannot be merged."
            : "Merging the pull request has been vetoed."
        errors = [
            Entry(
                context: nil, message: message, exceptionName: exception, conflicted: mergeability.conflicted,
                vetoes: mergeability.vetoes)
        ]
    }
}
