import Foundation
import InsightsClient
import InsightsCore
import InsightsWire
import Testing

/// The Cloud publisher against a recording stand-in, for what the real server cannot show: that only Cloud field
/// names are sent (the server ignores unknown properties, D57), the exact request sequence, and absolute-form
/// requests through a proxy. Reruns, the cap, chunking and stale deletion by uuid are tested end to end against
/// `insights serve`'s Cloud dialect (`Tests/insightsTests/PublishCloudEndToEndTests.swift`).
@Suite struct PublisherCloudTests {
    private func publish(_ bundle: InsightBundle, to url: URL, maxAnnotations: Int = 1000) async throws -> PublishResult
    {
        let fitted = InsightFitter(dialect: .cloud, maxAnnotations: maxAnnotations).fit(bundle)
        return try await Fixtures.publisher(Fixtures.target(.cloud, url), sleeps: SleepRecorder())
            .publish(fitted, commit: try Fixtures.commitID(), key: try Fixtures.key())
    }

    @Test func followsEveryCloudRuleAndChunksByOneHundred() async throws {
        let server = CloudRecordingServer()
        let result = try await TestServer.with(server.router()) { url in
            try await publish(Fixtures.bundle(count: 250), to: url)
        }
        #expect(await server.violations == [])
        #expect(
            await server.requests == [
                "PUT report org.example.lint", "GET annotations page 1", "POST annotations 100",
                "POST annotations 100", "POST annotations 50",
            ])
        #expect(result.annotationsSent == 250)
        #expect(await server.annotationList("org.example.lint").count == 250)
    }

    @Test func keepsCriticalAndShortensSummariesTo450() async throws {
        let server = CloudRecordingServer()
        let bundle = Fixtures.bundle(count: 8) { String(repeating: "é", count: 600 + $0) }
        _ = try await TestServer.with(server.router()) { url in try await publish(bundle, to: url) }
        let stored = await server.annotationList("org.example.lint")
        #expect(stored.contains { $0.severity == "CRITICAL" })
        #expect(stored.allSatisfy { ($0.summary?.utf16.count ?? 0) == 450 && $0.summary?.hasSuffix("…") == true })
        #expect(await server.violations == [])
    }

    @Test func generatesExternalIDsWhenTheToolGaveNone() async throws {
        let server = CloudRecordingServer()
        var bundle = Fixtures.bundle(count: 3)
        for index in bundle.annotations.indices {
            bundle.annotations[index].externalID = nil
            bundle.annotations[index].type = nil
        }
        bundle.report.details = nil
        bundle.report.reportType = nil
        let prepared = bundle
        _ = try await TestServer.with(server.router()) { url in try await publish(prepared, to: url) }
        #expect(await server.violations == [])
        #expect(await server.annotationList("org.example.lint").count == 3)
    }
}

@Suite struct PublisherPipelinesProxyTests {
    @Test func sendsAbsoluteFormRequestsThroughTheProxyWithoutCredentials() async throws {
        let server = CloudRecordingServer()
        let fitted = InsightFitter(dialect: .cloud).fit(Fixtures.bundle(count: 120))
        let result = try await TestServer.with(server.router()) { url in
            let proxy = HTTPProxy(host: "127.0.0.1", port: url.port ?? 0)
            let base = try #require(URL(string: PublishTarget.cloudAPIThroughProxyString))
            let target = PublishTarget(
                kind: .cloud, baseURL: base, owner: "team", repositorySlug: "app", credentials: .none, proxy: proxy)
            return try await Fixtures.publisher(target, sleeps: SleepRecorder())
                .publish(fitted, commit: try Fixtures.commitID(), key: try Fixtures.key())
        }
        #expect(result.requestCount == 4)
        #expect(await server.violations == [])
        #expect(await server.annotationList("org.example.lint").count == 120)
    }
}
