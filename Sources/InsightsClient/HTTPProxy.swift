/// A plain HTTP forward proxy, such as the Bitbucket Pipelines authentication proxy.
public struct HTTPProxy: Sendable, Hashable, CustomStringConvertible {
    /// The proxy's host name.
    public var host: String
    /// The proxy's port.
    public var port: Int

    /// Creates a proxy address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// The port the Pipelines proxy listens on.
    public static let pipelinesPort = 29418
    /// The Pipelines proxy as a pipeline step sees it: `localhost:29418`.
    public static let pipelines = HTTPProxy(host: "localhost", port: pipelinesPort)
    /// The Pipelines proxy as a pipe (a Docker container) sees it: `host.docker.internal:29418`.
    public static let pipelinesFromPipe = HTTPProxy(host: "host.docker.internal", port: pipelinesPort)

    public var description: String { "http://\(host):\(port)" }
}
