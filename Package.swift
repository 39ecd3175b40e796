// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Extract",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Extract", targets: ["Extract"]),
        .executable(name: "pipeline", targets: ["Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CICU", pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]),
        .systemLibrary(
            name: "CHunspell", pkgConfig: "hunspell",
            providers: [.apt(["libhunspell-dev"])]),
        .systemLibrary(
            name: "CCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        // ICU behind a C header of stdint types only: no Swift module sees ICU's types.
        .target(name: "ICUShim", dependencies: ["CICU"]),
        // Swift API over ICUShim; the rest of the code uses ICU only through it.
        .target(name: "ICU", dependencies: ["ICUShim"]),
        .target(
            name: "Extract",
            dependencies: [
                "ICU", "CHunspell", "CCrypto",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Resources")],
            // Exclusivity checks cost ~2% on the hot paths; the code has no overlapping accesses
            // (debug builds and the tests keep the checks on).
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .executableTarget(
            name: "Pipeline",
            dependencies: [
                "Extract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // libFuzzer harness (scripts/fuzz.sh); built normally it replays inputs given as arguments.
        .executableTarget(name: "Fuzz", dependencies: ["Extract"]),
        .testTarget(
            name: "ExtractTests",
            dependencies: ["Extract", "ICU", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]),
    ]
)
