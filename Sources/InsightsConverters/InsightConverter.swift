public import Foundation
public import InsightsCore

/// Turns one tool's output file into a report and its annotations.
///
/// Converters are pure: the same bytes and options give the same bundle, so external ids are stable across reruns.
public protocol InsightConverter: Sendable {
    /// The format this converter reads.
    var format: InsightFormat { get }

    /// Converts the file at `url`.
    ///
    /// - Parameters:
    ///   - url: a local file.
    ///   - options: repository root and change information.
    /// - Returns: the report and annotations, not yet fitted to any dialect's limits.
    /// - Throws: ``ConversionError`` when the file is not valid input for this format.
    func convert(contentsOf url: URL, options: ConversionOptions) throws -> InsightBundle
}
