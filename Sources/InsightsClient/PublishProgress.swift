/// How far a publish run has come, reported after each request.
public struct PublishProgress: Sendable, Equatable {
    /// What the run is doing, e.g. `annotations`.
    public var phase: String
    /// Annotations sent so far.
    public var sent: Int
    /// Annotations to send in all.
    public var total: Int

    /// Creates a progress value.
    public init(phase: String, sent: Int, total: Int) {
        self.phase = phase
        self.sent = sent
        self.total = total
    }
}
