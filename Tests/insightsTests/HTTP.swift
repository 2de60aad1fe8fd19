import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A minimal HTTP client for driving the real server.
enum HTTP {
    struct Response {
        let status: Int
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func send(_ method: String, _ url: String, token: String?, body: String? = nil) async throws -> Response {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return Response(status: Int(response.status.code), body: Data(bytes.readableBytesView))
    }
}
