import Foundation
import HTTPTypes
import Hummingbird
import InsightsCore
import InsightsWire
import NIOCore

/// An error rendered as Data Center's error body, with the status of its kind.
struct DataCenterHTTPError: HTTPResponseError {
    let error: InsightsError

    var status: HTTPResponse.Status { error.kind.httpStatus }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json;charset=UTF-8"
        if error.kind == .unauthenticated {
            headers[.wwwAuthenticate] = "Basic realm=\"insights\""
        }
        let body = try WireEncoder.bytes(DataCenterErrorBody(error))
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
