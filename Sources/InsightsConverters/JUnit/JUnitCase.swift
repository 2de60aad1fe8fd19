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
    /// The `name` of the innermost `<testsuite>` around the case; `nil` when absent or empty.
    var suiteName: String?
    /// Whether the case has a `<skipped>` element.
    var isSkipped = false
    /// The `<failure>` and `<error>` elements, in document order.
    var problems: [JUnitProblem] = []

    /// `classname.name`, or just `name` when the class name is empty.
    var qualifiedName: String {
        className.isEmpty ? name : "\(className).\(name)"
    }

    /// The source file the writer named for this case, not yet made repository-relative.
    ///
    /// The `file` attribute, else the suite name when ``isSourcePath(_:className:)`` says it is a file path (ruff
    /// writes one suite per file, named by its path, and no `file` attribute); otherwise `nil`.
    var declaredPath: String? {
        if let file { return file }
        if let suiteName, Self.isSourcePath(suiteName, className: className) { return suiteName }
        return nil
    }

    /// Whether a suite name is a file path rather than a class, module or description.
    ///
    /// The last path component must have a stem and an extension of 1–10 lowercase ASCII letters and digits with
    /// at least one letter (`app.py`, `Foo.kt`, `bar.tsx`), and the name must either contain a `/` or `\` or be
    /// the class name plus that extension (ruff: suite `app.py`, classname `app`). So `pytest`,
    /// `com.acme.FooTest` (Surefire, where the classname is the suite name), `tests.test_arith` and
    /// `utils.format` are not paths.
    ///
    /// - Parameters:
    ///   - name: the `<testsuite name>`.
    ///   - className: the test case's `classname`.
    /// - Returns: `true` when `name` names a source file.
    static func isSourcePath(_ name: String, className: String) -> Bool {
        let component = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? ""
        guard let dot = component.lastIndex(of: "."), dot != component.startIndex else { return false }
        let pathExtension = component[component.index(after: dot)...]
        guard (1...10).contains(pathExtension.count),
            pathExtension.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) }),
            pathExtension.contains(where: \.isLetter)
        else { return false }
        let hasSeparator = name.contains("/") || name.contains("\\")
        return hasSeparator || name.dropLast(pathExtension.count + 1) == className
    }
}
