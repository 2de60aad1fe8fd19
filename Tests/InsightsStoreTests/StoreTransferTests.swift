import Foundation
import InsightsCore
import InsightsStore
import Testing

/// Copying a whole store into another (``StoreCopier`` over ``TransferableStore``), from SQLite into each kind.
@Suite struct StoreTransferTests {
    /// A small batch, so every kind spans several pages.
    private static let batchSize = 2

    @Test(arguments: StoreKind.enabled)
    func copiesEveryRowKeepingUUIDsCreatorsTimesAndFields(destination kind: StoreKind) async throws {
        try await StoreFixture.with(.sqlite) { source in
            try await TransferSample.fill(source)
            try await StoreFixture.with(kind) { destination in
                let summary = try await Self.copy(source.store, to: destination.store)

                #expect(summary.problems == [])
                let counts = try await Self.transferable(source.store).transferCounts()
                for kind in TransferKind.allCases {
                    #expect(summary.tally(of: kind) == TransferTally(copied: counts[kind] ?? -1), "\(kind)")
                    #expect((counts[kind] ?? 0) > 0, "the sample has \(kind)")
                }
                #expect(try await Self.records(destination.store) == Self.records(source.store))
                try await Self.expectSameThroughTheStoreAPI(source.store, destination.store)

                // And back again, which reads the destination through its own transfer.
                try await StoreFixture.with(.sqlite) { copy in
                    let back = try await Self.copy(destination.store, to: copy.store)
                    #expect(back.problems == [])
                    #expect(try await Self.records(copy.store) == Self.records(source.store))
                }
            }
        }
    }

    @Test(arguments: StoreKind.enabled)
    func copiesThousandRowBatchesInOrder(destination kind: StoreKind) async throws {
        try await StoreFixture.with(.sqlite) { source in
            let seed = try await source.seed()
            _ = try await source.store.putReport(StoreFixture.content(), at: seed.address, by: seed.aliceCaller)
            let contents = (0..<2_345).map { StoreFixture.annotation(($0 % 3 == 0) ? nil : "id-\($0)", line: $0) }
            _ = try await source.store.addAnnotations(
                contents, to: seed.address, mode: .insert, maxPerReport: 5_000, by: seed.aliceCaller)
            try await StoreFixture.with(kind) { destination in
                let summary = try await Self.copyTransferable(
                    Self.transferable(source.store), to: Self.transferable(destination.store), batchSize: 1_000)

                #expect(summary.problems == [])
                #expect(summary.tally(of: .annotations) == TransferTally(copied: contents.count))
                let copied = try await destination.store.annotations(of: seed.address)
                #expect(copied == (try await source.store.annotations(of: seed.address)))
            }
        }
    }

    @Test(arguments: StoreKind.enabled)
    func secondCopyCopiesNothingAndSucceeds(destination kind: StoreKind) async throws {
        try await StoreFixture.with(.sqlite) { source in
            try await TransferSample.fill(source)
            try await StoreFixture.with(kind) { destination in
                _ = try await Self.copy(source.store, to: destination.store)
                let revision = try await destination.store.revision(
                    ofCommit: TransferSample.commit, in: try RepositoryRef(projectKey: "proj", slug: "repo"))

                let second = try await Self.copy(source.store, to: destination.store)

                #expect(second.problems == [])
                let counts = try await Self.transferable(source.store).transferCounts()
                for kind in TransferKind.allCases {
                    #expect(second.tally(of: kind) == TransferTally(alreadyPresent: counts[kind] ?? -1), "\(kind)")
                }
                #expect(try await Self.records(destination.store) == Self.records(source.store))
                let unchanged = try await destination.store.revision(
                    ofCommit: TransferSample.commit, in: try RepositoryRef(projectKey: "proj", slug: "repo"))
                #expect(unchanged == revision)
            }
        }
    }

    @Test(arguments: StoreKind.enabled)
    func interruptedCopyIsCompletedByRunningItAgain(destination kind: StoreKind) async throws {
        try await StoreFixture.with(.sqlite) { source in
            try await TransferSample.fill(source)
            try await StoreFixture.with(kind) { destination in
                // A run that stopped after the first batch of each kind up to the annotations.
                let from = try Self.transferable(source.store)
                let to = try Self.transferable(destination.store)
                var written: [TransferKind: TransferTally] = [:]
                let kinds: [TransferKind] = [
                    .users, .tokens, .projects, .repositories, .grants, .reports, .annotations,
                ]
                for kind in kinds {
                    let page = try #require(try await from.transferPage(of: kind, after: nil, limit: Self.batchSize))
                    written.merge(try await to.storeTransferBatch(page.batch), uniquingKeysWith: +)
                }
                // Rows whose parents were not copied yet (the third user's grant) were refused, not written.
                #expect(written[.grants] == TransferTally(copied: 1, refused: 1))

                let summary = try await Self.copy(source.store, to: destination.store)

                #expect(summary.problems == [])
                for kind in kinds {
                    #expect(summary.tally(of: kind).alreadyPresent == written[kind]?.copied, "\(kind)")
                }
                #expect(try await Self.records(destination.store) == Self.records(source.store))
                try await Self.expectSameThroughTheStoreAPI(source.store, destination.store)
            }
        }
    }

