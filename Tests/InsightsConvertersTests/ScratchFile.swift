import Foundation

/// Writes hand-made converter inputs (malformed files, edge cases) to unique temporary files.
enum ScratchFile {
    /// Writes `text` to a new temporary file and returns its URL.
    static func write(_ text: String, extension fileExtension: String = "txt") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("insights-\(UUID().uuidString).\(fileExtension)")
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Deletes a file made by ``write(_:extension:)``, ignoring errors.
    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}
