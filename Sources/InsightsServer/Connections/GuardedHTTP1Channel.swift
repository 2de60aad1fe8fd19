import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 child channel with this server's connection limits: a ``RequestLineGuard`` in front of
/// the decoder, an ``HTTPLayerErrorHandler`` behind it, the decoder's size limits and the idle timeout.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    /// The channel the requests are served by.
    let http1: HTTP1Channel
    /// The limits of every connection.
    let limits: HTTPConnectionLimits

    /// Creates the channel.
    ///
    /// - Parameters:
    ///   - responder: Hummingbird's responder.
    ///   - limits: the limits of every connection.
    ///   - logger: where refusals are logged.
    init(responder: @escaping HTTPChannelHandler.Responder, limits: HTTPConnectionLimits, logger: Logger) {
        self.limits = limits
        http1 = HTTP1Channel(
            responder: responder,
            configuration: .init(
                additionalChannelHandlers: [HTTPLayerErrorHandler(limits: limits, logger: logger)],
                idleTimeout: limits.idleTimeout,
                httpDecoderConfiguration: .init(
                    maxHeaderFieldSize: limits.maxHeaderBytes, maxHeaderListSize: limits.maxHeaderBytes,
                    maxHeaderFieldCount: limits.maxHeaderFields)))
    }

    /// Puts the ``RequestLineGuard`` first, then Hummingbird's HTTP/1.1 handlers.
    ///
    /// - Parameters:
    ///   - channel: the accepted connection.
    ///   - logger: the server's logger.
    /// - Returns: the channel's async wrapper.
    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let limits = limits
        let http1 = http1
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(
                RequestLineGuard(limits: limits, logger: logger), position: .first)
        }.flatMap {
            http1.setup(channel: channel, logger: logger)
        }
    }

    /// Serves the connection's requests.
    ///
    /// - Parameters:
    ///   - value: the channel's async wrapper.
    ///   - logger: the server's logger.
    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// An HTTP/1.1 server held to `limits` (see ``GuardedHTTP1Channel``).
    ///
    /// - Parameters:
    ///   - limits: the limits of every connection.
    ///   - logger: where refusals are logged.
    /// - Returns: the builder for `Application(router:server:…)`.
    static func guardedHTTP1(limits: HTTPConnectionLimits, logger: Logger) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            GuardedHTTP1Channel(responder: responder, limits: limits, logger: logger)
        }
    }
}
