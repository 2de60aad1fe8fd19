public import Foundation
public import InsightsCore

/// Converts Cobertura XML coverage (`<coverage><sources><packages><package><classes><class filename><lines>
/// <line number hits branch condition-coverage>`), as written by coverage.py `xml`, JaCoCo converters, gcovr,
/// Istanbul and others.
///
/// Totals are computed from the `<line>` elements (the root's `lines-valid`/`lines-covered` are used only when
/// there are none), so they agree with the changed-line figures. See ``CoverageAccumulator`` for the report's
/// fields and annotations.
public struct CoberturaConverter: InsightConverter {
    /// Always ``InsightFormat/cobertura``.
    public var format: InsightFormat { .cobertura }

    /// Creates the converter.
    public init() {}

    /// Converts the Cobertura report at `url`, streaming it.
    ///
    /// - Parameters:
    ///   - url: a local Cobertura XML file.
    ///   - options: the repository root, and the changed lines to measure and annotate.
    /// - Returns: a coverage report; annotations only when `options.changedLines` is set.
    /// - Throws: ``ConversionError`` when the file is not well-formed XML or its root is not `<coverage>`.
    public func convert(contentsOf url: URL, options: ConversionOptions) throws -> InsightBundle {
        let delegate = CoberturaParserDelegate(root: options.repositoryRoot)
        try XMLEventReader.parse(contentsOf: url, handler: delegate, format: "Cobertura", root: "<coverage>")
        return delegate.accumulator.makeBundle(title: "Coverage", options: options)
    }
}
