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
        JSONResponse.make(errorBody: try WireEncoder.bytes(DataCenterErrorBody(error)), for: error)
    }
}
