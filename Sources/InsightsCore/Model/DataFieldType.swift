/// The declared type of a report data field; the same spelling in both dialects.
public enum DataFieldType: String, Sendable, CaseIterable, Codable {
    case boolean = "BOOLEAN"
    case date = "DATE"
    case duration = "DURATION"
    case link = "LINK"
    case number = "NUMBER"
    case percentage = "PERCENTAGE"
    case text = "TEXT"
}
