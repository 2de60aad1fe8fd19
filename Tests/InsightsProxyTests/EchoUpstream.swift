import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// What ``EchoUpstream`` received, as it answers it in JSON.
struct EchoedRequest: Codable, Equatable {
    var method: String
    var path: String
    var query: String?
    var host: String?
    var authorization: String?
    var contentType: String?
    var proxyMarker: String?
    var body: String
}

/// The upstream of the tests: echoes each request as an ``EchoedRequest``; `/status/<code>` answers that status
/// instead, with an `X-Upstream: yes` header and a small body unless the status forbids one.
struct EchoUpstream: HTTPResponder {
    typealias Context = BasicRequestContext

    /// The header that marks answers from `/status/<code>`.
    static let markerField = HTTPField.Name("X-Upstream") ?? .server
    /// The proxy's internal marker, which must never arrive here.
    static let proxyMarkerField = HTTPField.Name("x-insights-proxy-target-scheme") ?? .server

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        if path.hasPrefix("/status/"), let code = Int(path.dropFirst("/status/".count)) {
            let body = code == 204 || code == 304 ? ByteBuffer() : ByteBuffer(string: "status \(code)")
            return Response(
                status: HTTPResponse.Status(code: code), headers: [Self.markerField: "yes"],
                body: ResponseBody(byteBuffer: body))
        }
        let body = try await request.body.collect(upTo: 64 * 1024 * 1024)
        let echoed = EchoedRequest(
            method: request.method.rawValue, path: path, query: request.uri.query, host: request.head.authority,
            authorization: request.headers[.authorization], contentType: request.headers[.contentType],
            proxyMarker: request.headers[Self.proxyMarkerField],
            body: String(buffer: body))
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(echoed))))
    }
}
