import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

/// Answers every request the proxy receives: forwards absolute-form requests for an allowed host to the upstream
/// server with the configured `Authorization`, and refuses the rest with a ``ProxyRefusal``.
///
/// Each request is logged once at info: method, host, path (without query), status and duration. Headers and bodies
/// are never logged, so neither the configured credential nor one a client sent can reach the log.
struct ProxyResponder: HTTPResponder {
    /// Hummingbird's basic context: the request's logger and channel are all the proxy needs.
    typealias Context = BasicRequestContext

    /// Request fields never forwarded besides the hop-by-hop ones: the client's own credential, fields the upstream
    /// client sets itself, and the marker of ``AbsoluteFormHandler``.
    private static let replacedFields: Set<String> = [
        "authorization", "host", "content-length", "expect", "x-forwarded-host", "x-forwarded-proto",
        AbsoluteFormHandler.schemeHeader,
    ]

    /// The settings: allowed hosts, upstream, credential, body limit, timeout.
    let configuration: ProxyConfiguration
    /// The client that forwards requests.
    let client: HTTPClient

    /// Forwards or refuses `request`, and logs it.
    ///
    /// - Parameters:
    ///   - request: the request as the client sent it, its target already in origin form.
    ///   - context: the request's context and logger.
    /// - Returns: the upstream response (status, end-to-end fields, streamed body) or the refusal.
    /// - Throws: only when the refusal cannot be rendered.
    func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let host = request.head.authority.map(AbsoluteTarget.hostName(ofAuthority:)) ?? ""
        let response: Response
        do {
            response = try await forward(request, host: host, logger: context.logger)
        } catch let refusal as ProxyRefusal {
            response = try refusal.response(from: request, context: context)
        }
        let path = request.method == .connect ? "" : String((request.head.path ?? "/").prefix { $0 != "?" })
        let elapsed = (ContinuousClock.now - start) / .milliseconds(1)
        context.logger.info(
            "proxied request",
            metadata: [
                "http.method": "\(request.method.rawValue)", "proxy.host": "\(host)", "http.path": "\(path)",
                "http.status": "\(response.status.code)", "duration.ms": "\(String(format: "%.1f", elapsed))",
            ])
        return response
    }

    /// Checks `request` and sends it upstream.
    private func forward(_ request: Request, host: String, logger: Logger) async throws -> Response {
        guard request.method != .connect else { throw ProxyRefusal.tunnelRefused }
        guard request.headers.contains(where: { $0.name.canonicalName == AbsoluteFormHandler.schemeHeader }) else {
            throw ProxyRefusal.notAbsoluteForm
        }
        guard configuration.allowedHosts.contains(host) else {
            throw ProxyRefusal.hostNotAllowed(host, allowed: configuration.allowedHosts.sorted())
        }
        let upstreamRequest = try await makeUpstreamRequest(request)
        let upstreamResponse: HTTPClientResponse
        do {
            upstreamResponse = try await client.execute(
                upstreamRequest, timeout: TimeAmount(configuration.upstreamTimeout), logger: logger)
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            logger.error("upstream timed out", metadata: ["upstream": "\(configuration.upstream.absoluteString)"])
            throw ProxyRefusal.upstreamTimedOut
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.error(
                "upstream unreachable",
                metadata: [
                    "upstream": "\(configuration.upstream.absoluteString)", "error": "\(String(reflecting: error))",
                ])
            throw ProxyRefusal.upstreamUnreachable
        }
        var fields = HTTPFields()
        for header in upstreamResponse.headers {
            guard let name = HTTPField.Name(header.name) else { continue }
            fields.append(HTTPField(name: name, value: header.value))
        }
        return Response(
            status: HTTPResponse.Status(
                code: Int(upstreamResponse.status.code), reasonPhrase: upstreamResponse.status.reasonPhrase),
            headers: fields.endToEnd(),
            body: ResponseBody(asyncSequence: upstreamResponse.body))
    }

    /// `target` with the characters a URL may not hold (`{`, `}`, space, …) percent-encoded, and everything else,
    /// existing escapes included, as it was: Foundation would otherwise escape the whole target again (`%2F` to
    /// `%252F`) when it meets one of them.
    private static func escapingDisallowed(_ target: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed.union(.urlPathAllowed)
        allowed.insert(charactersIn: "%")
        return target.addingPercentEncoding(withAllowedCharacters: allowed) ?? target
    }

    /// The upstream request: same method, path and query, end-to-end fields and body, the configured credential.
    private func makeUpstreamRequest(_ request: Request) async throws -> HTTPClientRequest {
        let limit = configuration.maxBodyBytes
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw ProxyRefusal.bodyTooLarge(limit: limit)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw ProxyRefusal.bodyTooLarge(limit: limit)
        }
        var base = configuration.upstream.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var upstreamRequest = HTTPClientRequest(url: base + Self.escapingDisallowed(request.head.path ?? "/"))
        upstreamRequest.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headers.endToEnd(without: Self.replacedFields) {
            upstreamRequest.headers.add(name: field.name.rawName, value: field.value)
        }
        upstreamRequest.headers.add(name: "Authorization", value: configuration.credentials.authorizationHeader)
        // The host the client asked for, so the upstream's absolute links (Cloud's `next`) lead back through here.
        if let authority = request.head.authority {
            upstreamRequest.headers.add(name: "X-Forwarded-Host", value: authority)
            upstreamRequest.headers.add(name: "X-Forwarded-Proto", value: "http")
        }
        let declaresBody = request.headers[.contentLength] != nil || request.headers[.transferEncoding] != nil
        if declaresBody || body.readableBytes > 0 { upstreamRequest.body = .bytes(body) }
        return upstreamRequest
    }
}
