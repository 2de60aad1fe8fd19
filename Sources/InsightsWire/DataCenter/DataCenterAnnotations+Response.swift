public import InsightsCore

extension DataCenterAnnotations {
    /// The bytes of an annotation list response, written directly from the domain values.
    ///
    /// The same output as encoding `DataCenterAnnotations(annotations: annotations.map(DataCenterAnnotation.init))`
    /// with ``WireEncoder`` (keys in declaration order, absent optionals left out, `line` always present, `CRITICAL`
    /// as `HIGH`), without building a wire value per annotation or going through `Encodable`: a list response
    /// holds up to a report's maximum of annotations, and `Codable`'s per-field dispatch was most of its cost.
    public static func responseBytes(for annotations: [Annotation]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(32 + annotations.count * 192)
        output.append(contentsOf: #"{"annotations":["#.utf8)
        for (index, annotation) in annotations.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            append(annotation, to: &output)
        }
        output.append(contentsOf: "]}".utf8)
        return output
    }

    /// Writes one response element.
    private static func append(_ annotation: Annotation, to output: inout [UInt8]) {
        let content = annotation.content
        output.append(UInt8(ascii: "{"))
        if let externalID = content.externalID {
            output.append(contentsOf: #""externalId":"#.utf8)
            JSONStringWriter.append(externalID, to: &output)
            output.append(UInt8(ascii: ","))
        }
        if let path = content.path {
            output.append(contentsOf: #""path":"#.utf8)
            JSONStringWriter.append(path, to: &output)
            output.append(UInt8(ascii: ","))
        }
        output.append(contentsOf: #""line":"#.utf8)
        output.append(contentsOf: String(content.line ?? 0).utf8)
        output.append(contentsOf: #","message":"#.utf8)
        JSONStringWriter.append(content.message, to: &output)
        if let severity = content.severity {
            output.append(contentsOf: #","severity":""#.utf8)
            output.append(contentsOf: DataCenterSpelling.severity(for: severity).utf8)
            output.append(UInt8(ascii: "\""))
        }
        if let type = content.type {
            output.append(contentsOf: #","type":""#.utf8)
            output.append(contentsOf: type.rawValue.utf8)
            output.append(UInt8(ascii: "\""))
        }
        if let link = content.link {
            output.append(contentsOf: #","link":"#.utf8)
            JSONStringWriter.append(link, to: &output)
        }
        output.append(contentsOf: #","reportKey":"#.utf8)
        JSONStringWriter.append(annotation.reportKey.rawValue, to: &output)
        output.append(UInt8(ascii: "}"))
    }
}
