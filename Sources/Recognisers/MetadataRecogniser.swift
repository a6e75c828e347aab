import Layout
import ReportModel
import ReportSource

struct MetadataRecogniser {
    func recognise(_ layout: LayoutDocument, furniture: [SourceLine]) -> ReportMetadata { ReportMetadata() }
}
