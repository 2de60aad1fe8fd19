import Foundation

/// Finds source locations in a test failure's text, for tools that do not write `file`/`line` attributes.
///
/// Recognized frame forms, in text order:
/// - Python tracebacks: `File "tests/test_x.py", line 12, in test_x`.
/// - pytest's long tracebacks: `tests/test_x.py:12: AssertionError` (a path, a line number, `: `, at the start
///   of a line).
///
/// Java frames (`at pkg.Class.method(File.java:42)`) name only a file, not its directory, so they are not
/// resolved. Frames whose path lies outside the repository (site-packages, the standard library, `<string>`)
/// are skipped.
enum StackTraceLocator {
    /// A repository-relative location.
    struct Location: Sendable, Hashable {
        /// The repository-relative path.
        var path: String
        /// The 1-based line.
        var line: Int
    }

    /// Every in-repository frame of `text`, in the order they appear.
    ///
    /// - Parameters:
    ///   - text: a stack trace or failure output.
    ///   - root: the repository root used to make absolute paths relative.
    /// - Returns: the locations; for both recognized forms the innermost frame comes last.
    static func locations(in text: String, root: URL?) -> [Location] {
        var found: [Location] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.drop(while: { $0 == " " || $0 == "\t" })
            guard let (path, number) = pythonFrame(line) ?? pytestFrame(line), number > 0 else { continue }
            guard !path.hasPrefix("<") else { continue }
            let relative = RepositoryPath.relative(path, root: root)
            guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.hasPrefix("../") else { continue }
            found.append(Location(path: relative, line: number))
        }
        return found
    }

    /// Parses `File "PATH", line N…`.
    private static func pythonFrame(_ line: Substring) -> (String, Int)? {
        let prefix = "File \""
        guard line.hasPrefix(prefix) else { return nil }
        let rest = line.dropFirst(prefix.count)
        guard let quote = rest.firstIndex(of: "\"") else { return nil }
        let path = rest[..<quote]
        let afterPath = rest[rest.index(after: quote)...]
        let marker = ", line "
        guard afterPath.hasPrefix(marker) else { return nil }
        let digits = afterPath.dropFirst(marker.count).prefix(while: { $0.isASCII && $0.isNumber })
        guard !path.isEmpty, let number = Int(digits) else { return nil }
        return (String(path), number)
    }

    /// Parses `PATH:N: …` where the path has no spaces.
    private static func pytestFrame(_ line: Substring) -> (String, Int)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let path = line[..<colon]
        guard !path.isEmpty, !path.contains(" "), path.contains(".") else { return nil }
        let afterColon = line[line.index(after: colon)...]
        let digits = afterColon.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        let tail = afterColon.dropFirst(digits.count)
        guard tail.hasPrefix(":") else { return nil }
        return (String(path), number)
    }
}
