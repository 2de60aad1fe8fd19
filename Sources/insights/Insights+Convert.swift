import ArgumentParser
import Foundation
import InsightsClient
import InsightsConverters
import InsightsCore
import InsightsGit
import InsightsWire

extension Insights {
    /// `insights convert`: tool output to a report and annotations, printed as JSON.
    struct Convert: AsyncParsableCommand {
        /// `--dialect`: which JSON to print.
        enum Dialect: String, ExpressibleByArgument, CaseIterable {
            /// The project's own document (all fields of both dialects, not fitted to limits).
            case native
            /// The exact Data Center request bodies (fitted to Data Center's limits).
            case dc
            /// The exact Cloud request bodies (fitted to Cloud's limits).
            case cloud
        }

        static let configuration = CommandConfiguration(
            abstract: "Convert tool output to a Code Insights report and annotations, printed as JSON.",
            discussion: """
                The input format is detected from each file's content unless --format names it. Several files \
                become one report: their findings are concatenated and their counts summed.

                --dialect native (the default) prints the project's own document: every field, severities \
                including CRITICAL, nothing shortened. --dialect dc and --dialect cloud print the exact bodies \
                'insights publish' would send to that dialect, fitted to its limits (see docs/cli.md).

                Examples:
                  insights convert build/reports/checkstyle.xml
                  insights convert --format sarif results.json --title "Semgrep"
                  insights convert --dialect cloud eslint.sarif tests.xml > bodies.json
                  insights convert --dialect dc --max-annotations 200 lcov.info

                Exit codes: 0 converted, 2 bad input or usage.
                """)

        @OptionGroup var inputs: ConversionInputs

        @Option(help: "What to print: native, dc (Data Center request bodies) or cloud (Cloud request bodies).")
        var dialect: Dialect = .native

        @Option(help: "With --dialect dc or cloud: the most annotations to keep, most severe first.")
        var maxAnnotations: Int = InsightLimits.defaultMaxAnnotationsPerReport

        @Flag(help: "Print compact JSON instead of indented JSON.")
        var compact = false

        func run() async throws {
            do {
                let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
                let git = GitClient(directory: directory)
                let root = try? await git.repositoryRoot()
                let tracked = root == nil ? nil : try? await git.trackedFiles()
                let (bundle, paths) = try inputs.bundle(repositoryRoot: root, trackedFiles: tracked)
                if let line = paths.line {
                    FileHandle.standardError.write(Data("insights convert: paths: \(line).\n".utf8))
                }
                try write(bundle)
            } catch let failure {
                FileHandle.standardError.write(Data("insights convert: \(failure.message)\n".utf8))
                throw ExitCode(failure.exitCode)
            }
        }

        /// Prints the document for `bundle` and a newline to standard output.
        private func write(_ bundle: InsightBundle) throws(ConversionInputs.Failure) {
            let encoder = JSONEncoder()
            encoder.outputFormatting =
                compact
                ? [.sortedKeys, .withoutEscapingSlashes]
                : [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            var output = JSONOutput(isPretty: !compact)
            do {
                switch dialect {
                case .native:
                    // The annotations, nearly all of the output, are written directly: through JSONEncoder's
                    // generic containers they cost about as much as the whole conversion.
                    try output.write(InsightDocument(bundle), reportEncoder: encoder)
                case .dc:
                    let fitted = InsightFitter(dialect: .dataCenter, maxAnnotations: maxAnnotations).fit(bundle)
                    try output.append(
                        encoder.encode(
                            DialectDocument(
                                report: DataCenterReportRequest(fitted.report),
                                annotations: DataCenterAnnotations(
                                    annotations: fitted.annotations.map(DataCenterAnnotation.init)))))
                case .cloud:
                    let fitted = InsightFitter(dialect: .cloud, maxAnnotations: maxAnnotations).fit(bundle)
                    try output.append(
                        encoder.encode(
                            DialectDocument(
                                report: CloudReportRequest(fitted.report),
                                annotations: fitted.annotations.map(CloudAnnotation.init))))
                }
                try output.append("\n")
                try output.flush()
            } catch let error as EncodingError {
                throw .input("The result could not be encoded: \(error)")
            } catch {
                throw .input("The result could not be written: \(error)")
            }
        }
    }
}
