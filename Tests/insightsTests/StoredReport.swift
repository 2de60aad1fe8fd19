import Foundation

/// The parts of the server's `GET …/reports/{key}` answer the end-to-end tests check.
struct StoredReport: Decodable {
    /// A data field; `number` is set for `NUMBER` values only.
    struct DataField: Decodable {
        let title: String
        let type: String
        let number: Int?

        enum CodingKeys: String, CodingKey { case title, type, value }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            title = try container.decode(String.self, forKey: .title)
            type = try container.decode(String.self, forKey: .type)
            if type == "NUMBER" {
                number = try container.decodeIfPresent(Int.self, forKey: .value)
            } else {
                number = nil
            }
        }
    }

    let key: String
    let title: String
    let details: String?
    let result: String?
    let data: [DataField]

    /// The number in the data field titled `title`, if any.
    func number(_ title: String) -> Int? {
        data.first { $0.title == title }?.number
    }
}
