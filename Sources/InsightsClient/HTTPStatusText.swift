/// Short reasons for the statuses a publish can end with, for messages when the body is empty.
enum HTTPStatusText {
    /// The reason phrase of a status, e.g. `Not Found`.
    static func reason(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized: check the token or user"
        case 403: "Forbidden: the user may not write to this repository or report"
        case 404: "Not Found: check the URL, project, repository and commit"
        case 409: "Conflict"
        case 413: "Payload Too Large"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "HTTP \(status)"
        }
    }
}
