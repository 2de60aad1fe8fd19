import HTTPTypes
import Hummingbird
import InsightsCore
import InsightsWire
import NIOCore

/// An error rendered as Bitbucket Cloud's error body, `{"type":"error","error":{…}}`, with the status of its kind.
struct CloudHTTPError: HTTPResponseError {
    let error: InsightsError

    var status: HTTPResponse.Status { error.kind.httpStatus }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(errorBody: try WireEncoder.bytes(CloudErrorBody(error)), for: error)
    }
}
