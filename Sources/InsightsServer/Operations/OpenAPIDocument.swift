import Foundation
import HTTPTypes
import Hummingbird
import InsightsCore
import NIOCore

/// Serves the OpenAPI 3.1 description of a dialect, shipped as a resource of this module.
enum OpenAPIDocument {
    /// `GET …/openapi.json` for the Data Center dialect.
    @Sendable static func dataCenter(_ request: Request, context: some RequestContext) async throws -> Response {
        try response(resource: "openapi-datacenter")
    }

    /// `GET /2.0/openapi.json` for the Cloud dialect.
    @Sendable static func cloud(_ request: Request, context: some RequestContext) async throws -> Response {
        try response(resource: "openapi-cloud")
    }

    /// The document's bytes.
    ///
    /// - Throws: ``InsightsError/internalFailure`` when the resource is missing from the build.
    static func data(resource: String) throws -> Data {
        guard
            let url = Bundle.module.url(forResource: resource, withExtension: "json", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: resource, withExtension: "json")
        else { throw InsightsError.internalFailure }
        return try Data(contentsOf: url)
    }

    private static func response(resource: String) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json;charset=UTF-8"
        return Response(
            status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try data(resource: resource))))
    }
}
