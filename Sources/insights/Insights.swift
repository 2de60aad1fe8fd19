@main struct Insights { static func main() {} }
