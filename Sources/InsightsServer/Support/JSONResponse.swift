import HTTPTypes
import Hummingbird
import InsightsWire
import NIOCore

/// Builds JSON responses with the encoding every dialect shares.
enum JSONResponse {
    /// A response with `value` encoded as compact JSON.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let body = try WireEncoder.bytes(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json;charset=UTF-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// An empty 204 response.
    static var noContent: Response { Response(status: .noContent) }
}
