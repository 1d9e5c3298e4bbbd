import Foundation
import SolieuGen
import SolieuIngest

/// `scripts/bench-documents`: the quality of the document readers on fixtures/office (bag-of-
/// words F1 of the article text against its gold, header metadata right) and their speed on one
/// core: PDF text layers in pages/s (a generated PDF of N pages, and the fixtures' own PDFs),
/// DOCX and ODT in documents/s, with the peak RSS of reading the N-page PDF.
enum BenchDocuments {
    static func run(root: String, pages: Int) -> Int32 {
        let dir = root + "/fixtures/office"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".docx") }.map { String($0.dropLast(5)) }.sorted()
        guard !names.isEmpty else { print("no reports in \(dir)"); return 1 }
        var failed = false
        print("quality on \(names.count) reports of fixtures/office (goal: bag-of-words F1 at least 0.99, header right on every one):")
        for ext in ["docx", "odt", "pdf", "doc"] {
            var scores: [Double] = []
            var headers = 0
            var count = 0
            for name in names where FileManager.default.fileExists(atPath: "\(dir)/\(name).\(ext)") {
                count += 1
                guard let gold = try? String(contentsOfFile: "\(dir)/\(name).article.txt", encoding: .utf8),
                      let metaData = FileManager.default.contents(atPath: "\(dir)/\(name).meta.json"),
                      let meta = try? JSONSerialization.jsonObject(with: metaData) as? [String: Any] else { continue }
                do {
                    let a = try Ingest.article(file: "\(dir)/\(name).\(ext)")
                    scores.append(BagOfWordsScore(predicted: a.text, gold: gold).f1)
                    let h = a.header
                    if a.title == meta["title"] as? String, a.published == meta["date"] as? String, h?.issuer == meta["issuer"] as? String,
                       h?.number == meta["number"] as? String, h?.type == meta["type"] as? String, h?.place == meta["place"] as? String {
                        headers += 1
                    }
                } catch {
                    print("  \(name).\(ext): \(error)")
                    scores.append(0)
                }
            }
            let minimum = scores.min() ?? 0
            let mean = scores.reduce(0, +) / Double(max(1, scores.count))
            if minimum < 0.99 || headers < count { failed = true }
            print("  \(pad(ext, 5)) \(count) files  F1 min \(fmt(minimum, 4))  mean \(fmt(mean, 4))  header metadata right \(headers)/\(count)")
        }

        print("speed on one core:")
        let pdf = PDFWriter.document(pages: pages)
        var start = ContinuousClock.now
        var chars = 0
        do { chars = try Ingest.article(bytes: pdf, name: "generated.pdf").text.count } catch { print("  generated PDF: \(error)"); return 1 }
        let seconds = Stopwatch.seconds(since: start)
        let rate = Double(pages) / seconds
        print("  PDF text layer, \(pages) generated pages: \(fmt(seconds, 2)) s, \(fmt(rate, 0)) pages/s (goal: at least 20), \(chars) characters, peak RSS \(fmt(Memory.peakMB, 0)) MB")
        if rate < 20 { failed = true }
        // The fixtures' PDFs, as LibreOffice lays out a report (tables, a header, centred lines).
        let fixturePDFs = names.compactMap { FileManager.default.contents(atPath: "\(dir)/\($0).pdf").map { [UInt8]($0) } }
        start = ContinuousClock.now
        var rounds = 0
        while Stopwatch.seconds(since: start) < 2 {
            for (i, b) in fixturePDFs.enumerated() { _ = try? Ingest.article(bytes: b, name: "\(names[i]).pdf") }
            rounds += 1
        }
        let perDocument = Stopwatch.seconds(since: start) / Double(rounds * fixturePDFs.count)
        print("  PDF text layer, fixtures' reports: \(fmt(1 / perDocument, 0)) documents/s (\(fmt(perDocument * 1000, 1)) ms each)")
        for ext in ["docx", "odt", "doc"] {
            let files = names.compactMap { FileManager.default.contents(atPath: "\(dir)/\($0).\(ext)").map { [UInt8]($0) } }
            start = ContinuousClock.now
            rounds = 0
            while Stopwatch.seconds(since: start) < 1 {
                for b in files { _ = try? Ingest.article(bytes: b, name: "x.\(ext)") }
                rounds += 1
            }
            let each = Stopwatch.seconds(since: start) / Double(rounds * files.count)
            print("  \(ext.uppercased()): \(fmt(1 / each, 0)) documents/s (\(fmt(each * 1000, 1)) ms each)")
        }
        return failed ? 1 : 0
    }
}
