import Foundation
import Testing

/// Every `--option` that docs/cli.md and docs/converters.md name for `insights` is listed by `--help` of the command
/// it belongs to, so the documents cannot promise options that do not exist.
///
/// Options are read from inline code spans and fenced code blocks. A command line (`insights serve --port 8080`,
/// `lcov --capture`) belongs to the command it starts with, and other tools' command lines are skipped; a span or a
/// continuation line that starts with `--` belongs to the command of its section (``sectionCommands``).
@Suite struct DocumentedOptionsTests {
    /// A documented option and where it was found.
    struct Mention: CustomTestStringConvertible, Sendable {
        let document: String
        let section: String
        let command: [String]
        let option: String
        var testDescription: String { "\(option) for insights \(command.joined(separator: " ")) (\(document))" }
    }

    static let documents = ["docs/cli.md", "docs/converters.md"]

    /// The command of a section whose code names no command, by a text in the nearest heading; the first match wins.
    static let sectionCommands: [String: [(heading: String, command: [String])]] = [
        "docs/cli.md": [
            ("`insights convert FILE...`", ["convert"]), ("Several files", ["convert"]),
            ("Paths from another machine", ["convert"]), ("", ["publish"]),
        ],
        "docs/converters.md": [("", ["convert"])],
    ]

    /// ArgumentParser's own options, which `--help` does not list; checked by running them instead.
    static let builtInOptions: Set<String> = ["--help", "--version", "--generate-completion-script"]

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every `insights` option the documents mention, one per command and option.
    static let mentions: [Mention] = {
        var seen: Set<String> = []
        var result: [Mention] = []
        for document in documents {
            let text = (try? String(contentsOf: repository.appendingPathComponent(document), encoding: .utf8)) ?? ""
            for mention in DocumentOptions.mentions(in: text, document: document)
            where seen.insert("\(mention.command) \(mention.option)").inserted {
                result.append(mention)
            }
        }
        return result
    }()

    @Test func theDocumentsMentionOptions() {
        #expect(Self.mentions.count > 20)
        #expect(Self.mentions.contains { $0.command == ["serve"] && $0.option == "--max-annotations-per-report" })
    }

    @Test(arguments: mentions.filter { !builtInOptions.contains($0.option) })
    func everyDocumentedOptionIsListedByItsCommandsHelp(_ mention: Mention) throws {
        let help = try CommandLineTests.run(mention.command + ["--help"])
        #expect(help.status == 0, "insights \(mention.command.joined(separator: " ")) --help: \(help.errors)")
        let command = (["insights"] + mention.command).joined(separator: " ")
        #expect(
            DocumentOptions.lists(help.output, mention.option),
            "\(mention.document) (\(mention.section)): \(command) --help does not list \(mention.option)")
    }

    @Test func theCompletionScriptOptionWorks() throws {
        let run = try CommandLineTests.run(["--generate-completion-script", "bash"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("insights"))
    }
}

/// Finds the `insights` options in a Markdown document.
enum DocumentOptions {
    /// The `insights` subcommands and their own subcommands, from `--help`, so `insights admin grant alice` stops
    /// after `grant`.
    static func subcommands(of command: [String]) -> Set<String> {
        guard let help = try? CommandLineTests.run(command + ["--help"]).output,
            let range = help.range(of: "SUBCOMMANDS:")
        else { return [] }
        let names = help[range.upperBound...].split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
        return Set(names)
    }

    /// Whether `help` lists `option` (not merely a longer option that starts with it).
    static func lists(_ help: String, _ option: String) -> Bool {
        var rest = help[...]
        while let range = rest.range(of: option) {
            let next = rest[range.upperBound...].first
            if next.map({ !($0.isLetter || $0.isNumber || $0 == "-") }) ?? true { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    /// The options named in the document's code spans and code blocks, with the command each belongs to.
    static func mentions(in text: String, document: String) -> [DocumentedOptionsTests.Mention] {
        var result: [DocumentedOptionsTests.Mention] = []
        var heading = ""
        var inFence = false
        var prose: [String] = []
        var previousCommand: [String]?
        func flushProse() {
            let paragraph = prose.joined(separator: " ")
            prose = []
            for span in codeSpans(in: paragraph) {
                result += mentions(inCommandLine: span, continuing: nil, heading: heading, document: document).mentions
            }
        }
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                flushProse()
                inFence.toggle()
                previousCommand = nil
                continue
            }
            if inFence {
                let found = mentions(
                    inCommandLine: line, continuing: previousCommand, heading: heading, document: document)
                result += found.mentions
                previousCommand = found.command
                continue
            }
            if line.hasPrefix("#") {
                flushProse()
                heading = line.drop { $0 == "#" || $0 == " " }.description
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { flushProse() } else { prose.append(line) }
        }
        flushProse()
        return result
    }

    /// The texts between single backticks.
    static func codeSpans(in paragraph: String) -> [String] {
        let parts = paragraph.components(separatedBy: "`")
        return stride(from: 1, to: parts.count, by: 2).map { parts[$0] }
    }

    /// The options on one command line (a code span or a line of a code block).
    ///
    /// - Returns: the mentions and the command the line continues into (`nil` for another tool's line).
    static func mentions(
        inCommandLine line: String, continuing: [String]?, heading: String, document: String
    ) -> (mentions: [DocumentedOptionsTests.Mention], command: [String]?) {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        while let first = words.first, ["-", "$", "sh", "'''"].contains(first) { words.removeFirst() }
        guard let first = words.first else { return ([], continuing) }
        let command: [String]?
        if first == "insights" {
            var path: [String] = []
            for word in words.dropFirst() {
                guard subcommands(of: path).contains(word) else { break }
                path.append(word)
            }
            command = path
        } else if first.hasPrefix("--") {
            command = continuing ?? sectionCommand(heading: heading, document: document)
        } else {
            command = nil
        }
        guard let command else { return ([], nil) }
        let options = words.compactMap { word -> String? in
            let option = word.drop { $0 != "-" && !$0.isLetter }.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            guard option.hasPrefix("--"), option.count > 2, option.dropFirst(2).first?.isLetter == true else {
                return nil
            }
            return String(option)
        }
        let mentions = options.map {
            DocumentedOptionsTests.Mention(document: document, section: heading, command: command, option: $0)
        }
        return (mentions, command)
    }

    /// The command of a section, from ``DocumentedOptionsTests/sectionCommands``.
    static func sectionCommand(heading: String, document: String) -> [String] {
        let entries = DocumentedOptionsTests.sectionCommands[document] ?? []
        return entries.first { $0.heading.isEmpty || heading.contains($0.heading) }?.command ?? []
    }
}
