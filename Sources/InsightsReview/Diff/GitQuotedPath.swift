import Foundation
import InsightsGit

/// Decodes the path spellings of a git patch: C-quoted names, `a/`/`b/` prefixes, the tab git appends to a
/// `---`/`+++` name that contains a space, and the two names of a `diff --git` line.
///
/// Unquoting itself is `InsightsGit`'s `GitQuoting`, shared with the CLI's diff reading.
enum GitQuotedPath {
    /// The path of a `---`/`+++` line after the marker: `a/path`, `"b/quoted"`, `path\t` or `/dev/null`.
    ///
    /// - Parameters:
    ///   - text: the text after `--- ` or `+++ `.
    ///   - prefix: `a/` for the old side, `b/` for the new side; dropped when present.
    /// - Returns: the repository-relative path, or `nil` for `/dev/null` and malformed quoting.
    static func sidePath(_ text: Substring, prefix: String) -> String? {
        var name = text
        if name.hasSuffix("\t") { name = name.dropLast() }
        if name == "/dev/null" { return nil }
        guard let decoded = decode(name) else { return nil }
        return strip(prefix, from: decoded)
    }

    /// The path of a `rename from`/`rename to`/`copy from`/`copy to` line after the keyword: no prefix, quoted when
    /// it holds special characters.
    ///
    /// - Parameter text: the text after the keyword and its space.
    /// - Returns: the path, or `nil` for malformed quoting.
    static func plainPath(_ text: Substring) -> String? {
        decode(text)
    }

    /// The old and new paths named by a `diff --git ` line (the text after that marker).
    ///
    /// Quoted names are read exactly. Unquoted names are split where the line reads `a/P b/P` with the same `P`
    /// (the only case a parser needs the line for: added or deleted empty files, mode changes, binary files); a
    /// rename names its paths in `rename from`/`rename to` lines, which take precedence.
    ///
    /// - Parameter text: the text after `diff --git `.
    /// - Returns: both paths without prefixes, or `nil` when the line cannot be split.
    static func headerPaths(_ text: Substring) -> (old: String, new: String)? {
        if text.hasPrefix("\"") {
            guard let end = closingQuote(in: text), let old = GitQuoting.unquote(text[...end]) else { return nil }
            let rest = text[text.index(after: end)...].drop { $0 == " " }
            guard let new = decode(rest) else { return nil }
            return (strip("a/", from: old), strip("b/", from: new))
        }
        if text.hasSuffix("\""), let start = text.range(of: " \"b/", options: .backwards) {
            guard let new = GitQuoting.unquote(text[text.index(after: start.lowerBound)...]) else { return nil }
            return (strip("a/", from: String(text[..<start.lowerBound])), strip("b/", from: new))
        }
        let bytes = Array(text.utf8)
        if bytes.count >= 5, bytes.count % 2 == 1 {
            let half = bytes.count / 2
            let old = bytes[..<half]
            let new = bytes[(half + 1)...]
            if bytes[half] == UInt8(ascii: " "), old.starts(with: "a/".utf8), new.starts(with: "b/".utf8),
                old.dropFirst(2).elementsEqual(new.dropFirst(2))
            {
                let path = String(decoding: old.dropFirst(2), as: UTF8.self)
                return (path, path)
            }
        }
        guard let separator = text.range(of: " b/") else { return nil }
        return (strip("a/", from: String(text[..<separator.lowerBound])), String(text[separator.upperBound...]))
    }

    /// The text itself, or its unquoted form when it is quoted.
    private static func decode(_ text: Substring) -> String? {
        text.hasPrefix("\"") ? GitQuoting.unquote(text) : String(text)
    }

    /// The index of the quote that closes the quoted name opening `text`.
    private static func closingQuote(in text: Substring) -> Substring.Index? {
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            switch text[index] {
            case "\\":
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
            case "\"":
                return index
            default:
                index = text.index(after: index)
            }
        }
        return nil
    }

    private static func strip(_ prefix: String, from path: String) -> String {
        path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
