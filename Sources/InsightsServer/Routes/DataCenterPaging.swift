import Hummingbird
import HummingbirdCore
import InsightsCore

/// Data Center's `start`/`limit` paging: `start` defaults to 0, `limit` to 25; a limit below 1 means 25 and the
/// largest is 1000.
struct DataCenterPaging {
    static let defaultLimit = 25
    static let maxLimit = 1000

    let start: Int
    let limit: Int

    init(query: FlatDictionary<Substring, Substring>) throws {
        start = try Self.integer(query, "start") ?? 0
        guard start >= 0 else { throw InsightsError.invalidValue(FieldPath("start"), "'start' must not be negative.") }
        let requested = try Self.integer(query, "limit") ?? Self.defaultLimit
        limit = requested < 1 ? Self.defaultLimit : min(requested, Self.maxLimit)
    }

    var request: PageRequest { PageRequest(offset: start, limit: limit) }

    private static func integer(_ query: FlatDictionary<Substring, Substring>, _ name: String) throws -> Int? {
        guard let text = query.get(name) else { return nil }
        guard let value = Int(text) else {
            throw InsightsError.invalidValue(FieldPath(name), "'\(name)' must be a whole number.")
        }
        return value
    }
}
