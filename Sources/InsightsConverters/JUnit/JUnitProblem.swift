/// A `<failure>` or `<error>` element of a JUnit test case.
struct JUnitProblem: Sendable, Equatable {
    /// `failure` (an assertion failed) or `error` (the test could not run to completion).
    var kind: String
    /// The `message` attribute; empty when absent.
    var message: String
    /// The `type` attribute, e.g. `AssertionError`; empty when absent.
    var type: String
    /// The element's text: usually the stack trace.
    var text: String
}
