/// Decodes a run's `results` straight from the log's bytes into ``SARIFLog/Result`` values.
///
/// The outcome is what `JSONDecoder` gives with ``SARIFLog``'s `Decodable` conformances, without its cost (it
/// indexes every token and goes through `Codable`'s generic containers): declared members are type-checked (`null`
/// reads as absent), a repeated key keeps its first value, `properties` is read leniently, and everything else
/// (fixes, code flows, related locations, …) is skipped while being validated. The tests hold the two decoders to
/// the same values on the fixtures and on malformed results.
///
/// Each object is read into `T??` locals: `nil` means "not seen yet", so a repeated key is skipped (`case "level"
/// where level == nil`) exactly as `JSONDecoder` ignores it.
enum SARIFResultDecoder {
    /// Reads a `results` array (or `null`).
    ///
    /// - Parameter reader: positioned before the array.
    /// - Returns: the results in order, or `nil` for `null`.
    /// - Throws: ``ConversionError`` when the array or a result is malformed or mistyped.
    static func results(_ reader: inout JSONValueReader) throws(ConversionError) -> [SARIFLog.Result]? {
        try array(&reader, of: .object, result)
    }

    private static func result(_ reader: inout JSONValueReader) throws(ConversionError) -> SARIFLog.Result? {
        guard try reader.beginObject() else { return nil }
        var ruleId: String??
        var ruleIndex: Int??
        var rule: SARIFLog.RuleReference??
        var kind: String??
        var level: String??
        var message: SARIFLog.Message?
        var locations: [SARIFLog.Location]??
        var fingerprints: [String: String]??
        var partialFingerprints: [String: String]??
        var suppressions: [SARIFLog.Suppression]??
        var baselineState: String??
        var properties: SARIFLog.Properties??
        while let key = try reader.nextKey() {
            switch key {
            case "ruleId" where ruleId == nil: ruleId = try reader.string()
            case "ruleIndex" where ruleIndex == nil: ruleIndex = try reader.int()
            case "rule" where rule == nil: rule = try ruleReference(&reader)
            case "kind" where kind == nil: kind = try reader.string()
            case "level" where level == nil: level = try reader.string()
            case "message" where message == nil: message = try required(&reader, .object, self.message)
            case "locations" where locations == nil: locations = try array(&reader, of: .object, location)
            case "fingerprints" where fingerprints == nil: fingerprints = try stringDictionary(&reader)
            case "partialFingerprints" where partialFingerprints == nil:
                partialFingerprints = try stringDictionary(&reader)
            case "suppressions" where suppressions == nil: suppressions = try array(&reader, of: .object, suppression)
            case "baselineState" where baselineState == nil: baselineState = try reader.string()
            case "properties" where properties == nil: properties = try self.properties(&reader)
            default: try reader.skip()
            }
        }
        guard let message else { throw reader.missing("message") }
        return SARIFLog.Result(
            ruleId: ruleId ?? nil, ruleIndex: ruleIndex ?? nil, rule: rule ?? nil, kind: kind ?? nil,
            level: level ?? nil, message: message, locations: locations ?? nil, fingerprints: fingerprints ?? nil,
            partialFingerprints: partialFingerprints ?? nil, suppressions: suppressions ?? nil,
            baselineState: baselineState ?? nil, properties: properties ?? nil)
    }

    private static func ruleReference(
        _ reader: inout JSONValueReader
    ) throws(ConversionError) -> SARIFLog.RuleReference? {
        guard try reader.beginObject() else { return nil }
        var id: String??
        var index: Int??
        var toolComponent: SARIFLog.ToolComponentReference??
        while let key = try reader.nextKey() {
            switch key {
            case "id" where id == nil: id = try reader.string()
            case "index" where index == nil: index = try reader.int()
            case "toolComponent" where toolComponent == nil: toolComponent = try toolComponentReference(&reader)
            default: try reader.skip()
            }
        }
        return SARIFLog.RuleReference(id: id ?? nil, index: index ?? nil, toolComponent: toolComponent ?? nil)
    }

    private static func toolComponentReference(
        _ reader: inout JSONValueReader
    ) throws(ConversionError) -> SARIFLog.ToolComponentReference? {
        guard try reader.beginObject() else { return nil }
        var index: Int??
        var name: String??
        while let key = try reader.nextKey() {
            switch key {
            case "index" where index == nil: index = try reader.int()
            case "name" where name == nil: name = try reader.string()
            default: try reader.skip()
            }
        }
        return SARIFLog.ToolComponentReference(index: index ?? nil, name: name ?? nil)
    }

    private static func message(_ reader: inout JSONValueReader) throws(ConversionError) -> SARIFLog.Message? {
        guard try reader.beginObject() else { return nil }
        var text: String??
        var id: String??
        var arguments: [String]??
        while let key = try reader.nextKey() {
            switch key {
            case "text" where text == nil: text = try reader.string()
            case "id" where id == nil: id = try reader.string()
            case "arguments" where arguments == nil: arguments = try array(&reader, of: .string, string)
            default: try reader.skip()
            }
        }
        return SARIFLog.Message(text: text ?? nil, id: id ?? nil, arguments: arguments ?? nil)
    }

    private static func location(_ reader: inout JSONValueReader) throws(ConversionError) -> SARIFLog.Location? {
        guard try reader.beginObject() else { return nil }
        var physicalLocation: SARIFLog.PhysicalLocation??
        while let key = try reader.nextKey() {
            switch key {
            case "physicalLocation" where physicalLocation == nil:
                physicalLocation = try self.physicalLocation(&reader)
            default: try reader.skip()
            }
        }
        return SARIFLog.Location(physicalLocation: physicalLocation ?? nil)
    }

