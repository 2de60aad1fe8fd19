import Foundation
import FoundationXML

/// Collects the `<file>`/`<error>` elements of a Checkstyle report from the event parser.
///
/// Used by one ``CheckstyleConverter`` call only; it is a class because `XMLParser` requires one.
final class CheckstyleParserDelegate: NSObject, XMLConversionHandler {
    /// The findings in document order.
    private(set) var findings: [CheckstyleFinding] = []
    /// The number of `<file>` elements, including files without findings.
    private(set) var fileCount = 0
    /// Why the document was rejected.
    private(set) var failure: ConversionError?
    /// Whether the `<checkstyle>` root element was seen.
    private(set) var hasRoot = false
    /// Elements started and not yet ended.
    var openElementCount: Int { depth }

    private var depth = 0
    private var currentFile: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        defer { depth += 1 }
        if depth == 0 {
            guard elementName == "checkstyle" else {
                failure = ConversionError("not a Checkstyle report: the root element is <\(elementName)>")
                parser.abortParsing()
                return
            }
            hasRoot = true
            return
        }
        switch elementName {
        case "file":
            currentFile = attributeDict["name"] ?? ""
            fileCount += 1
        case "error":
            guard let file = currentFile else { return }
            let line = attributeDict["line"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            findings.append(
                CheckstyleFinding(
                    fileName: file,
                    line: line.flatMap { $0 > 0 ? $0 : nil },
                    severity: (attributeDict["severity"] ?? "").lowercased(),
                    message: attributeDict["message"] ?? "",
                    source: attributeDict["source"] ?? ""))
        default:
            break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        depth -= 1
        if elementName == "file" {
            currentFile = nil
        }
    }
}
