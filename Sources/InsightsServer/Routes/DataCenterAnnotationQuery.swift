import Hummingbird
import HummingbirdCore
import InsightsCore
import InsightsWire

/// The filters of Data Center's commit-wide annotation query: `severity`, `path`, `externalId`, `type`, `key`,
/// each repeatable.
enum DataCenterAnnotationQuery {
    static func filter(from query: FlatDictionary<Substring, Substring>) throws -> AnnotationFilter {
        var filter = AnnotationFilter()
        for text in query.getAll("severity") {
            filter.severities.insert(try DataCenterSpelling.severity(from: text, at: FieldPath("severity")))
        }
        for text in query.getAll("type") {
            filter.types.insert(try DataCenterSpelling.type(from: text, at: FieldPath("type")))
        }
        filter.paths = Set(query.getAll("path"))
        filter.externalIDs = Set(query.getAll("externalId"))
        filter.reportKeys = Set(query.getAll("key"))
        try NullCharacterRule.check(filter.paths, at: FieldPath("path"))
        try NullCharacterRule.check(filter.externalIDs, at: FieldPath("externalId"))
        try NullCharacterRule.check(filter.reportKeys, at: FieldPath("key"))
        return filter
    }
}
