import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends one plain-http request through a forward proxy in absolute form (`PUT http://api.bitbucket.org/2.0/… HTTP/1.1`),
/// as `curl --proxy` does.
///
/// AsyncHTTPClient always tunnels through a proxy with `CONNECT`, which the Bitbucket Pipelines authentication proxy
/// cannot use: it must see the request to add the `Authorization` header. One connection per request, closed after it.
struct ForwardProxyTransport: Sendable {
    /// What the proxy answered.
    struct Response: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: Data
    }

    /// The proxy's address.
    let proxy: HTTPProxy

    /// Sends the request and collects the whole response.
    ///
    /// - Throws: NIO's connection errors, `ChannelError.ioOnClosedChannel` for a truncated answer, or a timeout.
    func send(
        method: HTTPMethod, url: URL, headers: HTTPHeaders, body: Data?, timeout: Duration
    ) async throws -> Response {
        try await withThrowingTaskGroup(of: Response?.self) { group in
            group.addTask { try await exchange(method: method, url: url, headers: headers, body: body) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else {
                throw ChannelError.connectTimeout(.milliseconds(0))
            }
            return response
        }
    }

    private func exchange(method: HTTPMethod, url: URL, headers: HTTPHeaders, body: Data?) async throws -> Response {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: proxy.host, port: proxy.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var head = HTTPRequestHead(version: .http1_1, method: method, uri: url.absoluteString)
            head.headers = headers
            var host = url.host ?? ""
            if let port = url.port { host += ":\(port)" }
            head.headers.replaceOrAdd(name: "Host", value: host)
            head.headers.replaceOrAdd(name: "Connection", value: "close")
            head.headers.replaceOrAdd(name: "Content-Length", value: String(body?.count ?? 0))
            try await outbound.write(.head(head))
            if let body, !body.isEmpty { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
            try await outbound.write(.end(nil))
            var status: Int?
            var responseHeaders = HTTPHeaders()
            var data = Data()
            for try await part in inbound {
                switch part {
                case .head(let responseHead):
                    status = Int(responseHead.status.code)
                    responseHeaders = responseHead.headers
                case .body(let buffer):
                    data.append(contentsOf: buffer.readableBytesView)
                case .end:
                    guard let status else { throw ChannelError.ioOnClosedChannel }
                    return Response(status: status, headers: responseHeaders, body: data)
                }
            }
            throw ChannelError.ioOnClosedChannel
        }
    }
}
