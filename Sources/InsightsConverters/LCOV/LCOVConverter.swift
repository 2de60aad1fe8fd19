public import Foundation
public import InsightsCore

/// Converts LCOV tracefiles (`SF:`, `DA:`, `BRDA:`, `LF`/`LH`/`BRF`/`BRH`, `end_of_record`), as written by
/// `lcov`/`geninfo`, coverage.py `lcov`, c8/nyc, `cargo llvm-cov --lcov` and others.
///
/// The file is memory-mapped and read line by line. Output matches ``CoberturaConverter``: see
/// ``CoverageAccumulator`` for the report's fields and annotations.
public struct LCOVConverter: InsightConverter {
    /// Always ``InsightFormat/lcov``.
    public var format: InsightFormat { .lcov }

    /// Creates the converter.
    public init() {}

    /// Converts the LCOV tracefile at `url`.
    ///
    /// - Parameters:
    ///   - url: a local LCOV file.
    ///   - options: the repository root, and the changed lines to measure and annotate.
    /// - Returns: a coverage report; annotations only when `options.changedLines` is set.
    /// - Throws: ``ConversionError`` when the file is not an LCOV tracefile.
    public func convert(contentsOf url: URL, options: ConversionOptions) throws -> InsightBundle {
        let accumulator = try LCOVParser(root: options.repositoryRoot).parse(contentsOf: url)
        return accumulator.makeBundle(title: "Coverage", options: options)
    }
}
