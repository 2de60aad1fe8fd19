import Foundation
import InsightsClient
import InsightsCore
import Testing

@Suite struct PublisherDataCenterTests {
    @Test func tenThousandFindingsCappedToOneThousandNeedAtMostElevenRequests() async throws {
        let server = DataCenterRecordingServer()
        let fitted = InsightFitter(dialect: .dataCenter).fit(Fixtures.bundle(count: 10_000))
        let result = try await TestServer.with(server.router()) { url in
            try await Fixtures.publisher(Fixtures.target(.server, url), sleeps: SleepRecorder())
                .publish(fitted, commit: try Fixtures.commitID(), key: try Fixtures.key())
        }
        #expect(result.requestCount <= 11)
        #expect(result.requestCount == 3)
        #expect(result.annotationsSent == 1000)
        let stored = await server.annotations["org.example.lint"] ?? []
        #expect(stored.count == 1000)
        #expect(stored.allSatisfy { $0.severity == .high })
        let report = try #require(await server.reports["org.example.lint"])
        #expect(report.data.first { $0.title == "Findings" }?.value == .number(10_000))
        #expect(report.data.first { $0.title == "Shown" }?.value == .number(1000))
    }

    @Test func chunksAnnotationsByChunkSize() async throws {
        let server = DataCenterRecordingServer()
        let fitted = InsightFitter(dialect: .dataCenter).fit(Fixtures.bundle(count: 700))
        _ = try await TestServer.with(server.router()) { url in
            var publisher = Fixtures.publisher(Fixtures.target(.dc, url), sleeps: SleepRecorder())
            publisher.chunkSize = 300
            return try await publisher.publish(fitted, commit: try Fixtures.commitID(), key: try Fixtures.key())
        }
        #expect(await server.requests == ["PUT", "DELETE", "POST 300", "POST 300", "POST 100"])
    }

    @Test func truncatesLongMessagesWithAVisibleMarker() async throws {
        let server = DataCenterRecordingServer()
        let bundle = Fixtures.bundle(count: 3) { String(repeating: "x", count: 2500 + $0) }
        let fitted = InsightFitter(dialect: .dataCenter).fit(bundle)
        _ = try await TestServer.with(server.router()) { url in
            try await Fixtures.publisher(Fixtures.target(.server, url), sleeps: SleepRecorder())
                .publish(fitted, commit: try Fixtures.commitID(), key: try Fixtures.key())
        }
        let stored = await server.annotations["org.example.lint"] ?? []
        #expect(stored.count == 3)
        #expect(stored.allSatisfy { $0.message.utf16.count == 2000 && $0.message.hasSuffix("…") })
    }

    @Test func rerunLeavesTheSameAnnotations() async throws {
        let server = DataCenterRecordingServer()
        let fitted = InsightFitter(dialect: .dataCenter).fit(Fixtures.bundle(count: 1200))
        try await TestServer.with(server.router()) { url in
            let publisher = Fixtures.publisher(Fixtures.target(.server, url), sleeps: SleepRecorder())
            _ = try await publisher.publish(fitted, commit: try Fixtures.commitID(), key: try Fixtures.key())
            let first = await server.annotations["org.example.lint"] ?? []
            _ = try await publisher.publish(fitted, commit: try Fixtures.commitID(), key: try Fixtures.key())
            let second = await server.annotations["org.example.lint"] ?? []
            #expect(first.count == 1000)
            #expect(first == second)
            #expect(await server.reports.count == 1)
        }
    }

    @Test func carriesTheServersOwnErrorMessage() async throws {
        let server = DataCenterRecordingServer(failures: [(status: 400, retryAfter: nil)])
        let fitted = InsightFitter(dialect: .dataCenter).fit(Fixtures.bundle(count: 10))
        let error = await #expect(throws: PublishError.self) {
            try await TestServer.with(server.router()) { url in
                try await Fixtures.publisher(Fixtures.target(.server, url), sleeps: SleepRecorder())
                    .publish(fitted, commit: try Fixtures.commitID(), key: try Fixtures.key())
            }
        }
        #expect(error?.code == .refused)
        #expect(error?.status == 400)
        #expect(error?.message == InsightsError.unavailable.message)
        #expect(error?.description.contains("s3cret") == false)
    }

    @Test func aCapTheServerNamesIsHonouredByPublishingAgainWithinIt() async throws {
        let server = DataCenterRecordingServer(cap: 5)
        let fitted = InsightFitter(dialect: .dataCenter).fit(Fixtures.bundle(count: 10))
        let result = try await TestServer.with(server.router()) { url in
            try await Fixtures.publisher(Fixtures.target(.server, url), sleeps: SleepRecorder())
                .publish(fitted, commit: try Fixtures.commitID(), key: try Fixtures.key())
        }
        #expect(result.serverMaximum == 5)
        #expect(result.annotationsSent == 5)
        #expect(await server.requests == ["PUT", "DELETE", "POST 10", "POST rejected", "PUT", "DELETE", "POST 5"])
        let stored = await server.annotations["org.example.lint"] ?? []
        #expect(stored.map(\.externalID) == fitted.annotations.prefix(5).map(\.externalID))
        let shown = await server.reports["org.example.lint"]?.data.first { $0.title == InsightFitter.shownFieldTitle }
        #expect(shown?.value == .number(5))
    }

    @Test func changeFilterKeepsOnlyFindingsOnChangedLines() async throws {
        let server = DataCenterRecordingServer()
        let filter = ChangeFilter(mode: .lines, changedLines: ["src/f1.swift": [2], "src/f2.swift": []])
        let fitted = InsightFitter(dialect: .dataCenter, changeFilter: filter).fit(Fixtures.bundle(count: 100))
        _ = try await TestServer.with(server.router()) { url in
            try await Fixtures.publisher(Fixtures.target(.server, url), sleeps: SleepRecorder())
                .publish(fitted, commit: try Fixtures.commitID(), key: try Fixtures.key())
        }
        let stored = await server.annotations["org.example.lint"] ?? []
        #expect(stored.map(\.externalID) == ["finding-51", "finding-1"])
    }
}
