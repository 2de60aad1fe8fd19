// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "insights",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "insights", targets: ["insights"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Tests only: property-based round trips of arbitrary Unicode text through the stores and the API.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Domain values, limits, validation and the access policy. No HTTP, SQL or I/O.
        .target(name: "InsightsCore", swiftSettings: swiftSettings),
        // The storage protocol and its contract.
        .target(name: "InsightsStore", dependencies: ["InsightsCore"], swiftSettings: swiftSettings),
        // The embedded SQLite store.
        .target(
            name: "InsightsSQLite",
            dependencies: [
                "InsightsStore", "InsightsCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The PostgreSQL store: the same contract on a database server several instances share.
        .target(
            name: "InsightsPostgres",
            dependencies: [
                "InsightsStore", "InsightsCore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Opens the configured store (SQLite or PostgreSQL) for the server, the admin commands and the benchmark.
        .target(
            name: "InsightsStorage",
            dependencies: [
                "InsightsStore", "InsightsSQLite", "InsightsPostgres", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The JSON wire formats of both dialects, shared by the server and the publishing client.
        .target(name: "InsightsWire", dependencies: ["InsightsCore"], swiftSettings: swiftSettings),
        // Runs `git` and parses its output.
        .target(name: "InsightsGit", dependencies: ["InsightsCore"], swiftSettings: swiftSettings),
        // Pull request review logic: the diff model, the effective diff, placement of annotations (R1–R7), merge checks.
        .target(name: "InsightsReview", dependencies: ["InsightsCore", "InsightsGit"], swiftSettings: swiftSettings),
        // The web UI's pages: view models, Mustache templates and static assets; pure rendering, no HTTP.
        .target(
            name: "InsightsWeb",
            dependencies: [
                "InsightsCore", "InsightsGit", "InsightsReview", .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates"), .copy("Assets")],
            swiftSettings: swiftSettings
        ),
        // Tool output (SARIF, Checkstyle, cppcheck XML, JUnit, Cobertura, LCOV, Code Climate) to domain values.
        .target(name: "InsightsConverters", dependencies: ["InsightsCore"], swiftSettings: swiftSettings),
        // Publishes converted insights to this server, Bitbucket Data Center or Bitbucket Cloud.
        .target(
            name: "InsightsClient",
            dependencies: [
                "InsightsCore", "InsightsWire", "InsightsGit", "InsightsReview",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The Hummingbird application: dialect routes, authentication, operations endpoints.
        // Release builds skip LLVM's optimization passes for this module (Swift's own SIL optimizer still runs):
        // Swift 6.3's LLVM crashes (signal 11, "While splitting coroutine") on several route handlers at -O, seen on
        // list, commit-wide and path-resolving handlers of both dialects; -Osize avoided it only with
        // -enable-testing. This flag is the one workaround (no per-handler @_optimize(none)). The module is glue:
        // encoding, SQL and HTTP run in fully optimized modules (measured: its code is under 1 % of a request).
        .target(
            name: "InsightsServer",
            dependencies: [
                "InsightsCore", "InsightsStore", "InsightsWire", "InsightsGit", "InsightsReview", "InsightsWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings + [
                .unsafeFlags(["-Xfrontend", "-disable-llvm-optzns"], .when(configuration: .release))
            ]
        ),
        // `insights proxy`: the local counterpart of the Bitbucket Pipelines authentication proxy.
        .target(
            name: "InsightsProxy",
            dependencies: [
                "InsightsWire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The command-line tool and sole composition root.
        .executableTarget(
            name: "insights",
            dependencies: [
                "InsightsCore", "InsightsStore", "InsightsStorage", "InsightsServer", "InsightsWire",
                "InsightsConverters", "InsightsClient", "InsightsGit", "InsightsProxy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The storage-ceiling benchmark (benchmarks/server/run.sh); not part of the product.
        .executableTarget(
            name: "insights-benchmark",
            dependencies: [
                "InsightsCore", "InsightsStore", "InsightsStorage", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "benchmarks/Sources/InsightsBenchmark",
            swiftSettings: swiftSettings
        ),
        // Generators shared by the test targets (hostile Unicode text for round-trip properties); tests only.
        .target(
            name: "InsightsTestSupport",
            dependencies: [.product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/InsightsTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InsightsWebTests",
            dependencies: [
                "InsightsWeb", "InsightsReview", "InsightsGit", "InsightsCore",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InsightsPostgresTests",
            dependencies: [
                "InsightsPostgres", "InsightsStore", "InsightsCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InsightsSQLiteTests",
            dependencies: [
                "InsightsSQLite", "InsightsStore", "InsightsCore", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "InsightsCoreTests", dependencies: ["InsightsCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "InsightsStoreTests",
            dependencies: [
                "InsightsStore", "InsightsSQLite", "InsightsPostgres", "InsightsCore", "InsightsTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InsightsWireTests", dependencies: ["InsightsWire", "InsightsCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "InsightsGitTests", dependencies: ["InsightsGit", "InsightsCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "InsightsReviewTests", dependencies: ["InsightsReview", "InsightsGit", "InsightsCore"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "InsightsConvertersTests",
            dependencies: ["InsightsConverters", "InsightsCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InsightsClientTests",
            dependencies: [
                "InsightsClient", "InsightsCore", "InsightsWire",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InsightsServerTests",
            dependencies: [
                "InsightsServer", "InsightsSQLite", "InsightsStore", "InsightsCore", "InsightsWire", "InsightsWeb",
                "InsightsTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InsightsProxyTests",
            dependencies: [
                "InsightsProxy",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "insightsTests",
            dependencies: [
                "insights", "InsightsClient", .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
