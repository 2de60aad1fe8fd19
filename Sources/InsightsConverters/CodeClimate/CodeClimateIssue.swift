/// The fields of one Code Climate / GitLab Code Quality issue that ``CodeClimateConverter`` reads.
struct CodeClimateIssue: Decodable {
    /// Code Climate engines write `"issue"`; other types (e.g. measurements) are skipped. GitLab omits it.
    var type: String?
    var description: String?
    var checkName: String?
    var fingerprint: String?
    var severity: String?
    var categories: [String]?
    var location: Location?

    enum CodingKeys: String, CodingKey {
        case type, description, fingerprint, severity, categories, location
        case checkName = "check_name"
    }

    /// Where the issue is: a path and either a line range or positions.
    struct Location: Decodable {
        var path: String?
        var lines: Lines?
        var positions: Positions?
    }

    /// `location.lines`.
    struct Lines: Decodable {
        var begin: Int?
    }

    /// `location.positions`.
    struct Positions: Decodable {
        var begin: Position?
    }

    /// `location.positions.begin`; the offset form has no line and is treated as file-level.
    struct Position: Decodable {
        var line: Int?
    }

    /// The 1-based start line, or `nil` for file-level issues.
    var line: Int? {
        let line = location?.lines?.begin ?? location?.positions?.begin?.line
        return line.flatMap { $0 > 0 ? $0 : nil }
    }
}