    private static func physicalLocation(
        _ reader: inout JSONValueReader
    ) throws(ConversionError) -> SARIFLog.PhysicalLocation? {
        guard try reader.beginObject() else { return nil }
        var artifactLocation: SARIFLog.ArtifactLocation??
        var region: SARIFLog.Region??
        while let key = try reader.nextKey() {
            switch key {
            case "artifactLocation" where artifactLocation == nil:
                artifactLocation = try self.artifactLocation(&reader)
            case "region" where region == nil: region = try self.region(&reader)
            default: try reader.skip()
            }
        }
        return SARIFLog.PhysicalLocation(artifactLocation: artifactLocation ?? nil, region: region ?? nil)
    }

    private static func artifactLocation(
        _ reader: inout JSONValueReader
    ) throws(ConversionError) -> SARIFLog.ArtifactLocation? {
        guard try reader.beginObject() else { return nil }
        var uri: String??
        var uriBaseId: String??
        var index: Int??
        while let key = try reader.nextKey() {
            switch key {
            case "uri" where uri == nil: uri = try reader.string()
            case "uriBaseId" where uriBaseId == nil: uriBaseId = try reader.string()
            case "index" where index == nil: index = try reader.int()
            default: try reader.skip()
            }
        }
        return SARIFLog.ArtifactLocation(uri: uri ?? nil, uriBaseId: uriBaseId ?? nil, index: index ?? nil)
    }

    private static func region(_ reader: inout JSONValueReader) throws(ConversionError) -> SARIFLog.Region? {
        guard try reader.beginObject() else { return nil }
        var startLine: Int??
        while let key = try reader.nextKey() {
            switch key {
            case "startLine" where startLine == nil: startLine = try reader.int()
            default: try reader.skip()
            }
        }
        return SARIFLog.Region(startLine: startLine ?? nil)
    }

    private static func suppression(_ reader: inout JSONValueReader) throws(ConversionError) -> SARIFLog.Suppression? {
        guard try reader.beginObject() else { return nil }
        var status: String??
        while let key = try reader.nextKey() {
            switch key {
            case "status" where status == nil: status = try reader.string()
            default: try reader.skip()
            }
        }
        return SARIFLog.Suppression(status: status ?? nil)
    }

    /// A property bag, read like ``SARIFLog/Properties``'s `init(from:)`: a score or tags of an unexpected type
    /// read as absent (but must still be valid JSON).
    private static func properties(_ reader: inout JSONValueReader) throws(ConversionError) -> SARIFLog.Properties? {
        guard try reader.beginObject() else { return nil }
        var score: Double??
        var tags: [String]??
        while let key = try reader.nextKey() {
            switch key {
            case "security-severity" where score == nil:
                switch reader.nextKind() {
                case .string?: score = try reader.string().flatMap(SARIFLog.Properties.score)
                case .number?: score = try reader.double()
                default:
                    try reader.skip()
                    score = .some(nil)
                }
            case "tags" where tags == nil: tags = try lenientStrings(&reader)
            default: try reader.skip()
            }
        }
        return SARIFLog.Properties(securitySeverity: score ?? nil, tags: tags ?? nil)
    }

    /// An array of strings, or `nil` when the value is anything else (including an array holding a non-string).
    private static func lenientStrings(_ reader: inout JSONValueReader) throws(ConversionError) -> [String]? {
        guard reader.nextKind() == .array, try reader.beginArray() else {
            try reader.skip()
            return nil
        }
        var strings: [String]? = []
        while try reader.nextElement() {
            if strings != nil, reader.nextKind() == .string, let string = try reader.string() {
                strings?.append(string)
            } else {
                strings = nil
                try reader.skip()
            }
        }
        return strings
    }

    /// An object of strings (`fingerprints`), or `nil` for `null`; the first of repeated keys wins.
    private static func stringDictionary(_ reader: inout JSONValueReader) throws(ConversionError) -> [String: String]? {
        guard try reader.beginObject() else { return nil }
        var values: [String: String] = [:]
        while let key = try reader.nextKey() {
            let name = key.string
            if values[name] == nil {
                values[name] = try required(&reader, .string, string)
            } else {
                try reader.skip()
            }
        }
        return values
    }

    /// A string (or `null`), as a function to pass to ``array(_:of:_:)`` and ``required(_:_:_:)``.
    private static func string(_ reader: inout JSONValueReader) throws(ConversionError) -> String? {
        try reader.string()
    }

    /// An array (or `null`) whose elements `element` reads; elements of type `kind` that may not be `null`.
    private static func array<Element>(
        _ reader: inout JSONValueReader, of kind: JSONScanner.ValueKind,
        _ element: (inout JSONValueReader) throws(ConversionError) -> Element?
    ) throws(ConversionError) -> [Element]? {
        guard try reader.beginArray() else { return nil }
        var elements: [Element] = []
        while try reader.nextElement() {
            elements.append(try required(&reader, kind, element))
        }
        return elements
    }

    /// A value of type `kind` that `read` returns (`nil` for `null`), where `null` is an error.
    private static func required<Value>(
        _ reader: inout JSONValueReader, _ kind: JSONScanner.ValueKind,
        _ read: (inout JSONValueReader) throws(ConversionError) -> Value?
    ) throws(ConversionError) -> Value {
        guard let value = try read(&reader) else { throw reader.mismatch(expected: kind, found: .null) }
        return value
    }
}
