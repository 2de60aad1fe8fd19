import Foundation

/// Finds the name of an XML document's root element without parsing the document.
enum XMLRootSniffer {
    /// The root element's name, skipping the XML declaration, processing instructions, comments and DOCTYPE.
    ///
    /// - Parameter text: the start of the document.
    /// - Returns: the name (without namespace prefix), or `nil` when no element starts in `text`.
    static func rootElement(of text: Substring) -> String? {
        var rest = text
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("?") {
                guard let end = rest.range(of: "?>") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("!--") {
                guard let end = rest.range(of: "-->") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("!") {
                guard let end = rest.firstIndex(of: ">") else { return nil }
                rest = rest[rest.index(after: end)...]
            } else {
                let name = rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
                guard !name.isEmpty else { return nil }
                return String(name.split(separator: ":").last ?? name)
            }
        }
        return nil
    }
}
