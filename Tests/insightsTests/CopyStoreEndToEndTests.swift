import Foundation
import Testing

/// `insights admin copy-store` on the built binary: a SQLite data folder moved to PostgreSQL, served from there.
@Suite struct CopyStoreEndToEndTests {
    @Test(.enabled(if: PostgresTestDatabase.clusterURL != nil))
    func aSQLiteStoreCopiedToPostgreSQLServesTheSameReportsToTheSameToken() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("insights-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let sqliteData = root.appendingPathComponent("sqlite")
        try FileManager.default.createDirectory(at: sqliteData, withIntermediateDirectories: true)
        let database = try PostgresTestDatabase.create(through: try #require(PostgresTestDatabase.clusterURL))
        defer { database.drop() }

        let token = try EndToEndTests().token(dataDirectory: sqliteData)
        let report = "/rest/insights/latest/projects/PROJ/repos/my-repo/commits/\(EndToEndTests.commit)/reports/lint"
        let original: (report: String, annotations: String)
        do {
            let server = InsightsProcess(dataDirectory: sqliteData)
            try server.start()
            defer { server.terminate() }
            let put = try await HTTP.send(
                "PUT", server.baseURL + report, token: token,
                body: #"{"title":"Lint","result":"FAIL","data":[{"title":"Issues","type":"NUMBER","value":2}]}"#)
            #expect(put.status == 200, "\(put.text)")
            let post = try await HTTP.send(
                "POST", server.baseURL + report + "/annotations", token: token,
                body: """
                    {"annotations":[{"path":"a.swift","line":3,"message":"m","severity":"HIGH","externalId":"x"},
                    {"path":"b.swift","line":1,"message":"n","severity":"LOW"}]}
                    """)
            #expect(post.status == 204, "\(post.text)")
            original = (
                try await HTTP.send("GET", server.baseURL + report, token: token).text,
                try await HTTP.send("GET", server.baseURL + report + "/annotations", token: token).text
            )
        }

        let copy = try CommandLineTests.run([
            "admin", "copy-store", "--from", sqliteData.path, "--to", database.url,
        ])
        #expect(copy.status == 0, "\(copy.errors)")
        #expect(copy.output.contains("annotations: 2 copied, 0 already there"), "\(copy.output)")
        #expect(copy.output.contains("Verified"))
        let again = try CommandLineTests.run([
            "admin", "copy-store", "--from", sqliteData.path, "--to", database.url,
        ])
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.contains("annotations: 0 copied, 2 already there"), "\(again.output)")

        let instanceData = root.appendingPathComponent("postgres-instance")
        try FileManager.default.createDirectory(at: instanceData, withIntermediateDirectories: true)
        let server = InsightsProcess(dataDirectory: instanceData)
        try server.start(arguments: ["--database", database.url])
        defer { server.terminate() }
        #expect(try await HTTP.send("GET", server.baseURL + report, token: token).text == original.report)
        #expect(
            try await HTTP.send("GET", server.baseURL + report + "/annotations", token: token).text
                == original.annotations)
    }
}
