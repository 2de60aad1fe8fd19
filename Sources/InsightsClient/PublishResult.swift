/// What a publish run did.
public struct PublishResult: Sendable, Equatable {
    /// The report's URL on the target.
    public var reportURL: String
    /// HTTP requests made, retries included.
    public var requestCount: Int
    /// Annotations sent.
    public var annotationsSent: Int
    /// Stale annotations removed (Cloud: leftovers deleted one by one; Data Center: all removed before sending).
    public var annotationsDeleted: Int
    /// Attempts that were repeated after a connection error, 429 or 5xx.
    public var retries: Int
    /// The per-report maximum the server named when it refused more annotations, if it did; the annotations were then
    /// cut to this many, most important first.
    public var serverMaximum: Int?

    /// Creates a result.
    public init(
        reportURL: String, requestCount: Int, annotationsSent: Int, annotationsDeleted: Int, retries: Int,
        serverMaximum: Int? = nil
    ) {
        self.reportURL = reportURL
        self.requestCount = requestCount
        self.annotationsSent = annotationsSent
        self.annotationsDeleted = annotationsDeleted
        self.retries = retries
        self.serverMaximum = serverMaximum
    }
}
