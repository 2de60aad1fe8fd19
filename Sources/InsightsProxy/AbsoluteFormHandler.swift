import NIOCore
import NIOHTTP1

/// Turns an absolute-form request head (`PUT http://api.bitbucket.org/2.0/… HTTP/1.1`) into origin form before
/// Hummingbird sees it, keeping what origin form loses.
///
/// Hummingbird 2.28 converts NIO's request head with swift-nio-extras' `HTTPRequest(_:secure:splitCookie:)`, which
/// drops the scheme and authority of an absolute target (the authority then comes from `Host`, the scheme is always
/// `http`), and passes a target it cannot parse (one with `{` or `}`) through whole as the path. So this handler,
/// placed between NIO's request decoder and Hummingbird's codec, rewrites the head itself: the path becomes the
/// target's path and query, `Host` becomes the target's authority (a proxy ignores the `Host` a client sent with an
/// absolute target, RFC 9112 §3.2.2), and ``schemeHeader`` records the target's scheme. A client-sent
/// ``schemeHeader`` is always removed, so its presence proves the request line was in absolute form.
final class AbsoluteFormHandler: ChannelInboundHandler, RemovableChannelHandler {
    /// Parts from NIO's request decoder.
    typealias InboundIn = HTTPServerRequestPart
    /// The same parts, heads rewritten, for Hummingbird's codec.
    typealias InboundOut = HTTPServerRequestPart

    /// The header that carries an absolute target's scheme to the responder; never forwarded.
    static let schemeHeader = "x-insights-proxy-target-scheme"

    /// Creates the handler; it keeps no state.
    init() {}

    /// Rewrites request heads in absolute form and passes every other part through.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        head.headers.remove(name: Self.schemeHeader)
        if head.method != .CONNECT, let target = AbsoluteTarget(head.uri) {
            head.uri = target.originForm
            head.headers.replaceOrAdd(name: "Host", value: target.authority)
            head.headers.add(name: Self.schemeHeader, value: target.scheme)
        }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}
