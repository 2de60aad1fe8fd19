import Foundation

/// Reads converter input without copying it: files are memory-mapped, so a large report costs address space,
/// not resident memory, until it is parsed.
enum InputFile {
    /// Maps the file at `url`.
    ///
    /// - Parameter url: a local file.
    /// - Returns: the file's bytes.
    /// - Throws: ``ConversionError`` when the file cannot be read.
    static func read(_ url: URL) throws(ConversionError) -> Data {
        do {
            return try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw ConversionError("Cannot read \(url.path): \(error.localizedDescription)")
        }
    }
}
