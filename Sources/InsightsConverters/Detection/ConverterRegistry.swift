/// Maps each ``InsightFormat`` to its converter; the CLI's single place to pick one.
public enum ConverterRegistry {
    /// The converter for `format`.
    ///
    /// - Parameter format: a format, e.g. from ``FormatDetector/detect(contentsOf:)``.
    /// - Returns: a converter whose ``InsightConverter/format`` is `format`.
    public static func converter(for format: InsightFormat) -> any InsightConverter {
        switch format {
        case .sarif: SARIFConverter()
        case .codeclimate: CodeClimateConverter()
        case .checkstyle: CheckstyleConverter()
        case .cppcheck: CppcheckConverter()
        case .junit: JUnitConverter()
        case .cobertura: CoberturaConverter()
        case .lcov: LCOVConverter()
        }
    }
}
