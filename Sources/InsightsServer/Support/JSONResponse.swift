import HTTPTypes
import Hummingbird
import InsightsCore
import InsightsWire
import NIOCore

/// Builds JSON responses with the encoding every dialect shares.
enum JSONResponse {
    /// A response with `value` encoded as compact JSON.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        make(encoded: try WireEncoder.bytes(value), status: status)
    }

    /// A response with a body already encoded as JSON.
    static func make(encoded body: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        make(body: ByteBuffer(bytes: body), status: status)
    }

    /// A response with a body already encoded as JSON, in a buffer.
    static func make(body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json;charset=UTF-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }

    /// An error response: `body` with the status of the error's kind, and `WWW-Authenticate` for a 401.
    static func make(errorBody body: [UInt8], for error: InsightsError) -> Response {
        var response = make(encoded: body, status: error.kind.httpStatus)
        if error.kind == .unauthenticated {
            response.headers[.wwwAuthenticate] = "Basic realm=\"insights\""
        }
        return response
    }

    /// An empty 204 response.
    static var noContent: Response { Response(status: .noContent) }
}
