import FoundationXML

/// An event-parser delegate that can reject a document it does not understand.
///
/// ``XMLEventReader`` reads ``failure`` after parsing; a handler that sets it should also call
/// `abortParsing()` so the rest of the file is not read.
protocol XMLConversionHandler: XMLParserDelegate {
    /// Why the document was rejected, or `nil` when it was accepted.
    var failure: ConversionError? { get }
    /// Elements started and not yet ended; non-zero after parsing means the document was cut short.
    var openElementCount: Int { get }
    /// Whether the document's root element is the format's.
    var hasRoot: Bool { get }
}
