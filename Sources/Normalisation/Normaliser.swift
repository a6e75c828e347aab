import Foundation
import ReportSource
import SwedishReportLanguage

/// The result of normalisation: clean pages, and the page furniture (running headers, footers,
/// page numbers) taken out of the flow but kept, since it often names the report and its year.
public struct NormalisedDocument: Sendable {
    /// The document with extraction damage undone.
    public var document: SourceDocument
    /// Lines removed as page furniture, with their page numbers.
    public var furniture: [(page: Int, line: SourceLine)]

    /// Creates a normalised document.
    public init(document: SourceDocument, furniture: [(page: Int, line: SourceLine)]) {
        self.document = document
        self.furniture = furniture
    }
}

/// Stage 2: undoes the damage text extraction does, the same for every front-end.
public struct Normaliser: Sendable {
    /// Creates a normaliser.
    public init() {}

    /// Runs every repair in order: characters, icons, letter-spacing, hyphenation, furniture.
    public func normalise(_ source: SourceDocument) -> NormalisedDocument {
        var document = source
        for index in document.pages.indices {
            document.pages[index].lines = document.pages[index].lines.map(CharacterRepair.repair)
            document.pages[index].lines = Hyphenation.join(document.pages[index].lines)
        }
        let furniture = PageFurniture.remove(from: &document)
        return NormalisedDocument(document: document, furniture: furniture)
    }
}
