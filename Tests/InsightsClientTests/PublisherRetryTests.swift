import Foundation
import InsightsClient
import InsightsCore
import Testing

@Suite struct PublisherRetryTests {
    @Test func retriesA503ThenHonoursRetryAfterOnA429() async throws {
        let server = DataCenterRecordingServer(failures: [(503, nil), (429, "2")])
        let sleeps = SleepRecorder()
        let fitted = InsightFitter(dialect: .dataCenter).fit(Fixtures.bundle(count: 5))
        let result = try await TestServer.with(server.router()) { url in
            try await Fixtures.publisher(Fixtures.target(.server, url), sleeps: sleeps)
                .publish(fitted, commit: try Fixtures.commitID(), key: try Fixtures.key())
        }
        #expect(await sleeps.sleeps == [.milliseconds(500), .seconds(2)])
        #expect(result.retries == 2)
        #expect(result.requestCount == 5)
        #expect(await server.requests == ["PUT", "PUT", "PUT", "DELETE", "POST 5"])
        #expect((await server.annotations["org.example.lint"] ?? []).count == 5)
    }

    @Test func givesUpAfterMaxAttemptsWithTheServerMessage() async throws {
        let server = DataCenterRecordingServer(failures: [(503, nil), (503, nil), (503, nil)])
        let sleeps = SleepRecorder()
        let fitted = InsightFitter(dialect: .dataCenter).fit(Fixtures.bundle(count: 1))
        let error = await #expect(throws: PublishError.self) {
            try await TestServer.with(server.router()) { url in
                try await Fixtures.publisher(Fixtures.target(.server, url), sleeps: sleeps, attempts: 3)
                    .publish(fitted, commit: try Fixtures.commitID(), key: try Fixtures.key())
            }
        }
        #expect(error?.status == 503)
        #expect(error?.attempts == 3)
        #expect(error?.message.contains("temporarily unavailable") == true)
        #expect(await sleeps.sleeps == [.milliseconds(500), .seconds(1)])
    }

    @Test func retriesConnectionErrorsThenReportsTheServerUnreachable() async throws {
        let sleeps = SleepRecorder()
        let fitted = InsightFitter(dialect: .dataCenter).fit(Fixtures.bundle(count: 1))
        let url = try #require(URL(string: "http://127.0.0.1:9"))
        var publisher = Fixtures.publisher(Fixtures.target(.server, url), sleeps: sleeps, attempts: 2)
        publisher.connectTimeout = .milliseconds(500)
        let configured = publisher
        let error = await #expect(throws: PublishError.self) {
            try await configured.publish(fitted, commit: try Fixtures.commitID(), key: try Fixtures.key())
        }
        #expect(error?.code == .unreachable)
        #expect(error?.attempts == 2)
        #expect(await sleeps.sleeps.count == 1)
    }
}
