// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "jixiao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jixiao", targets: ["jixiao"]),
        .library(name: "Jixiao", targets: ["Jixiao"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
    ],
    targets: [
        // libcmark, the CommonMark reference implementation, from the system (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // Plain values and pure scoring rules: no files, YAML, HTML or terminal.
        .target(name: "JixiaoModel"),
        // Mustache templates over typed view models (swift-mustache's semantics, rendered fast).
        .target(name: "JixiaoTemplates"),
        // The pipeline: load → check → score → report.
        .target(
            name: "Jixiao",
            dependencies: [
                "JixiaoModel", "JixiaoTemplates", "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            plugins: ["EmbedTemplates"]
        ),
        // The default templates (templates/) are compiled into the generator by this plugin.
        .executableTarget(name: "TemplateEmbedder"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["TemplateEmbedder"]),
        // The preview server, kept apart so that the generator library stays light.
        .target(
            name: "JixiaoServe",
            dependencies: [
                "Jixiao", "JixiaoModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The command line: parses arguments and calls the library.
        .executableTarget(
            name: "jixiao",
            dependencies: ["Jixiao", "JixiaoServe", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The benchmark's fixture: writes a synthetic site of N projects (script/bench).
        .executableTarget(name: "jixiao-bench-site", path: "Sources/BenchSite"),
        // The benchmark's probe of `jixiao serve`: time from saving a project file to the reload event.
        .executableTarget(name: "jixiao-bench-reload", path: "Sources/BenchReload"),
        .testTarget(name: "JixiaoModelTests", dependencies: ["JixiaoModel"]),
        .testTarget(name: "JixiaoTests", dependencies: ["Jixiao", "JixiaoModel"], exclude: ["Fixtures"]),
        // swift-mustache is the reference the template engine is checked against.
        .testTarget(name: "JixiaoTemplatesTests", dependencies: [
            "JixiaoTemplates", .product(name: "Mustache", package: "swift-mustache"),
        ]),
    ]
)
