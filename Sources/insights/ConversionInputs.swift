import ArgumentParser
import Foundation
import InsightsClient
import InsightsConverters
import InsightsCore

/// The input options `insights convert` and `insights publish` share: files, format, title and path mapping.
struct ConversionInputs: ParsableArguments {
    /// `--format`: a tool output format, or `auto` to detect it from the content.
    enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, sarif, checkstyle, cppcheck, junit, cobertura, lcov, codeclimate

        var format: InsightFormat? { InsightFormat(rawValue: rawValue) }
    }

    /// A failure that ends a command with a message on standard error and an exit code.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong, for the user.
        var message: String
        /// 1 findings at or above `--fail-on`, 2 bad input or usage, 3 the server refused or failed.
        var exitCode: Int32

        var description: String { message }

        /// Bad input or usage (exit 2).
        static func input(_ message: String) -> Failure { Failure(message: message, exitCode: 2) }
    }

    @Argument(
        help: "Tool output files: SARIF, Checkstyle, cppcheck XML, JUnit, Cobertura, LCOV or Code Climate JSON.",
        completion: .file())
    var files: [String]

    @Option(help: "The input format; 'auto' detects it from each file's content.")
    var format: FormatChoice = .auto

    @Option(help: "Replace the report title the converter chose.")
    var title: String?

    @Option(help: "Remove this prefix from the paths that start with it, e.g. /builds/org/repo (repeatable).")
    var stripPrefix: [String] = []

    @Option(help: "Put this directory before every relative path (after --strip-prefix), e.g. backend.")
    var pathPrefix: String?

    @Flag(help: "Keep findings outside the repository (absolute paths naming no tracked file, e.g. under /usr).")
    var keepOutside = false

    /// Converts every file, merges the results into one bundle and maps its paths onto the repository's tracked
    /// files, applying `--strip-prefix`, `--path-prefix` and `--keep-outside` (see ``PathMapper``).
    ///
    /// - Parameters:
    ///   - repositoryRoot: the working tree, to make absolute paths relative.
    ///   - trackedFiles: the tracked files (`git ls-files`); `nil` outside a git repository, where only the
    ///     overrides apply.
    ///   - changedLines: changed lines for coverage converters, when a change filter is used.
    ///   - progress: called with each file before it is converted.
    /// - Returns: the mapped bundle and what the mapping did.
    /// - Throws: ``Failure`` (exit 2) when a file is missing, unrecognised or invalid.
    func bundle(
        repositoryRoot: URL?, trackedFiles: Set<String>?, changedLines: [String: Set<Int>]? = nil,
        progress: (Int, String) -> Void = { _, _ in }
    ) throws(Failure) -> (bundle: InsightBundle, paths: PathMappingSummary) {
        guard !files.isEmpty else { throw .input("Give at least one tool output file.") }
        let mapper = PathMapper(
            repositoryRoot: repositoryRoot, trackedFiles: trackedFiles, stripPrefixes: stripPrefix,
            pathPrefix: pathPrefix)
        let options = ConversionOptions(
            repositoryRoot: repositoryRoot, changedLines: changedLines, pathMapper: mapper)
        var bundles: [InsightBundle] = []
        for (index, path) in files.enumerated() {
            progress(index, path)
            let url = URL(fileURLWithPath: path)
            guard FileManager.default.isReadableFile(atPath: url.path) else {
                throw .input("Cannot read \(path): no such readable file.")
            }
            do {
                let detected = try format.format ?? FormatDetector.detect(contentsOf: url)
                bundles.append(
                    try ConverterRegistry.converter(for: detected).convert(contentsOf: url, options: options))
            } catch {
                throw .input("\(path): \(error)")
            }
        }
        guard var merged = BundleMerger.merge(bundles) else { throw .input("Give at least one tool output file.") }
        if let title, !title.isEmpty { merged.report.title = title }
        let (mapped, paths) = mapper.apply(to: merged, keepingOutside: keepOutside)
        return (mapped, paths)
    }
}
