import Foundation
import FoundationXML

/// Collects the test cases and suite times of a JUnit report from the event parser.
///
/// Accepts `<testsuites>` or `<testsuite>` as the root, suites nested to any depth, and ignores elements it does
/// not know (`<properties>`, `<system-out>`, surefire's `<flakyFailure>`, …). Used by one ``JUnitConverter`` call
/// only; it is a class because `XMLParser` requires one.
final class JUnitParserDelegate: NSObject, XMLConversionHandler {
    /// Every test case in document order.
    private(set) var cases: [JUnitCase] = []
    /// The root `<testsuites time>` in seconds, when written.
    private(set) var rootTime: Double?
    /// The sum of the `time` attributes of the outermost `<testsuite>` elements that have one.
    private(set) var outerSuiteTime: Double?
    /// Why the document was rejected.
    private(set) var failure: ConversionError?
    /// Whether a JUnit root element was seen.
    private(set) var hasRoot = false
    /// Elements started and not yet ended.
    var openElementCount: Int { stack.count }

    /// Open element names, outermost first.
    private var stack: [String] = []
    /// The name of the outermost open `<testsuite>`.
    private var outerSuiteName: String?
    /// The `name` attributes of the open `<testsuite>` elements, outermost first (empty when absent).
    private var suiteNames: [String] = []
    private var currentCase: JUnitCase?
    private var currentProblem: JUnitProblem?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        defer { stack.append(elementName) }
        if stack.isEmpty {
            guard elementName == "testsuites" || elementName == "testsuite" else {
                failure = ConversionError("not a JUnit report: the root element is <\(elementName)>")
                parser.abortParsing()
                return
            }
            hasRoot = true
            if elementName == "testsuites" {
                rootTime = Self.seconds(attributeDict["time"])
            }
        }
        switch elementName {
        case "testsuite":
            suiteNames.append(attributeDict["name"] ?? "")
            guard suiteNames.count == 1 else { return }
            outerSuiteName = attributeDict["name"]
            if let time = Self.seconds(attributeDict["time"]) {
                outerSuiteTime = (outerSuiteTime ?? 0) + time
            }
        case "testcase":
            currentCase = JUnitCase(
                className: attributeDict["classname"] ?? "", name: attributeDict["name"] ?? "",
                file: attributeDict["file"].flatMap { $0.isEmpty ? nil : $0 },
                line: Self.line(attributeDict["line"]), time: Self.seconds(attributeDict["time"]),
                suiteName: suiteNames.last.flatMap { $0.isEmpty ? nil : $0 })
        case "failure", "error":
            guard currentCase != nil, stack.last == "testcase" else { return }
            currentProblem = JUnitProblem(
                kind: elementName, message: attributeDict["message"] ?? "", type: attributeDict["type"] ?? "",
                text: "")
        case "skipped":
            guard stack.last == "testcase" else { return }
            currentCase?.isSkipped = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        currentProblem?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        currentProblem?.text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        _ = stack.popLast()
        switch elementName {
        case "testsuite":
            _ = suiteNames.popLast()
        case "failure", "error":
            guard let problem = currentProblem, stack.last == "testcase" else { return }
            currentCase?.problems.append(problem)
            currentProblem = nil
        case "testcase":
            guard var testCase = currentCase else { return }
            // pytest (suite name "pytest" unless configured) writes 0-based `line` attributes.
            if outerSuiteName == "pytest", let line = testCase.line {
                testCase.line = line + 1
            }
            cases.append(testCase)
            currentCase = nil
        default:
            break
        }
    }

    /// Parses a `time` attribute; tolerates thousands separators (`1,234.5`) as some tools write them.
    private static func seconds(_ value: String?) -> Double? {
        guard let value else { return nil }
        return Double(value.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces))
    }

    /// Parses a `line` attribute, keeping `0` (pytest's first line).
    private static func line(_ value: String?) -> Int? {
        guard let value, let line = Int(value.trimmingCharacters(in: .whitespaces)), line >= 0 else { return nil }
        return line
    }
}
