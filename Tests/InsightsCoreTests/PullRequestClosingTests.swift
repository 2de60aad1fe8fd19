import Foundation
import InsightsCore
import Testing

/// The rules of closing a pull request, which both stores apply inside their transactions.
@Suite struct PullRequestClosingTests {
    private static func pullRequest(state: PullRequestState, version: Int) throws -> PullRequest {
        let commit = try CommitID(String(repeating: "a", count: 40))
        return PullRequest(
            id: 3, version: version, repository: try RepositoryRef(projectKey: "PROJ", slug: "repo"), title: "t",
            description: nil, state: state, source: try BranchName("feature"), target: try BranchName("main"),
            sourceCommit: commit, targetCommit: commit, author: UserID(1), authorName: "alice",
            createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0), closedAt: nil)
    }

    @Test func declineAndMergeAreActivitiesAndOpenIsNot() throws {
        #expect(try PullRequest.closingAction(as: .declined) == .declined)
        #expect(try PullRequest.closingAction(as: .merged) == .merged)
        #expect(throws: InsightsError.invalidValue(FieldPath("state"), "A pull request can only be closed.")) {
            try PullRequest.closingAction(as: .open)
        }
    }

    @Test func onlyAnOpenPullRequestAtTheNamedVersionCloses() throws {
        let open = try Self.pullRequest(state: .open, version: 2)
        try open.checkClosable(expectedVersion: nil)
        try open.checkClosable(expectedVersion: 2)
        #expect(
            throws: InsightsError.conflict(
                "You are attempting to modify a pull request based on out-of-date information: version 1 was given, "
                    + "the current version is 2.")
        ) { try open.checkClosable(expectedVersion: 1) }
        #expect(throws: InsightsError.conflict("Pull request 3 is already merged and cannot be changed.")) {
            try Self.pullRequest(state: .merged, version: 1).checkClosable(expectedVersion: nil)
        }
    }
}
