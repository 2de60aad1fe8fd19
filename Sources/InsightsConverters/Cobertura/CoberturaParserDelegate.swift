import Foundation
import FoundationXML

/// Collects a Cobertura report's `<source>` roots and per-class `<line>` elements from the event parser.
///
/// Relative class filenames are joined with a `<source>`: the first one under which the file exists on disk, or
/// else the first one. Used by one ``CoberturaConverter`` call only; it is a class because `XMLParser` requires
/// one.
final class CoberturaParserDelegate: NSObject, XMLConversionHandler {
    /// The hits gathered so far.
    private(set) var accumulator = CoverageAccumulator()
    /// Why the document was rejected.
    private(set) var failure: ConversionError?
    /// Whether the `<coverage>` root element was seen.
    private(set) var hasRoot = false
    /// Elements started and not yet ended.
    var openElementCount: Int { depth }

    private let root: URL?
    private var depth = 0
    private var sources: [String] = []
    private var sourceText: String?
    private var currentPath: String?

    /// Creates a delegate that makes paths relative to `root`.
    init(root: URL?) {
        self.root = root
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        defer { depth += 1 }
        if depth == 0 {
            guard elementName == "coverage" else {
                failure = ConversionError("not a Cobertura report: the root element is <\(elementName)>")
                parser.abortParsing()
                return
            }
            hasRoot = true
            readDeclaredTotals(attributeDict)
            return
        }
        switch elementName {
        case "source":
            sourceText = ""
        case "class":
            guard let filename = attributeDict["filename"], !filename.isEmpty else {
                currentPath = nil
                return
            }
            let path = repositoryPath(of: filename)
            currentPath = path
            accumulator.addFile(path)
        case "line":
            guard let path = currentPath, let number = Self.int(attributeDict["number"]), number > 0 else { return }
            accumulator.addLine(number, hits: Self.int(attributeDict["hits"]) ?? 0, path: path)
            if attributeDict["branch"] == "true", let counts = Self.conditionCounts(attributeDict["condition-coverage"])
            {
                accumulator.addBranches(line: number, covered: counts.covered, total: counts.total, path: path)
            }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        sourceText? += string
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        depth -= 1
        switch elementName {
        case "source":
            if let text = sourceText?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
                sources.append(text)
            }
            sourceText = nil
        case "class":
            currentPath = nil
        default:
            break
        }
    }

    /// Keeps the root's `lines-valid`, `lines-covered`, `branches-valid` and `branches-covered` for reports
    /// without `<line>` elements.
    private func readDeclaredTotals(_ attributes: [String: String]) {
        guard let lines = Self.int(attributes["lines-valid"]), let covered = Self.int(attributes["lines-covered"])
        else { return }
        accumulator.declaredTotals = (
            lines, covered, Self.int(attributes["branches-valid"]) ?? 0, Self.int(attributes["branches-covered"]) ?? 0
        )
    }

    /// Joins a class filename with the right `<source>` and makes it repository-relative.
    private func repositoryPath(of filename: String) -> String {
        guard !filename.hasPrefix("/"), !sources.isEmpty else {
            return RepositoryPath.relative(filename, root: root)
        }
        let candidates = sources.map { source in
            source.hasSuffix("/") ? source + filename : source + "/" + filename
        }
        let existing = candidates.first { candidate in
            let absolute =
                candidate.hasPrefix("/") ? candidate : (root?.appendingPathComponent(candidate).path ?? candidate)
            return FileManager.default.fileExists(atPath: absolute)
        }
        return RepositoryPath.relative(existing ?? candidates[0], root: root)
    }

    /// Parses `condition-coverage="50% (1/2)"` into its counts.
    static func conditionCounts(_ value: String?) -> (covered: Int, total: Int)? {
        guard let value, let open = value.firstIndex(of: "("), let slash = value.firstIndex(of: "/"),
            let close = value.firstIndex(of: ")"), open < slash, slash < close
        else { return nil }
        guard let covered = Int(value[value.index(after: open)..<slash]),
            let total = Int(value[value.index(after: slash)..<close])
        else { return nil }
        return (covered, total)
    }

    /// Parses a non-negative integer attribute; Cobertura writers sometimes write `hits` with a decimal point.
    private static func int(_ value: String?) -> Int? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let int = Int(trimmed) { return int }
        guard let double = Double(trimmed), double.isFinite, double >= 0, double < 1e15 else { return nil }
        return Int(double)
    }
}
