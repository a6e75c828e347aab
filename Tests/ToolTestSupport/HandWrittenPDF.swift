import Foundation

/// A PDF file written object by object, for tests that need what no drawing library writes
/// (an /Encrypt dictionary, annotations, form fields): the objects numbered from 1, an xref
/// table at their offsets, and a trailer with the catalogue as object 1.
public enum HandWrittenPDF {
    /// `trailer` is added inside the trailer dictionary after `/Size` and `/Root`.
    public static func file(objects: [String], trailer: String = "") -> Data {
        var pdf = "%PDF-1.7\n%\u{e2}\u{e3}\u{cf}\u{d3}\n"
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R\(trailer) >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf.utf8)
    }
}
