import Foundation
import FoundationXML

/// Collects the `<cppcheck>` version and the `<errors><error><location>` elements of a cppcheck XML report from the
/// event parser.
///
/// Used by one ``CppcheckConverter`` call only; it is a class because `XMLParser` requires one.
final class CppcheckParserDelegate: NSObject, XMLConversionHandler {
    /// The findings in document order, informational messages included.
    private(set) var findings: [CppcheckFinding] = []
    /// The `version` attribute of `<cppcheck>`, e.g. `2.10`; `nil` when absent.
    private(set) var toolVersion: String?
    /// Why the document was rejected.
    private(set) var failure: ConversionError?
    /// Whether the `<results version="2">` root element was seen.
    private(set) var hasRoot = false
    /// Elements started and not yet ended.
    var openElementCount: Int { depth }

    private var depth = 0
    private var isInErrors = false
    private var current: CppcheckFinding?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        defer { depth += 1 }
        switch (depth, elementName) {
        case (0, "results"):
            let version = attributeDict["version"] ?? "1"
            guard version == "2" else {
                failure = ConversionError(
                    "not a cppcheck XML version 2 report (version \(version)); run cppcheck with --xml-version=2")
                parser.abortParsing()
                return
            }
            hasRoot = true
        case (0, _):
            failure = ConversionError("not a cppcheck report: the root element is <\(elementName)>")
            parser.abortParsing()
        case (1, "cppcheck"):
            toolVersion = attributeDict["version"].flatMap { $0.isEmpty ? nil : $0 }
        case (1, "errors"):
            isInErrors = true
        case (2, "error") where isInErrors:
            current = Self.finding(attributeDict)
        case (3, "location"):
            current?.locations.append(Self.location(attributeDict))
        default:
            break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        depth -= 1
        switch (depth, elementName) {
        case (1, "errors"):
            isInErrors = false
        case (2, "error"):
            if let current { findings.append(current) }
            current = nil
        default:
            break
        }
    }

    private static func finding(_ attributes: [String: String]) -> CppcheckFinding {
        CppcheckFinding(
            id: attributes["id"] ?? "",
            severity: (attributes["severity"] ?? "").lowercased(),
            message: CppcheckText.unescaped(attributes["msg"] ?? ""),
            verbose: CppcheckText.unescaped(attributes["verbose"] ?? ""),
            cwe: positive(attributes["cwe"]),
            isInconclusive: attributes["inconclusive"]?.lowercased() == "true",
            locations: [])
    }

    private static func location(_ attributes: [String: String]) -> CppcheckFinding.Location {
        CppcheckFinding.Location(
            file: attributes["file"] ?? "",
            line: positive(attributes["line"]),
            info: CppcheckText.unescaped(attributes["info"] ?? ""))
    }

    /// A positive integer attribute, else `nil`.
    private static func positive(_ value: String?) -> Int? {
        value.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0 > 0 ? $0 : nil }
    }
}
