import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers the errors raised before routing, after NIO's HTTP decoder: an ``HTTPLayerRejection`` from
/// ``RequestLineGuard``, or an `HTTPParserError` of the decoder while a head is read (431 for `headerOverflow`, 400
/// for the rest), in the error body of the dialect owning the request's path; then it has the connection closed.
///
/// Without it Hummingbird answers a decoder error with an empty 400. Errors while a body is read belong to the
/// handler reading it and are passed on. When earlier requests of the connection are still being answered
/// (pipelining), the refusal waits until they are.
final class HTTPLayerErrorHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limits: HTTPConnectionLimits
    private let logger: Logger
    private var requestLine: RequestLineGuard?
    private var unansweredRequests = 0
    private var isRejecting = false
    private var pendingRejection: HTTPLayerRejection?

    /// Creates the handler of one connection.
    ///
    /// - Parameters:
    ///   - limits: the limits the decoder was given, named in the answers.
    ///   - logger: where refusals are logged, at debug.
    init(limits: HTTPConnectionLimits, logger: Logger) {
        self.limits = limits
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        requestLine = try? context.pipeline.syncOperations.handler(type: RequestLineGuard.self)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // What the decoder still produces for a refused request is not passed on.
        guard !isRejecting else { return }
        switch unwrapInboundIn(data) {
        case .head:
            unansweredRequests += 1
            requestLine?.headReceived()
        case .body:
            break
        case .end:
            requestLine?.messageEnded()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(data, promise: promise)
        guard case .end = unwrapOutboundIn(data) else { return }
        unansweredRequests -= 1
        if unansweredRequests == 0, let rejection = pendingRejection {
            pendingRejection = nil
            respond(rejection, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if isRejecting { return }
        let rejection: HTTPLayerRejection
        if let refused = error as? HTTPLayerRejection {
            rejection = refused
        } else if let parserError = error as? HTTPParserError, requestLine?.isBeforeRouting ?? true {
            requestLine?.rejectionStarted()
            rejection = HTTPLayerRejection(parserError, path: requestLine?.currentPath, limits: limits)
            logger.debug(
                "Refusing a request before routing",
                metadata: ["http.status": "\(rejection.status.code)", "error": "\(parserError)"])
        } else {
            context.fireErrorCaught(error)
            return
        }
        isRejecting = true
        if unansweredRequests > 0 {
            pendingRejection = rejection
        } else {
            respond(rejection, context: context)
        }
    }

    private func respond(_ rejection: HTTPLayerRejection, context: ChannelHandlerContext) {
        let body = (try? rejection.body()) ?? []
        var fields = HTTPFields()
        fields[.contentType] = "application/json;charset=UTF-8"
        fields[.contentLength] = "\(body.count)"
        fields[.connection] = "close"
        context.write(
            wrapOutboundOut(.head(HTTPResponse(status: rejection.status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: body))), promise: nil)
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
        let requestLine = self.requestLine
        written.futureResult.assumeIsolated().whenComplete { _ in
            if let requestLine {
                requestLine.closeAfterResponse()
            } else {
                context.close(promise: nil)
            }
        }
    }
}
