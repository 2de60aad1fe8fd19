import Foundation
import Testing

/// `insights serve --database` on PostgreSQL, driven over real HTTP: two servers on one database see each other's
/// writes at once and keep a report's annotation cap under concurrent writers of both dialects; a server whose
/// database stops answers 503 meanwhile and writes again by itself once the database is back.
///
/// Enabled by `INSIGHTS_TEST_POSTGRES_URL` (a role that may create databases); each test uses a database of its
/// own, and the fault test a cluster of its own.
@Suite(.serialized, .enabled(if: PostgresTestDatabase.clusterURL != nil, "INSIGHTS_TEST_POSTGRES_URL is not set"))
struct PostgresEndToEndTests {
    static let commit = "89abcdef0123456789abcdef0123456789abcdef"
    /// What the store answers when the database fails, in both dialects' error bodies.
    static let unavailableMessage = "The service is temporarily unavailable. Please try again."

    // MARK: Two servers, one database

    /// Server 2 keeps its rendered commit-wide answer only while the commit's revision in the shared database is
    /// unchanged, so writes through server 1 are read through server 2 at once.
    @Test func writesThroughOneServerAreReadAtOnceThroughTheOther() async throws {
        try await withTwoServers(cap: 1000) { servers, token in
            let (writer, reader) = (servers[0], servers[1])
            // Server 2 renders and keeps the (empty) commit-wide answer before server 1 writes.
            for _ in 0..<2 {
                let empty = try await HTTP.send("GET", reader.commitAnnotations, token: token)
                #expect(empty.text == #"{"annotations":[]}"#, "\(empty.text)")
            }
            let metrics = try await HTTP.send("GET", "\(reader.baseURL)/metrics", token: nil)
            #expect(metrics.text.contains(#"insights_response_cache_requests_total{result="hit"} 1"#))

            let put = try await HTTP.send(
                "PUT", writer.report("lint", in: .dataCenter), token: token,
                body: try WireDialect.dataCenter.reportBody(title: "Lint"))
            #expect(put.status == 200, "\(put.text)")
            let post = try await HTTP.send(
                "POST", writer.annotations(ofReport: "lint", in: .dataCenter), token: token,
                body: try WireDialect.dataCenter.annotationsBody(externalIDs: ["a"], message: "first"))
            #expect(post.status == 204, "\(post.text)")

            let dataCenterReport = try await HTTP.send("GET", reader.report("lint", in: .dataCenter), token: token)
            #expect(dataCenterReport.status == 200, "\(dataCenterReport.text)")
            #expect((try? JSONDecoder().decode(StoredReport.self, from: dataCenterReport.body))?.title == "Lint")
            let cloudReport = try await HTTP.send("GET", reader.report("lint", in: .cloud), token: token)
            #expect(cloudReport.status == 200, "\(cloudReport.text)")
            #expect((try? JSONDecoder().decode(CloudReportAnswer.self, from: cloudReport.body))?.title == "Lint")
            #expect(try await messages(reader.commitAnnotations, token: token) == ["a": "first"])

            // A replacement moves the revision too, and a Cloud write through server 2 is seen by server 1.
            let replace = try await HTTP.send(
                "POST", writer.annotations(ofReport: "lint", in: .cloud), token: token,
                body: try WireDialect.cloud.annotationsBody(externalIDs: ["a"], message: "second"))
            #expect(replace.status == 200, "\(replace.text)")
            #expect(try await messages(reader.commitAnnotations, token: token) == ["a": "second"])
            let cloudPut = try await HTTP.send(
                "PUT", reader.report("scan", in: .cloud), token: token,
                body: try WireDialect.cloud.reportBody(title: "Scan"))
            #expect(cloudPut.status == 200, "\(cloudPut.text)")
            let scan = try await HTTP.send("GET", writer.report("scan", in: .dataCenter), token: token)
            #expect(scan.status == 200, "\(scan.text)")
        }
    }

