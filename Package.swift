// swift-tools-version:6.0
import PackageDescription

// The AddressSanitizer run of scripts/test (SOLIEU_SANITIZER=address) checks the C shim and the
// code around it; it builds without the server (Hummingbird, SwiftNIO and, for its tests,
// AsyncHTTPClient with BoringSSL), which the plain and ThreadSanitizer runs test. This keeps a
// cold CI run well inside its time.
let withServer = Context.environment["SOLIEU_SANITIZER"] != "address"

let package = Package(
    name: "solieu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "solieu", targets: ["solieu"]),
        .library(name: "SolieuIngest", targets: ["SolieuIngest"]),
        .library(name: "SolieuText", targets: ["SolieuText"]),
        .library(name: "SolieuExtract", targets: ["SolieuExtract"]),
        .library(name: "SolieuIndex", targets: ["SolieuIndex"]),
        .library(name: "SolieuAudit", targets: ["SolieuAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // Flags only: pkg-config for libxml2, ICU, zlib, poppler (with cairo, to render scanned pages) and Tesseract (with leptonica). Never imported by Swift code.
        .systemLibrary(
            name: "CSystemLibs",
            pkgConfig: "libxml-2.0 icu-uc icu-i18n zlib poppler-glib cairo tesseract lept",
            providers: [.apt(["libxml2-dev", "libicu-dev", "zlib1g-dev", "libpoppler-glib-dev", "libtesseract-dev", "pkg-config"])]
        ),
        // The only code that includes libxml2, ICU, zlib, poppler, cairo, Tesseract or leptonica headers. Plain C types in its public header.
        .target(name: "CSolieuShim", dependencies: ["CSystemLibs"]),
        .target(name: "SolieuText", dependencies: ["CSolieuShim"], resources: [.process("Resources")]),
        .target(name: "SolieuIngest", dependencies: ["CSolieuShim", "SolieuText"]),
        .target(name: "SolieuExtract", dependencies: ["SolieuText"], resources: [.process("Resources")]),
        .target(
            name: "SolieuIndex",
            dependencies: [
                "SolieuIngest", "SolieuText", "SolieuExtract",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C API, for the one scan that steps statements directly (AwardStats).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            resources: [.process("Resources")]
        ),
        .target(name: "SolieuAudit", dependencies: ["SolieuIndex"]),
        .executableTarget(
            name: "solieu",
            dependencies: [
                "SolieuIngest", "SolieuText", "SolieuExtract", "SolieuIndex", "SolieuAudit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ] + (withServer ? ["SolieuServe", .product(name: "Hummingbird", package: "hummingbird")] : [])
        ),
        // Generated bulletins for scale tests and benchmarks.
        .target(name: "SolieuGen"),
        .executableTarget(name: "solieu-bench", dependencies: ["CSolieuShim", "SolieuIngest", "SolieuText", "SolieuExtract", "SolieuIndex", "SolieuAudit", "SolieuGen"]),
        // Finds the project root and its fixtures for every test target (never the shared folder).
        .target(name: "SolieuTestSupport", path: "Tests/SolieuTestSupport"),
        .testTarget(name: "SolieuIngestTests", dependencies: ["SolieuIngest", "SolieuText", "SolieuTestSupport", "SolieuGen"]),
        .testTarget(name: "SolieuTextTests", dependencies: ["SolieuText", "SolieuTestSupport"]),
        .testTarget(name: "SolieuIndexTests", dependencies: ["SolieuIndex", "SolieuExtract", "SolieuIngest", "SolieuText", "SolieuTestSupport", "SolieuGen", "solieu",
                                                       .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SolieuAuditTests", dependencies: ["SolieuAudit", "SolieuIndex", "SolieuTestSupport", "solieu"]),
        .testTarget(name: "SolieuExtractTests", dependencies: ["SolieuExtract", "SolieuIngest", "SolieuText", "SolieuTestSupport"]),
        // The command line under hostile conditions (issue 13): each test runs the built binary.
        .testTarget(name: "SolieuCLITests", dependencies: ["SolieuIndex", "SolieuIngest", "SolieuTestSupport", "solieu",
                                                     .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)

if withServer {
    package.targets += [
        // `solieu serve`: the web app and JSON API over any FigureStore (Hummingbird 2).
        .target(
            name: "SolieuServe",
            dependencies: ["SolieuIndex", "SolieuAudit", "SolieuExtract", "SolieuText",
                           .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird")],
            resources: [.copy("Resources")]
        ),
        // The server's routes through HummingbirdTesting.
        .testTarget(name: "SolieuServeTests", dependencies: ["SolieuServe", "SolieuIndex", "SolieuAudit", "SolieuTestSupport", "solieu",
                                                       .product(name: "Hummingbird", package: "hummingbird"),
                                                       .product(name: "HummingbirdTesting", package: "hummingbird")]),
    ]
}

// libFuzzer harnesses (Fuzz/): built only by scripts/fuzz, which sets SOLIEU_FUZZ=1 and builds
// with -sanitize=fuzzer,address; each main.swift hands its harness to FuzzDriver.fuzzMain.
if Context.environment["SOLIEU_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzDriver", path: "Fuzz/driver"),
        .executableTarget(name: "fuzz-html", dependencies: ["FuzzDriver", "SolieuIngest"], path: "Fuzz/html"),
        .executableTarget(name: "fuzz-text", dependencies: ["FuzzDriver", "SolieuText"], path: "Fuzz/text"),
        .executableTarget(name: "fuzz-extract", dependencies: ["FuzzDriver", "SolieuExtract", "SolieuText"], path: "Fuzz/extract"),
        .executableTarget(name: "fuzz-query", dependencies: ["FuzzDriver", "SolieuIndex", .product(name: "GRDB", package: "GRDB.swift")], path: "Fuzz/query"),
    ]
}
