import Foundation
import SolieuExtract
import SolieuGen
import SolieuIngest

/// `scripts/bench-documents`: the quality of the document readers on fixtures/office (bag-of-
/// words F1 of the article text against its gold, header metadata right) and their speed on one
/// core: PDF text layers in pages/s (a generated PDF of N pages, and the fixtures' own PDFs),
/// DOCX and ODT in documents/s, with the peak RSS of reading the N-page PDF.
enum BenchDocuments {
    static func run(root: String, pages: Int) -> Int32 {
        // --ocr: the scans alone.
        if CommandLine.arguments.contains("--ocr") { return ocr(root: root) ? 0 : 1 }
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
        if !ocr(root: root) { failed = true }
        return failed ? 1 : 0
    }

    /// The OCR reader on fixtures/scans: character error rate of the article text against its
    /// report's gold text (white space collapsed), per kind of scan; extraction F1 of the OCR'd
    /// text against the gold figures of the text the report was made from, next to the same
    /// score for the report's own DOCX (what the layout adds, a header and tables, costs both);
    /// and pages/s at 300 dpi (scripts/bench-documents runs it on one core: OMP_THREAD_LIMIT=1).
    static func ocr(root: String) -> Bool {
        let dir = root + "/fixtures/scans", office = root + "/fixtures/office"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
        guard !files.isEmpty else { print("OCR: no scans in \(dir)"); return false }
        var failed = false
        print("OCR on fixtures/scans (goal: character error rate at most 3% on the clean 300-dpi scans, extraction F1 at least 0.90):")
        var byVariant: [String: [Double]] = [:]
        var ocrScore = GoldScore(), docxScore = GoldScore()
        var scored = Set<String>()
        var pages300 = 0
        var seconds300 = 0.0
        var confidences: [String: [Double]] = [:]
        // Edits and gold characters over all the scans of a kind: the corpus rate.
        var pooled: [String: (edits: Int, chars: Int)] = [:]
        // Number, type, date and place of the header right; the issuer exactly right.
        var headers: [String: (right: Int, total: Int)] = [:]
        var issuers: [String: Int] = [:]
        for file in files {
            // NAME-300-clean.tif, NAME-150-poor.tif, NAME-300-poor.pdf, NAME-page1-… (no gold of its own).
            let parts = file.split(separator: "-")
            guard parts.count >= 4, !file.contains("-page1-") else { continue }
            let name = parts.prefix(2).joined(separator: "-")
            let variant = "\(parts[2])-\(parts[3].split(separator: ".")[0]) \(file.hasSuffix(".pdf") ? "PDF" : "TIFF")"
            guard let gold = try? String(contentsOfFile: "\(office)/\(name).article.txt", encoding: .utf8),
                  let metaData = FileManager.default.contents(atPath: "\(office)/\(name).meta.json"),
                  let meta = try? JSONSerialization.jsonObject(with: metaData) as? [String: Any] else { continue }
            let start = ContinuousClock.now
            do {
                let a = try Ingest.article(file: "\(dir)/\(file)")
                let took = Stopwatch.seconds(since: start)
                if parts[2] == "300" { pages300 += a.ocr?.pages ?? 0; seconds300 += took }
                let cer = CharacterErrorRate(predicted: a.text, gold: gold)
                let rate = cer.rate
                byVariant[variant, default: []].append(rate)
                pooled[variant, default: (0, 0)].edits += cer.edits
                pooled[variant, default: (0, 0)].chars += cer.goldLength
                if rate > 0.03 || CommandLine.arguments.contains("--each") { print("    \(file): CER \(fmt(rate * 100, 2))%, \(a.ocr?.pages ?? 0) pages in \(fmt(took, 1)) s") }
                confidences[variant, default: []].append(a.ocr?.confidence ?? 0)
                let h = a.header
                headers[variant, default: (0, 0)].total += 1
                if a.published == meta["date"] as? String, h?.number == meta["number"] as? String, h?.type == meta["type"] as? String,
                   h?.place == meta["place"] as? String {
                    headers[variant, default: (0, 0)].right += 1
                }
                if h?.issuer == meta["issuer"] as? String { issuers[variant, default: 0] += 1 }
                // Extraction against the source's gold: the clean 300-dpi scans, and the same reports' DOCX.
                if parts[2] == "300" && parts[3].hasPrefix("clean"), let goldPath = meta["gold"] as? String,
                   let goldFigures = try? EvalExtract.goldJSON(root + "/" + goldPath) {
                    ocrScore.add(predicted: Extractor.extract(a.text, published: a.published), gold: goldFigures, document: name)
                    if !scored.contains(name), let d = try? Ingest.article(file: "\(office)/\(name).docx") {
                        docxScore.add(predicted: Extractor.extract(d.text, published: d.published), gold: goldFigures, document: name)
                        scored.insert(name)
                    }
                }
            } catch {
                print("  \(file): \(error)")
                byVariant[variant, default: []].append(1)
            }
        }
        for (variant, rates) in byVariant.sorted(by: { $0.key < $1.key }) {
            let maximum = rates.max() ?? 1, mean = rates.reduce(0, +) / Double(max(1, rates.count))
            let conf = confidences[variant] ?? []
            let all = pooled[variant].map { Double($0.edits) / Double(max(1, $0.chars)) } ?? 1
            print("  \(pad(variant, 16)) \(rates.count) scans  CER \(fmt(all * 100, 2))% (all characters)  per scan: mean \(fmt(mean * 100, 2))% max \(fmt(maximum * 100, 2))%  mean confidence \(fmt(conf.reduce(0, +) / Double(max(1, conf.count)), 3))")
            let hd = headers[variant] ?? (0, 0)
            print("  \(pad("", 16)) header number, type, date and place right \(hd.right)/\(hd.total), issuer letter for letter \(issuers[variant] ?? 0)/\(hd.total)")
            if variant.hasPrefix("300-clean") && all > 0.03 { failed = true }
        }
        let o = ocrScore.overall, d = docxScore.overall
        print("  extraction on the clean 300-dpi scans: P \(fmt(o.precision)) R \(fmt(o.recall)) F1 \(fmt(o.f1)) (\(o.truePositives) of \(o.gold) gold figures);"
              + " the same reports' DOCX: F1 \(fmt(d.f1)) (\(d.truePositives) of \(d.gold))")
        if o.f1 < 0.90 { failed = true }
        let rate = Double(pages300) / max(seconds300, 0.001)
        print("  OCR speed at 300 dpi: \(pages300) pages in \(fmt(seconds300, 1)) s, \(fmt(rate, 2)) pages/s (goal: at least 1 on one core; reading, layout and decoding included)")
        if rate < 1 { failed = true }
        return !failed
    }
}
