import Foundation
import HTTPTypes
import InsightsSQLite
import Logging
import NIOCore
import NIOHTTP1
import Testing

@testable import InsightsServer

/// The pieces the HTTP layer refuses requests with before routing: the request-line scanner and the error bodies.
/// The connections themselves are driven end to end in `insightsTests/ConnectionLimitsEndToEndTests`.
@Suite struct HTTPLayerTests {
    @Test func scannerReadsThePathOfARequestLineSplitAcrossReads() {
        var scanner = RequestLineScanner(maxTargetBytes: 64)
        #expect(scanner.scan(Array("\r\nGET /2.0/repos".utf8)) == .needsMoreBytes)
        #expect(scanner.scan(Array("itories?page=2 HTTP/1.1\r\n".utf8)) == .complete(path: "/2.0/repositories"))
    }

    @Test func scannerStripsSchemeAndAuthorityOfAnAbsoluteURL() {
        var scanner = RequestLineScanner(maxTargetBytes: 64)
        #expect(scanner.scan(Array("GET http://host:7990/2.0/x HTTP/1.1".utf8)) == .complete(path: "/2.0/x"))
    }

    @Test func scannerStopsAtTheFirstByteBeyondTheLimit() {
        var scanner = RequestLineScanner(maxTargetBytes: 8)
        #expect(scanner.scan(Array("GET /rest/insights/".utf8)) == .targetTooLong(path: "/rest/ins"))
        var atLimit = RequestLineScanner(maxTargetBytes: 8)
        #expect(atLimit.scan(Array("GET /1234567 HTTP/1.1".utf8)) == .complete(path: "/1234567"))
    }

    @Test(arguments: ["get / HTTP/1.1", "GET %2F HTTP/1.1", "\u{1}GET /", "ABCDEFGHIJKLMNOPQRSTUVWXYZ /", "GET\t/"])
    func scannerLeavesWhatIsNotARequestLineToTheDecoder(_ bytes: String) {
        var scanner = RequestLineScanner(maxTargetBytes: 4)
        #expect(scanner.scan(Array(bytes.utf8)) == .notARequestLine)
    }

    @Test func rejectionsOnCloudPathsUseCloudsBody() throws {
        let rejection = HTTPLayerRejection.uriTooLong(path: "/2.0/repositories/w/r", max: 16384)
        #expect(rejection.status == .uriTooLong)
        let body = String(decoding: try rejection.body(), as: UTF8.self)
        #expect(body == #"{"type":"error","error":{"message":"The request URL is longer than 16384 bytes."}}"#)
    }

    @Test(arguments: ["/rest/insights/latest/projects", "/2.0x/y", "/status", nil] as [String?])
    func rejectionsElsewhereUseDataCentersBody(_ path: String?) throws {
        let limits = HTTPConnectionLimits(ServerConfiguration())
        let rejection = HTTPLayerRejection(.headerOverflow, path: path, limits: limits)
        #expect(rejection.status == .requestHeaderFieldsTooLarge)
        let body = String(decoding: try rejection.body(), as: UTF8.self)
        #expect(
            body
                == #"{"errors":[{"context":null,"message":"The request's headers are larger than 81920 bytes or more "#
                + #"than 1000 fields.","exceptionName":null}]}"#)
    }

    @Test func cloudBasePathsAreThoseOfTheCloudRoutes() async throws {
        let server = try await TestServer.make()
        let routes = CloudRoutes(
            service: InsightsService(
                store: server.store, limits: ServerLimits(maxAnnotationsPerReport: 1000, maxBodyBytes: 1024),
                mirrors: RepositoryMirrors(directory: server.directory, logger: Logger(label: "test"))))
        #expect(HTTPLayerRejection.cloudBasePaths == routes.basePaths)
    }

    @Test func limitsFollowTheConfiguredTimeouts() throws {
        let configuration = try ServerConfiguration.resolve(
            flags: [.idleTimeoutSeconds: "5", .readTimeoutSeconds: "2"], environment: [:])
        let limits = HTTPConnectionLimits(configuration)
        #expect(limits.idleTimeout == .seconds(5))
        #expect(limits.readTimeout == .seconds(2))
        #expect(limits.maxURLBytes == 16 * 1024)
        #expect(limits.maxHeaderBytes == 80 * 1024)
    }
}
