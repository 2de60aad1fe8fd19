import Foundation
import Testing

@testable import InsightsConverters

/// Paths as tools write them, made repository-relative.
@Suite struct RepositoryPathTests {
    static let root = URL(fileURLWithPath: "/work/repo")

    @Test(arguments: [
        ("src/a.swift", "src/a.swift"),
        ("./src/a.swift", "src/a.swift"),
        ("././src//a.swift", "src/a.swift"),
        ("/work/repo/src/a.swift", "src/a.swift"),
        ("/work/repo/./lib/../src/a.swift", "src/a.swift"),
        ("file:///work/repo/src/a%20b.swift", "src/a b.swift"),
        ("file://localhost/work/repo/x.c", "x.c"),
        ("file:/work/repo/x.c", "x.c"),
        ("/work/repository/x.c", "/work/repository/x.c"),
        ("file:///other/x.c", "/other/x.c"),
    ])
    func makesPathsRelative(path: String, expected: String) {
        #expect(RepositoryPath.relative(path, root: Self.root) == expected)
    }

    @Test func usesTheCurrentDirectoryWithoutRoot() {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(RepositoryPath.relative(cwd + "/a/b.c", root: nil) == "a/b.c")
    }

    @Test func rootWithTrailingSlashWorks() {
        #expect(RepositoryPath.relative("/work/repo/a.c", root: URL(fileURLWithPath: "/work/repo/")) == "a.c")
    }
}
