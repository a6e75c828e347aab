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
    ],
    targets: [
        // Shared vocabulary of Swedish reports: numbers, dates, assessments, labels.
        .target(name: "SwedishReportLanguage"),
        // Stage 1 output: pages of lines, with boxes and styles where the source has them.
        .target(name: "ReportSource"),
        // Stage 1: front-ends.
        .target(name: "TextFrontEnd", dependencies: ["ReportSource"]),
        // Stage 2: undo extraction damage.
        .target(name: "Normalisation", dependencies: ["ReportSource", "SwedishReportLanguage"]),
        // Stage 3: lines into blocks (headings, paragraphs, lists, tables).
        .target(name: "Layout", dependencies: ["ReportSource", "SwedishReportLanguage"]),
        // Stage 5: the typed report model (declared before the recognisers that fill it).
        .target(name: "ReportModel", dependencies: ["ReportSource"]),
        // Stage 4: blocks into Swedish-report meaning.
        .target(name: "Recognisers", dependencies: ["Layout", "ReportModel", "ReportSource", "SwedishReportLanguage"]),
        // Stage 6: JSON, tidy facts.
        .target(name: "Exporters", dependencies: ["ReportModel"]),
        // The pipeline, front to back, behind one call.
        .target(name: "KommunrapportKit", dependencies: [
            "ReportSource", "TextFrontEnd", "Normalisation", "Layout", "Recognisers", "ReportModel", "Exporters",
        ]),
        .executableTarget(name: "kommunrapport", dependencies: [
            "KommunrapportKit", "Exporters", "ReportModel",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "SwedishReportLanguageTests", dependencies: ["SwedishReportLanguage"]),
        .testTarget(name: "TextFrontEndTests", dependencies: ["TextFrontEnd", "ReportSource"]),
        .testTarget(name: "NormalisationTests", dependencies: ["Normalisation", "ReportSource"]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "ReportSource"]),
        .testTarget(name: "RecognisersTests", dependencies: ["Recognisers", "Layout", "ReportModel", "ReportSource"]),
        .testTarget(name: "ExportersTests", dependencies: ["Exporters", "ReportModel"]),
        .testTarget(name: "AccuracyTests", dependencies: ["KommunrapportKit", "Exporters"]),
    ]
)
