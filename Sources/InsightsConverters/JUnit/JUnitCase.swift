/// One `<testcase>` of a JUnit report, as written by the tool.
struct JUnitCase: Sendable, Equatable {
    /// The `classname` attribute; empty when absent.
    var className: String
    /// The `name` attribute.
    var name: String
    /// The `file` attribute, not yet made repository-relative.
    var file: String?
    /// The `line` attribute, already made 1-based.
    var line: Int?
    /// The `time` attribute in seconds.
    var time: Double?
    /// Whether the case has a `<skipped>` element.
    var isSkipped = false
    /// The `<failure>` and `<error>` elements, in document order.
    var problems: [JUnitProblem] = []

    /// `classname.name`, or just `name` when the class name is empty.
    var qualifiedName: String {
        className.isEmpty ? name : "\(className).\(name)"
    }
}
