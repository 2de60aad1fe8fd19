/// The configurable limits every dialect's handlers apply.
struct ServerLimits: Sendable {
    /// The cap on annotations per report.
    var maxAnnotationsPerReport: Int
    /// The largest request body, in bytes.
    var maxBodyBytes: Int
}