    /// 50 writers at once, split across both servers and both dialects, add 1 to 3 annotations each to one report
    /// 20 below its cap of 100: the report never passes the cap, every accepted write is stored whole, every refused
    /// one got the dialect's cap error (400) and stored nothing, and both servers read the same annotations in both
    /// dialects.
    @Test func concurrentWritersOnTwoServersNeverPassTheCap() async throws {
        let cap = 100
        let prefilled = 80
        try await withTwoServers(cap: cap) { servers, token in
            let key = "capped"
            let put = try await HTTP.send(
                "PUT", servers[0].report(key, in: .dataCenter), token: token,
                body: try WireDialect.dataCenter.reportBody(title: "Capped"))
            #expect(put.status == 200, "\(put.text)")
            let seeds = (0..<prefilled).map { "seed-\($0)" }
            let prefill = try await HTTP.send(
                "POST", servers[0].annotations(ofReport: key, in: .dataCenter), token: token,
                body: try WireDialect.dataCenter.annotationsBody(externalIDs: seeds, message: "seed"))
            try #require(prefill.status == 204, "\(prefill.text)")

            let writers = (0..<50).map { index in
                CapWriter(
                    index: index, server: index % 2, dialect: (index / 2).isMultiple(of: 2) ? .dataCenter : .cloud,
                    externalIDs: (0...(index % 3)).map { "writer-\(index)-\($0)" })
            }
            let answers = try await withThrowingTaskGroup(of: (CapWriter, TimedHTTP.Answer).self) { group in
                for writer in writers {
                    let url = servers[writer.server].annotations(ofReport: key, in: writer.dialect)
                    let body = try writer.dialect.annotationsBody(
                        externalIDs: writer.externalIDs, message: "writer \(writer.index)")
                    group.addTask { (writer, await TimedHTTP.send("POST", url, token: token, body: body)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            var accepted: [CapWriter] = []
            var refused: [CapWriter] = []
            var unexpected: [String] = []
            for (writer, answer) in answers {
                let message = writer.dialect.errorMessage(in: answer.body) ?? ""
                if answer.status == writer.dialect.annotationsAddedStatus {
                    accepted.append(writer)
                } else if answer.status == 400, message.contains("at most \(cap) annotations") {
                    refused.append(writer)
                } else {
                    unexpected.append("\(writer): \(answer.status.map(String.init) ?? "no answer") \(answer.text)")
                }
            }
            #expect(unexpected.isEmpty, "\(unexpected)")
            #expect(!accepted.isEmpty && !refused.isEmpty, "accepted \(accepted.count), refused \(refused.count)")

            var readings: [String: [String]] = [:]
            for (number, server) in servers.enumerated() {
                for dialect in WireDialect.allCases {
                    readings["server \(number + 1), \(dialect)"] = try await annotationIDs(
                        ofReport: key, at: server, in: dialect, token: token
                    ).sorted()
                }
            }
            let stored = try #require(readings.values.first)
            #expect(Set(readings.values).count == 1, "the servers and dialects read different annotations")
            let storedIDs = Set(stored)
            #expect(stored.count == storedIDs.count, "no annotation is stored twice")
            #expect(stored.count <= cap)
            #expect(stored.count == prefilled + accepted.reduce(0) { $0 + $1.externalIDs.count })
            #expect(storedIDs.isSuperset(of: seeds))
            for writer in accepted {
                #expect(storedIDs.isSuperset(of: writer.externalIDs), "\(writer) was accepted but is not stored whole")
            }
            for writer in refused {
                #expect(storedIDs.isDisjoint(with: writer.externalIDs), "\(writer) was refused but stored something")
                // It was refused against a count no higher than the final one.
                #expect(stored.count + writer.externalIDs.count > cap, "\(writer) was refused with room left")
            }
        }
    }

    // MARK: The database stops and starts again

    /// A stream of writes (one every 50 ms, alternating dialects) runs while the server's PostgreSQL stops for about
    /// 3 s and starts again on the same port: meanwhile every failed request answers 503 in its dialect's error body
    /// within the query timeout and a margin, and `/status` answers 503; afterwards writes succeed again without
    /// restarting the server, `/status` is 200, and every acknowledged write is stored.
    @Test func whilePostgreSQLIsDownRequestsAnswer503AndWritesResumeWhenItIsBack() async throws {
        let queryTimeout = Duration.seconds(2)
        // A request makes a few store operations, each within the query timeout, and a loaded 2-core machine is
        // slow; a hang would last the client's 30 s.
        let answerBound = queryTimeout + .seconds(5)
        let clock = ContinuousClock()
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let directory = try Self.freshDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let token = try Self.initialize(database: cluster.url, dataDirectory: directory)
        let server = try Self.startServer(
            dataDirectory: directory,
            arguments: [
                "--database", cluster.url, "--database-query-timeout-seconds", "\(queryTimeout.components.seconds)",
                "--database-connect-timeout-seconds", "1",
            ])
        defer { server.terminate() }
        let endpoints = RepositoryEndpoints(baseURL: server.baseURL, commit: Self.commit)
        let stream = WriteStream(endpoints: endpoints, token: token)

        async let streaming: Void = stream.run(every: .milliseconds(50))
        let isStreaming = await Self.eventually(within: .seconds(60)) { stream.acknowledged.count >= 10 }
        try #require(isStreaming, "the stream never got 10 writes acknowledged: \(Self.summary(of: stream))")

        try cluster.pause()
        let down = clock.now
        let statusWhileDown = await TimedHTTP.send("GET", endpoints.status, token: nil)
        // Down for at least 3 s, and until both dialects have had a request answered entirely within the outage.
        let sawOutage = await Self.eventually(within: .seconds(60)) {
            let answered = Set(stream.answers.filter { $0.http.started >= down }.map(\.dialect))
            return clock.now - down >= .seconds(3) && answered.count == WireDialect.allCases.count
        }
        let resuming = clock.now
        try cluster.resume()
        let up = clock.now
        let recovered = await Self.eventually(within: .seconds(30)) {
            stream.acknowledged.count { $0.started >= up } >= 5
        }
        let statusRecovered = await Self.eventually(within: .seconds(30)) {
            await TimedHTTP.send("GET", endpoints.status, token: nil).status == 200
        }
        stream.stop()
        await streaming

        let answers = stream.answers
        let acknowledged = stream.acknowledged
        #expect(sawOutage, "no request was answered while PostgreSQL was down")
        #expect(statusWhileDown.status == 503, "\(statusWhileDown.status.map(String.init) ?? "no answer")")
        #expect(statusWhileDown.text == #"{"state":"ERROR"}"#, "\(statusWhileDown.text)")
        #expect(statusWhileDown.duration <= answerBound, "/status took \(statusWhileDown.duration)")
        let downAnswers = answers.filter { $0.http.started >= down && $0.http.finished <= resuming }
        let answeredWhileDown = downAnswers.filter { $0.http.status != 503 }
        #expect(!downAnswers.isEmpty && answeredWhileDown.isEmpty, "\(answeredWhileDown.prefix(5).map(Self.line))")
        let failures = answers.filter { !(200..<300).contains($0.http.status ?? 0) }
        let wrongFailures = failures.filter {
            $0.http.status != 503 || $0.dialect.errorMessage(in: $0.http.body) != Self.unavailableMessage
        }
        #expect(!failures.isEmpty)
        #expect(wrongFailures.isEmpty, "not a 503 in the dialect's body: \(wrongFailures.prefix(5).map(Self.line))")
        let slow = answers.filter { $0.http.duration > answerBound }
        #expect(slow.isEmpty, "answered later than \(answerBound): \(slow.prefix(5).map(Self.line))")
        #expect(recovered, "writes did not succeed again within 30 s: \(Self.summary(of: stream))")
        #expect(statusRecovered, "/status did not answer 200 again within 30 s")
        #expect(server.process.isRunning)

        var lost: [Int] = []
        for write in acknowledged.map(\.write).sorted() {
            let ids = try await annotationIDs(
                ofReport: WriteStream.reportKey(write), at: endpoints, in: .dataCenter, token: token)
            if ids != [WriteStream.annotationID(write)] { lost.append(write) }
        }
        #expect(lost.isEmpty, "acknowledged but not stored: \(lost)")
    }

    // MARK: Helpers

    /// One writer of ``concurrentWritersOnTwoServersNeverPassTheCap()``.
    struct CapWriter: Sendable, CustomStringConvertible {
        let index: Int
        /// 0 or 1: which server it writes to.
        let server: Int
        let dialect: WireDialect
        let externalIDs: [String]

        var description: String {
            "writer \(index) (\(externalIDs.count) annotations, server \(server + 1), \(dialect))"
        }
    }

    /// Runs `body` with two servers on one new database (each with a data folder of its own and the annotation cap
    /// `cap`) and an admin token on `PROJ/my-repo`; stops the servers and drops the database afterwards.
    func withTwoServers(
        cap: Int, _ body: ([RepositoryEndpoints], String) async throws -> Void
    ) async throws {
        let t0 = ContinuousClock.now
        let database = try PostgresTestDatabase.create(through: try #require(PostgresTestDatabase.clusterURL))
        print("DEBUG2 created \(ContinuousClock.now - t0)")
        defer { database.drop() }
        let directories = try [Self.freshDirectory(), Self.freshDirectory()]
        defer { for directory in directories { try? FileManager.default.removeItem(at: directory) } }
        let token = try Self.initialize(database: database.url, dataDirectory: directories[0])
        print("DEBUG2 initialized \(ContinuousClock.now - t0)")
        let arguments = ["--database", database.url, "--max-annotations-per-report", "\(cap)"]
        let first = try Self.startServer(dataDirectory: directories[0], arguments: arguments)
        defer { first.terminate() }
        let second = try Self.startServer(dataDirectory: directories[1], arguments: arguments)
        defer { second.terminate() }
        print("DEBUG2 started \(ContinuousClock.now - t0)")
        defer { print("DEBUG2 end \(ContinuousClock.now - t0)") }
        try await body(
            [first, second].map { RepositoryEndpoints(baseURL: $0.baseURL, commit: Self.commit) }, token)
        print("DEBUG2 body done \(ContinuousClock.now - t0)")
        for server in [first, second] {
            let errors = (try? String(contentsOf: server.errorLog, encoding: .utf8)) ?? ""
            #expect(!errors.contains(" error "), "\(errors)")
        }
    }

    /// The external ids of a report's annotations, read in `dialect` (Cloud: page by page).
    func annotationIDs(
        ofReport key: String, at server: RepositoryEndpoints, in dialect: WireDialect, token: String
    ) async throws -> [String] {
        let url = server.annotations(ofReport: key, in: dialect)
        switch dialect {
        case .dataCenter:
            let answer = try await HTTP.send("GET", url, token: token)
            try #require(answer.status == 200, "\(answer.text)")
            return try JSONDecoder().decode(StoredAnnotations.self, from: answer.body).annotations.compactMap(
                \.externalId)
        case .cloud:
            var ids: [String] = []
            var next: String? = "\(url)?pagelen=100"
            while let page = next {
                let answer = try await HTTP.send("GET", page, token: token)
                try #require(answer.status == 200, "\(answer.text)")
                let decoded = try JSONDecoder().decode(CloudAnnotationPage.self, from: answer.body)
                ids += decoded.values.compactMap(\.externalId)
                next = decoded.next
            }
            return ids
        }
    }

    /// The commit-wide query's annotations, external id to message.
    func messages(_ commitAnnotations: String, token: String) async throws -> [String: String] {
        let answer = try await HTTP.send("GET", commitAnnotations, token: token)
        try #require(answer.status == 200, "\(answer.text)")
        let stored = try JSONDecoder().decode(StoredAnnotations.self, from: answer.body)
        return Dictionary(stored.annotations.map { ($0.externalId ?? "", $0.message) }) { first, _ in first }
    }

    static func freshDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "insights-postgres-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// `insights admin init` on `database`: user `ci` with admin on `PROJ/my-repo`; returns the token.
    static func initialize(database: String, dataDirectory: URL) throws -> String {
        let output = try InsightsProcess.run([
            "admin", "init", "--user", "ci", "--repository", "PROJ/my-repo", "--database", database, "--data-dir",
            dataDirectory.path,
        ])
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("export INSIGHTS_TOKEN=") })
        return String(line.dropFirst("export INSIGHTS_TOKEN=".count))
    }

    /// Starts `insights serve` with `arguments`; a server that did not come up is killed.
    static func startServer(dataDirectory: URL, arguments: [String]) throws -> InsightsProcess {
        let server = InsightsProcess(dataDirectory: dataDirectory)
        do {
            try server.start(arguments: arguments)
        } catch {
            if server.process.isRunning { server.kill() }
            let errors = (try? String(contentsOf: server.errorLog, encoding: .utf8)) ?? ""
            throw InsightsProcessError(message: "\(error): \(errors)")
        }
        return server
    }

    /// Checks `condition` every 50 ms until it holds or `timeout` has passed; returns whether it held.
    static func eventually(within timeout: Duration, _ condition: () async -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return await condition()
    }

    static func line(_ answer: WriteStream.Answer) -> String {
        let status = answer.http.status.map(String.init) ?? "no answer"
        return "write \(answer.write) (\(answer.dialect)): \(status) after \(answer.http.duration): \(answer.http.text)"
    }

    static func summary(of stream: WriteStream) -> String {
        let answers = stream.answers
        return "\(answers.count) answers, \(stream.acknowledged.count) acknowledged, last: "
            + "\(answers.suffix(3).map(line))"
    }
}

/// The parts of Cloud's report answer the tests check.
private struct CloudReportAnswer: Decodable {
    let title: String
}

/// Cloud's page of annotations, as far as the tests read it.
private struct CloudAnnotationPage: Decodable {
    struct Item: Decodable {
        let externalId: String?

        enum CodingKeys: String, CodingKey { case externalId = "external_id" }
    }

    let values: [Item]
    let next: String?
}