    @Test(arguments: StoreKind.enabled)
    func destinationKeepsItsOwnRowsAndRowsItHeldAlready(destination kind: StoreKind) async throws {
        try await StoreFixture.with(.sqlite) { source in
            try await TransferSample.fill(source)
            try await StoreFixture.with(kind) { destination in
                let own = try await destination.makeRepository(project: "mine", slug: "kept", isPublic: true)
                let carol = try await destination.makeUser("carol")
                let address = try StoreFixture.address(own, key: "own")
                _ = try await destination.store.putReport(
                    StoreFixture.content(), at: address, by: StoreFixture.caller(carol))
                _ = try await destination.store.secret(named: TransferSample.secretName, storingIfAbsent: [9, 9])

                let summary = try await Self.copy(source.store, to: destination.store)

                #expect(summary.problems == [])
                #expect(summary.tally(of: .secrets) == TransferTally(alreadyPresent: 1))
                #expect(summary.tally(of: .reports).copied == 2)
                let destinationCounts = try await Self.transferable(destination.store).transferCounts()
                #expect(destinationCounts[.repositories] == TransferSample.repositories.count + 1)
                #expect(destinationCounts[.users] == 4)
                #expect(try await destination.store.repositories().contains { $0.ref == own })
                #expect(try await destination.store.report(at: address)?.creator == carol.id)
                #expect(
                    try await destination.store.secret(named: TransferSample.secretName, storingIfAbsent: []) == [9, 9])
            }
        }
    }

    @Test(arguments: StoreKind.enabled)
    func rowsTheDestinationRefusesFailTheVerification(destination kind: StoreKind) async throws {
        try await StoreFixture.with(.sqlite) { source in
            try await TransferSample.fill(source)
            try await StoreFixture.with(kind) { destination in
                // Another project under the source's key `other`, with another uuid.
                try await destination.store.createProject(key: "other", name: "Someone else's")

                let summary = try await Self.copy(source.store, to: destination.store)

                #expect(summary.tally(of: .projects) == TransferTally(copied: 1, refused: 1))
                #expect(summary.tally(of: .repositories) == TransferTally(copied: 2, refused: 1))
                #expect(summary.tally(of: .reports) == TransferTally(copied: 1, refused: 1))
                #expect(summary.tally(of: .pullRequests) == TransferTally(copied: 1, refused: 1))
                #expect(summary.tally(of: .activities) == TransferTally(copied: 3, refused: 1))
                #expect(!summary.isVerified)
                #expect(summary.problems.first?.hasPrefix("projects: 1 not copied") == true)
            }
        }
    }

    // MARK: Helpers

    private static func transferable(_ store: any InsightsStore) throws -> any TransferableStore {
        try #require(store as? any TransferableStore)
    }

    /// Copies with ``batchSize``.
    private static func copy(_ source: any InsightsStore, to destination: any InsightsStore) async throws
        -> TransferSummary
    {
        try await copyTransferable(transferable(source), to: transferable(destination))
    }

    private static func copyTransferable<Source: TransferableStore, Destination: TransferableStore>(
        _ source: Source, to destination: Destination, batchSize: Int = batchSize
    ) async throws -> TransferSummary {
        try await StoreCopier(from: source, to: destination, batchSize: batchSize).copy()
    }

    /// Every row of every kind, read page by page.
    private static func records(_ store: any InsightsStore) async throws -> [TransferBatch] {
        let store = try transferable(store)
        var pages: [TransferBatch] = []
        for kind in TransferKind.allCases {
            var cursor: TransferCursor?
            repeat {
                guard let page = try await store.transferPage(of: kind, after: cursor, limit: batchSize) else { break }
                pages.append(page.batch)
                cursor = page.next
            } while cursor != nil
        }
        return pages
    }

    /// Compares what the public store API reads back: users, credentials, tokens, repositories, grants, reports with
    /// their creators, annotations, commit-wide listings, pull requests with their activities, merge checks and the
    /// secret.
    private static func expectSameThroughTheStoreAPI(_ source: any InsightsStore, _ copy: any InsightsStore)
        async throws
    {
        let sourceUsers = try await source.users()
        let copiedUsers = try await copy.users()
        #expect(copiedUsers.map(\.name) == sourceUsers.map(\.name))
        #expect(copiedUsers.map(\.isSystemAdmin) == sourceUsers.map(\.isSystemAdmin))
        let sourceNames = Dictionary(uniqueKeysWithValues: sourceUsers.map { ($0.id, $0.name) })
        let copiedNames = Dictionary(uniqueKeysWithValues: copiedUsers.map { ($0.id, $0.name) })
        for user in sourceUsers {
            let copied = try #require(try await copy.userCredentials(named: user.name))
            #expect(copied.passwordHash == (try await source.userCredentials(named: user.name))?.passwordHash)
        }
        let now = Date(timeIntervalSince1970: 1_764_000_000)
        for digest in ["d", "e"].map({ String(repeating: $0, count: 64) }) {
            let original = try #require(try await source.user(forTokenDigest: digest, at: now)).token
            let copied = try #require(try await copy.user(forTokenDigest: digest, at: now)).token
            #expect(copiedNames[copied.userID] == sourceNames[original.userID])
            #expect(copied.name == original.name && copied.ceiling == original.ceiling)
            #expect(copied.createdAt == original.createdAt && copied.expiresAt == original.expiresAt)
        }

        let repositories = try await source.repositories()
        #expect(try await copy.repositories() == repositories)
        for repository in repositories {
            for user in sourceUsers {
                let copiedUser = try #require(copiedUsers.first { $0.name == user.name })
                let original = try await source.repository(repository.ref, accessFor: user.id)?.1
                #expect(try await copy.repository(repository.ref, accessFor: copiedUser.id)?.1 == original)
            }
            #expect(try await copy.mergeCheckPolicy(of: repository.ref) == source.mergeCheckPolicy(of: repository.ref))
            try await expectSameInsights(of: repository.ref, source, sourceNames, copy, copiedNames)
            try await expectSamePullRequests(of: repository.ref, source, copy)
        }
        #expect(try await copy.secret(named: TransferSample.secretName, storingIfAbsent: []) == TransferSample.secret)
        #expect(try await copy.statistics() == source.statistics())
    }

    private static func expectSameInsights(
        of repository: RepositoryRef, _ source: any InsightsStore, _ sourceNames: [UserID: String],
        _ copy: any InsightsStore, _ copiedNames: [UserID: String]
    ) async throws {
        let commit = try TransferSample.commit
        let page = PageRequest(offset: 0, limit: 100)
        let reports = try await source.reports(in: repository, commit: commit, page: page).values
        let copiedReports = try await copy.reports(in: repository, commit: commit, page: page).values
        #expect(copiedReports.count == reports.count)
        for (original, copied) in zip(reports, copiedReports) {
            var expected = original
            expected.creator = copied.creator
            #expect(copied == expected)
            #expect(copiedNames[copied.creator] == sourceNames[original.creator])
            let address = ReportAddress(repository: repository, commit: commit, report: .uuid(original.uuid))
            #expect(try await copy.annotations(of: address) == source.annotations(of: address))
        }
        let everything = AnnotationFilter()
        let listed = try await copy.annotations(inCommit: commit, of: repository, matching: everything).annotations
        #expect(
            listed == (try await source.annotations(inCommit: commit, of: repository, matching: everything)).annotations
        )
    }

    private static func expectSamePullRequests(
        of repository: RepositoryRef, _ source: any InsightsStore, _ copy: any InsightsStore
    ) async throws {
        let page = PageRequest(offset: 0, limit: 100)
        let pullRequests = try await source.pullRequests(in: repository, state: nil, page: page).values
        let copied = try await copy.pullRequests(in: repository, state: nil, page: page).values
        #expect(copied.count == pullRequests.count)
        for (original, copy) in zip(pullRequests, copied) {
            var expected = original
            expected.author = copy.author
            #expect(copy == expected)
        }
        for pullRequest in pullRequests {
            let activities = try await source.pullRequestActivities(pullRequest.id, in: repository, page: page).values
            let copiedActivities = try await copy.pullRequestActivities(pullRequest.id, in: repository, page: page)
                .values
            #expect(copiedActivities.map { $0.withID(0) } == activities.map { $0.withID(0) })
        }
    }
}

extension PullRequestActivity {
    /// The activity with another id, to compare activities of two stores, whose ids differ.
    fileprivate func withID(_ id: Int) -> PullRequestActivity {
        var activity = self
        activity.id = id
        return activity
    }
}
