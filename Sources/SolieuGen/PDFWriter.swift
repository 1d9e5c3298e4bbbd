/// Minimal PDFs with a real text layer (Helvetica, WinAnsi text), for the bounded-work tests
/// and `scripts/bench-documents`: N pages of bulletin-like lines, a cross-reference table with
/// true offsets, and `%%EOF`. ASCII text only: the standard fonts have no Vietnamese glyphs.
public enum PDFWriter {
    public static func document(pages: Int, linesPerPage: Int = 46, seed: UInt64 = 1) -> [UInt8] {
        var out: [UInt8] = Array("%PDF-1.4\n%\u{E2}\u{E3}\n".utf8)
        var offsets: [Int] = []
        func object(_ body: String) {
            offsets.append(out.count)
            out += Array("\(offsets.count) 0 obj\n".utf8) + Array(body.utf8) + Array("\nendobj\n".utf8)
        }
        let words = ["tang", "Bang", "khen", "cho", "tap", "the", "ca", "nhan", "co", "thanh", "tich", "xuat", "sac", "trong",
                     "phong", "trao", "thi", "dua", "nam", "Huan", "chuong", "Lao", "dong", "hang", "Ba", "UBND", "tinh", "xa"]
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let pageObjects = (0..<pages).map { 4 + 2 * $0 }
        object("<< /Type /Catalog /Pages 2 0 R >>")
        object("<< /Type /Pages /Kids [\(pageObjects.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages) >>")
        object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        for p in 0..<pages {
            var content = "BT /F1 11 Tf 14 TL 56 790 Td\n"
            for l in 0..<linesPerPage {
                var line: [String] = []
                for w in 0..<13 { line.append(w == 6 && l % 3 == 0 ? String(next() % 500 + 2) : words[next() % words.count]) }
                content += "(\(line.joined(separator: " ")).) Tj T*\n"
            }
            content += "ET\nBT /F1 9 Tf 290 30 Td (\(p + 1)) Tj ET"
            object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(pageObjects[p] + 1) 0 R >>")
            object("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }
        let xref = out.count
        var table = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for o in offsets {
            let digits = String(o)
            table += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out += Array(table.utf8)
        return out
    }
}
