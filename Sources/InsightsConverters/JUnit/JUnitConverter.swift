public import Foundation
public import InsightsCore

/// Converts JUnit XML test results (`<testsuites>`/`<testsuite>`/`<testcase>` with `<failure>`, `<error>` and
/// `<skipped>`), as written by pytest `--junitxml`, Maven Surefire, Gradle, Jest and others.
///
/// Counts come from the `<testcase>` elements, not from the suites' own attributes. The report carries Tests,
/// Passed, Failed (failures and errors), Skipped and Duration, and is ``ReportResult/failed`` when anything
/// failed. Each `<failure>` or `<error>` becomes a high-severity ``AnnotationType/bug`` annotation located by
/// ``StackTraceLocator`` or the test case's `file`/`line` attributes (ruff names the file in the suite instead);
/// see `docs/converters.md`.
public struct JUnitConverter: InsightConverter {
    /// Always ``InsightFormat/junit``.
    public var format: InsightFormat { .junit }

    /// Creates the converter.
    public init() {}

    /// Converts the JUnit report at `url`, streaming it.
    ///
    /// - Parameters:
    ///   - url: a local JUnit XML file.
    ///   - options: the repository root used to make paths relative.
    /// - Returns: one annotation per failure or error, in document order, and the counts.
    /// - Throws: ``ConversionError`` when the file is not well-formed XML or has no JUnit root element.
    public func convert(contentsOf url: URL, options: ConversionOptions) throws -> InsightBundle {
        let delegate = JUnitParserDelegate()
        try XMLEventReader.parse(
            contentsOf: url, handler: delegate, format: "JUnit", root: "<testsuites> or <testsuite>")
        var ids = ExternalIDAllocator(prefix: "junit")
        var annotations: [AnnotationContent] = []
        var failed = 0
        var skipped = 0
        for testCase in delegate.cases {
            if !testCase.problems.isEmpty {
                failed += 1
            } else if testCase.isSkipped {
                skipped += 1
            }
            for problem in testCase.problems {
                annotations.append(
                    Self.annotation(for: problem, in: testCase, root: options.repositoryRoot, ids: &ids))
            }
        }
        let total = delegate.cases.count
        let seconds =
            delegate.rootTime ?? delegate.outerSuiteTime ?? delegate.cases.reduce(0) { $0 + ($1.time ?? 0) }
        let report = Self.report(total: total, failed: failed, skipped: skipped, seconds: seconds)
        return InsightBundle(report: report, annotations: annotations)
    }

    /// Makes the annotation for one failure or error.
    private static func annotation(
        for problem: JUnitProblem, in testCase: JUnitCase, root: URL?, ids: inout ExternalIDAllocator
    ) -> AnnotationContent {
        let location = Self.location(of: problem, in: testCase, root: root)
        let text = problem.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return AnnotationContent(
            externalID: ids.make(from: [testCase.className, testCase.name]), path: location?.path,
            line: location?.line, message: "\(testCase.qualifiedName): \(Self.summary(of: problem))",
            details: text.isEmpty ? nil : text, severity: .high, type: .bug)
    }

    /// Where to put the annotation.
    ///
    /// In order: the innermost stack frame in the test case's own file; that file with the `line` attribute; the
    /// innermost in-repository stack frame; otherwise `nil` (a report-level annotation). The case's own file is
    /// ``JUnitCase/declaredPath``: the `file` attribute, else a suite name that is a path (ruff).
    ///
    /// - Parameters:
    ///   - problem: the failure or error.
    ///   - testCase: the test case it belongs to.
    ///   - root: the repository root used to make paths relative.
    /// - Returns: the repository-relative location, or `nil`.
    static func location(
        of problem: JUnitProblem, in testCase: JUnitCase, root: URL?
    ) -> StackTraceLocator.Location? {
        let frames = StackTraceLocator.locations(in: problem.text, root: root)
        if let file = testCase.declaredPath {
            let path = RepositoryPath.relative(file, root: root)
            if let frame = frames.last(where: { $0.path == path }) {
                return frame
            }
            if let line = testCase.line, line > 0 {
                return StackTraceLocator.Location(path: path, line: line)
            }
        }
        return frames.last
    }

    /// The failure's message attribute, else its type, else the first line of its text, else its kind.
    private static func summary(of problem: JUnitProblem) -> String {
        let message = problem.message.trimmingCharacters(in: .whitespacesAndNewlines)
        if !message.isEmpty { return message }
        if !problem.type.isEmpty { return problem.type }
        let firstLine = problem.text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
        return firstLine ?? problem.kind
    }

    /// Builds the report with its five data fields.
    private static func report(total: Int, failed: Int, skipped: Int, seconds: Double) -> ReportContent {
        let passed = total - failed - skipped
        let milliseconds = (seconds * 1000).rounded()
        let noun = total == 1 ? "test" : "tests"
        return ReportContent(
            title: "Test results",
            details: "\(total) \(noun): \(passed) passed, \(failed) failed, \(skipped) skipped.",
            result: failed > 0 ? .failed : .passed,
            reportType: .test,
            data: [
                DataField(title: "Tests", type: .number, value: .number(Double(total))),
                DataField(title: "Passed", type: .number, value: .number(Double(passed))),
                DataField(title: "Failed", type: .number, value: .number(Double(failed))),
                DataField(title: "Skipped", type: .number, value: .number(Double(skipped))),
                DataField(title: "Duration", type: .duration, value: .number(milliseconds)),
            ])
    }
}
