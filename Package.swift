// swift-tools-version:6.0
// Kommunrapport: Swedish municipal reports into data.
// Licensed GPL-3.0-or-later (the PDF front-end links poppler, which is GPL).
import PackageDescription

let package = Package(
    name: "Kommunrapport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kommunrapport", targets: ["kommunrapport"]),
        .library(name: "KommunrapportKit", targets: ["KommunrapportKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The warehouse: SQLite through GRDB (links the system's libsqlite3 on Linux).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The shared warehouse for many writers: PostgreSQL through postgres-nio (no libpq needed).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        // Shared vocabulary of Swedish reports: numbers, dates, assessments, labels.
        .target(name: "SwedishReportLanguage"),
        // Stage 1 output: pages of lines, with boxes and styles where the source has them.
        .target(name: "ReportSource"),
        // Stage 1: front-ends.
        .target(name: "TextFrontEnd", dependencies: ["ReportSource"]),
        // poppler-glib (with GLib and cairo) as a C module.
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .target(name: "PDFFrontEnd", dependencies: ["CPoppler", "ReportSource", "SwedishReportLanguage"]),
        // A developer's view of what the PDF front-end reads (lines, column gaps, styles, icons).
        .executableTarget(name: "pdf-lines", dependencies: ["PDFFrontEnd", "ReportSource"]),
        // Stage 2: undo extraction damage.
        .target(name: "Normalisation", dependencies: ["ReportSource", "SwedishReportLanguage"]),
        // Stage 3: lines into blocks (headings, paragraphs, lists, tables).
        .target(name: "Layout", dependencies: ["ReportSource", "SwedishReportLanguage"]),
        // Stage 3b: tables from geometry (header trees, rows, cells), whatever the words say.
        .target(name: "Tables", dependencies: ["Layout", "ReportSource", "SwedishReportLanguage"]),
        // Stage 5: the typed report model (declared before the recognisers that fill it).
        .target(name: "ReportModel", dependencies: ["ReportSource"]),
        // Stage 4: blocks into Swedish-report meaning.
        .target(name: "Recognisers", dependencies: ["Layout", "Tables", "ReportModel", "ReportSource", "SwedishReportLanguage"]),
        // Stage 6: JSON, tidy facts.
        .target(name: "Exporters", dependencies: ["ReportModel", "ReportSource"]),
        // The pipeline, front to back, behind one call.
        .target(name: "KommunrapportKit", dependencies: [
            "ReportSource", "TextFrontEnd", "PDFFrontEnd", "Normalisation", "Layout", "Tables", "Recognisers", "ReportModel", "Exporters",
            "SwedishReportLanguage",
        ]),
        // The SQLite warehouse: schema, migrations, writer, merge, views.
        .target(name: "Warehouse", dependencies: [
            "ReportModel", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The same warehouse in PostgreSQL, for shards writing into one server at once.
        .target(name: "PostgresWarehouse", dependencies: [
            "Warehouse", "ReportModel", .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        // Comparing one figure across municipalities and years out of a warehouse.
        .target(name: "Comparison", dependencies: [
            "Warehouse", "Exporters", "SwedishReportLanguage", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Batches: input lists, shards, worker processes, progress, outputs.
        .target(name: "BatchImport", dependencies: [
            "KommunrapportKit", "ReportModel", "ReportSource", "Exporters", "Warehouse", "PostgresWarehouse",
        ]),
        .executableTarget(name: "kommunrapport", dependencies: [
            "KommunrapportKit", "Exporters", "ReportModel", "Warehouse", "PostgresWarehouse", "BatchImport", "SwedishReportLanguage",
            "Comparison",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "SwedishReportLanguageTests", dependencies: ["SwedishReportLanguage"]),
        .testTarget(name: "TextFrontEndTests", dependencies: ["TextFrontEnd", "ReportSource"]),
        .testTarget(name: "PDFFrontEndTests", dependencies: ["PDFFrontEnd", "CPoppler", "ReportSource", "Layout", "Normalisation", "Tables", "ToolTestSupport"]),
        .testTarget(name: "NormalisationTests", dependencies: ["Normalisation", "ReportSource"]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "ReportSource", "SwedishReportLanguage"]),
        .testTarget(name: "TablesTests", dependencies: ["Tables", "Layout", "ReportSource"]),
        .testTarget(name: "RecognisersTests", dependencies: ["Recognisers", "Layout", "ReportModel", "ReportSource"]),
        .testTarget(name: "ExportersTests", dependencies: ["Exporters", "ReportModel"]),
        .testTarget(name: "AccuracyTests", dependencies: ["KommunrapportKit", "Exporters"]),
        .testTarget(name: "ComparisonTests", dependencies: ["Comparison", "Warehouse", "ReportModel", "ReportSource", "CPoppler", .product(name: "GRDB", package: "GRDB.swift")]),
        // Helpers for tests that run the built tool or a private PostgreSQL server.
        .target(name: "ToolTestSupport", path: "Tests/ToolTestSupport"),
        // Against a private PostgreSQL server that the tests start (scripts/postgres-test-server.sh).
        .testTarget(name: "PostgresWarehouseTests", dependencies: [
            "PostgresWarehouse", "Warehouse", "ReportModel", "KommunrapportKit", "ToolTestSupport",
        ]),
        .testTarget(name: "WarehouseTests", dependencies: [
            "Warehouse", "ReportModel", "ReportSource", "KommunrapportKit", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // In-process batch tests, plus a few that run the built `kommunrapport` (it must be built first).
        .testTarget(name: "CLITests", dependencies: [
            "BatchImport", "ToolTestSupport", "Warehouse", "Exporters", "KommunrapportKit", "ReportModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
