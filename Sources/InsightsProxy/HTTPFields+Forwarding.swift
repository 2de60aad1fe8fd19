import Foundation
import HTTPTypes

extension HTTPFields {
    /// The hop-by-hop fields of RFC 9110 §7.6.1, and the older ones proxies still meet (`Keep-Alive`,
    /// `Proxy-Connection`), which apply to one connection and are never passed on.
    private static let hopByHop: Set<String> = [
        "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer",
        "transfer-encoding", "upgrade",
    ]

    /// These fields without the hop-by-hop ones, those that `Connection` names, and `without`.
    ///
    /// - Parameter without: further fields to drop, by lower-case name.
    /// - Returns: the fields to pass on to the next hop.
    func endToEnd(without: Set<String> = []) -> HTTPFields {
        let named = self[values: .connection].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let dropped = Self.hopByHop.union(named).union(without)
        return HTTPFields(filter { !dropped.contains($0.name.canonicalName) })
    }
}
