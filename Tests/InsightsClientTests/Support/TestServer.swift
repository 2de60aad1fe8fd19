import Foundation
import Hummingbird
import Logging
import NIOCore

/// Runs a Hummingbird router on 127.0.0.1 with an ephemeral port for the duration of `body`.
enum TestServer {
    static func with<T: Sendable>(
        _ router: Router<BasicRequestContext>, _ body: @Sendable (URL) async throws -> T
    ) async throws -> T {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: Logger(label: "test-server", factory: { _ in SwiftLogNoOpLogHandler() }))
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await app.runService(gracefulShutdownSignals: [])
                return nil
            }
            var port = 0
            for await value in ports { port = value }
            guard let url = URL(string: "http://127.0.0.1:\(port)") else { throw CancellationError() }
            do {
                let result = try await body(url)
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    /// A JSON response.
    static func json(_ status: HTTPResponse.Status, _ data: Data, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The request body as data.
    static func body(of request: Request) async throws -> Data {
        var request = request
        let buffer = try await request.collectBody(upTo: 64 * 1024 * 1024)
        return Data(buffer.readableBytesView)
    }
}
