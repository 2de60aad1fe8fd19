import Foundation
import FoundationXML

/// Streams an XML file from disk through FoundationXML's event parser; never builds a DOM.
///
/// External entities are not resolved, so a report cannot make the converter read other files.
enum XMLEventReader {
    /// Parses the file at `url`, sending every event to `handler`.
    ///
    /// - Parameters:
    ///   - url: a local file.
    ///   - handler: the delegate that collects what the converter needs.
    ///   - format: the format name used in error messages, e.g. `"Checkstyle"`.
    ///   - root: the root element the format expects, for the error message, e.g. `"<checkstyle>"`.
    /// - Throws: ``ConversionError`` when the file cannot be opened, is not well-formed XML, has not the format's
    ///   root element, or the handler rejected it.
    static func parse(contentsOf url: URL, handler: some XMLConversionHandler, format: String, root: String) throws {
        guard FileManager.default.isReadableFile(atPath: url.path), let stream = InputStream(url: url) else {
            throw ConversionError("\(url.path): cannot read the \(format) file")
        }
        let parser = XMLParser(stream: stream)
        parser.shouldResolveExternalEntities = false
        parser.delegate = handler
        let isParsed = parser.parse()
        if let failure = handler.failure {
            throw failure
        }
        guard isParsed else {
            let reason = parser.parserError.map { "error \(($0 as NSError).code)" } ?? "unknown error"
            throw ConversionError(
                "\(url.path): line \(parser.lineNumber), column \(parser.columnNumber): "
                    + "not well-formed \(format) XML (\(reason))")
        }
        // FoundationXML's stream parser accepts a document that stops before its root element is closed.
        guard handler.openElementCount == 0 else {
            throw ConversionError("\(url.path): the \(format) XML ends before its elements are closed (truncated?)")
        }
        guard handler.hasRoot else {
            throw ConversionError("\(url.path): not a \(format) report (no \(root) element)")
        }
    }
}
