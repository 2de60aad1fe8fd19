/// Fills SARIF message placeholders (§3.11.5): `{0}`, `{1}`, … take `message.arguments`, `{{` and `}}` are
/// literal braces. A placeholder without a matching argument is left as written.
enum SARIFMessageFormatter {
    /// Formats a message template.
    ///
    /// - Parameters:
    ///   - template: the text with placeholders.
    ///   - arguments: the values for `{0}`, `{1}`, ….
    /// - Returns: the message with placeholders replaced and doubled braces collapsed.
    static func format(_ template: String, arguments: [String]) -> String {
        guard template.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else {
            return template
        }
        var output = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            let next = template.index(after: index)
            if character == "{", next < template.endIndex, template[next] == "{" {
                output.append("{")
                index = template.index(after: next)
            } else if character == "}", next < template.endIndex, template[next] == "}" {
                output.append("}")
                index = template.index(after: next)
            } else if character == "{", let (value, end) = Self.placeholder(in: template, after: next, arguments) {
                output.append(value)
                index = end
            } else {
                output.append(character)
                index = next
            }
        }
        return output
    }

    /// Reads `digits}` starting at `start`; returns the argument and the index after `}`.
    private static func placeholder(
        in template: String, after start: String.Index, _ arguments: [String]
    ) -> (String, String.Index)? {
        var cursor = start
        var digits = ""
        while cursor < template.endIndex, let digit = template[cursor].wholeNumberValue, template[cursor].isASCII {
            digits.append(String(digit))
            cursor = template.index(after: cursor)
        }
        guard !digits.isEmpty, cursor < template.endIndex, template[cursor] == "}",
            let number = Int(digits), number < arguments.count
        else { return nil }
        return (arguments[number], template.index(after: cursor))
    }
}
