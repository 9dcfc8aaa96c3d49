// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "jixiao",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "jixiao", targets: ["JixiaoCLI"]),
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
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.60.0"),
    ],
    targets: [
        // libcmark, the CommonMark reference implementation, from the system (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The pipeline, bottom to top; each target depends only on those above it in this list.
        // Plain values, the field table, addresses and the pure scoring rules: no files, YAML, HTML or terminal.
        .target(name: "JixiaoModel"),
        // The few POSIX calls (folders, file stamps, writes, processes, iconv, inotify) and parallel loops.
        .target(name: "JixiaoSystem"),
        // Tables (CSV, XLSX, text dumps of published layouts) → project drafts with their positions.
        .target(
            name: "JixiaoTables",
            dependencies: [
                "JixiaoModel", "JixiaoSystem",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // load: content files (front matter, tables) → the typed model, every field with its position.
        .target(
            name: "JixiaoLoad",
            dependencies: ["JixiaoModel", "JixiaoSystem", "JixiaoTables", .product(name: "Yams", package: "Yams")]
        ),
        // check: scores every project and checks what spans several.
        .target(name: "JixiaoCheck", dependencies: ["JixiaoModel", "JixiaoSystem"]),
        // Mustache templates over typed view models (swift-mustache's semantics, rendered fast).
        .target(name: "JixiaoTemplates"),
        // render: view models with every string formatted → pages through the templates.
        .target(
            name: "JixiaoRender",
            dependencies: ["JixiaoModel", "JixiaoSystem", "JixiaoCheck", "JixiaoTemplates", "JixiaoOffice", "CCmark"],
            plugins: ["EmbedTemplates"]
        ),
        // write: the output folder, staged and swapped in whole.
        // Office files: sheets as Excel workbooks and Word documents.
        .target(name: "JixiaoOffice", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "JixiaoWrite", dependencies: ["JixiaoModel", "JixiaoSystem"]),
        // The orchestrator: build sessions that run load → check → render → write, and the reports.
        .target(
            name: "Jixiao",
            dependencies: ["JixiaoModel", "JixiaoLoad", "JixiaoCheck", "JixiaoRender", "JixiaoSystem", "JixiaoWrite"]
        ),
        // On top: `jixiao import`, `jixiao pdf` and the preview server.
        .target(
            name: "JixiaoImport",
            dependencies: ["Jixiao", "JixiaoModel", "JixiaoLoad", "JixiaoSystem", "JixiaoTables"]
        ),
        .target(
            name: "JixiaoPrint",
            dependencies: ["Jixiao", "JixiaoModel", "JixiaoSystem", "JixiaoRender"]
        ),
        .target(
            name: "JixiaoServe",
            dependencies: [
                "Jixiao", "JixiaoModel", "JixiaoSystem", "JixiaoTemplates",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The default templates (templates/) are compiled into the renderer by this plugin.
        .executableTarget(name: "TemplateEmbedder"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["TemplateEmbedder"]),
        // The command line: parses arguments and calls the library.
        .executableTarget(
            name: "JixiaoCLI",
            dependencies: [
                "Jixiao", "JixiaoImport", "JixiaoModel", "JixiaoPrint", "JixiaoServe", "JixiaoSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark's fixture: writes a synthetic site of N projects (script/bench).
        .executableTarget(name: "jixiao-bench-site", path: "Sources/BenchSite"),
        // The benchmark's probe of `jixiao serve`: time from saving a project file to the reload event.
        .executableTarget(name: "jixiao-bench-reload", path: "Sources/BenchReload"),
        .testTarget(name: "JixiaoModelTests", dependencies: ["JixiaoModel"]),
        .testTarget(
            name: "JixiaoTests",
            dependencies: [
                "Jixiao", "JixiaoModel", "JixiaoTables", "JixiaoLoad", "JixiaoCheck", "JixiaoRender",
                "JixiaoWrite", "JixiaoImport", "JixiaoPrint", "JixiaoServe", "JixiaoOffice",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"]
        ),
        // swift-mustache is the reference the template engine is checked against.
        .testTarget(name: "JixiaoTemplatesTests", dependencies: [
            "JixiaoTemplates", .product(name: "Mustache", package: "swift-mustache"),
        ]),
    ]
)
