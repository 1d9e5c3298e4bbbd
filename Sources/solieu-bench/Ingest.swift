import CSolieuShim
import Foundation
import SolieuIngest

/// Bag-of-words F1 of every fixture's clean article against its gold, grouped.
enum EvalIngest {
    static func run(root: String) -> Int32 {
        let pairs = FixtureSet.pairs(root: root)
        guard !pairs.isEmpty else { print("no fixtures under \(root)"); return 1 }
        print(pad("input", 58) + "  P      R      F1")
        var byGroup: [String: [Double]] = [:]
        var worst = 1.0
        for pair in pairs {
            let predicted: String
            do { predicted = try Ingest.article(file: pair.input).text } catch { predicted = "" }
            let s = BagOfWordsScore(predicted: predicted, gold: FixtureSet.read(pair.gold))
            byGroup[pair.group, default: []].append(s.f1)
            worst = min(worst, s.f1)
            let name = pair.input.split(separator: "/").suffix(2).joined(separator: "/")
            print(pad(name, 58) + "  \(fmt(s.precision))  \(fmt(s.recall))  \(fmt(s.f1))")
        }
        print("")
        for (group, values) in byGroup.sorted(by: { $0.key < $1.key }) {
            let mean = values.reduce(0, +) / Double(values.count)
            print(pad("mean F1, \(group) (\(values.count))", 40) + fmt(mean) + "   min " + fmt(values.min() ?? 0))
        }
        print(pad("min F1, all (\(pairs.count))", 40) + fmt(worst))
        return 0
    }
}

/// Pages/s, MB/s and peak RSS of the whole ingest stage, against a bare libxml2 SAX pass over the
/// same pages in the same run.
enum BenchIngest {
    static func run(root: String, pages: Int) {
        let pairs = FixtureSet.pairs(root: root).filter { $0.input.hasSuffix(".html") }
        let sources = pairs.map { Array(FileManager.default.contents(atPath: $0.input) ?? Data()) }
        let groups = pairs.map(\.group)
        guard !sources.isEmpty else { print("no HTML fixtures"); return }
        // Vary each copy (a counter in a comment and in the body) so no two pages are identical.
        func page(_ i: Int) -> [UInt8] {
            var bytes = sources[i % sources.count]
            bytes.append(contentsOf: Array("<!-- copy \(i) --><p>Bản sao số \(i).</p>".utf8))
            return bytes
        }
        let totalBytes = (0..<pages).reduce(0) { $0 + sources[$1 % sources.count].count }
        let mb = Double(totalBytes) / 1_048_576
        print("pages: \(pages) (\(sources.count) distinct fixtures, varied), \(fmt(mb, 1)) MB, mean \(fmt(Double(totalBytes) / Double(pages) / 1024, 1)) KB/page")

        // Bare SAX pass (libxml2's HTML parser with callbacks that do nothing) and the whole stage,
        // page by page in turn, each timed on its own: both see the same moments of this shared
        // machine, so their ratio does not depend on when each ran.
        var bare = 0.0, full = 0.0
        var events: Int64 = 0
        var rssAt: [(Int, Double)] = []
        var paragraphs = 0
        var failures = 0
        var byGroup: [String: (pages: Int, bytes: Int, bare: Double, full: Double)] = [:]
        for i in 0..<pages {
            var bytes = page(i)
            var clock = ContinuousClock.now
            events += bytes.withUnsafeMutableBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { solieu_html_bare_pass($0.baseAddress, $0.count) }
            }
            let bareSeconds = Stopwatch.seconds(since: clock)
            bare += bareSeconds
            clock = ContinuousClock.now
            do { paragraphs += try Ingest.article(bytes: bytes, name: "page\(i).html", format: .html).paragraphs.count } catch { failures += 1 }
            let fullSeconds = Stopwatch.seconds(since: clock)
            full += fullSeconds
            let g = groups[i % sources.count]
            let sum = byGroup[g] ?? (0, 0, 0, 0)
            byGroup[g] = (sum.pages + 1, sum.bytes + sources[i % sources.count].count, sum.bare + bareSeconds, sum.full + fullSeconds)
            if (i + 1) % max(1, pages / 4) == 0 { rssAt.append((i + 1, Memory.currentMB)) }
        }
        print("bare libxml2 SAX pass:   \(fmt(Double(pages) / bare, 0)) pages/s  \(fmt(mb / bare, 1)) MB/s  (\(events) callbacks)")
        print("solieu ingest (full):    \(fmt(Double(pages) / full, 0)) pages/s  \(fmt(mb / full, 1)) MB/s  (\(paragraphs) paragraphs, \(failures) failures)")
        print("cost vs bare SAX pass:   \(fmt(full / bare, 2))x   (goal: at most 1.5x)")
        for (group, g) in byGroup.sorted(by: { $0.key < $1.key }) {
            let kb = Double(g.bytes) / Double(g.pages) / 1024
            let mbps = Double(g.bytes) / 1_048_576 / g.full
            print("  \(group) (mean \(fmt(kb, 0)) KB): \(fmt(Double(g.pages) / g.full, 0)) pages/s, \(fmt(mbps, 1)) MB/s on one core, " +
                  "\(fmt(g.full / g.bare, 2))x the bare pass" +
                  (group == "real page" ? "; at this speed, \(fmt(mbps * 4, 0)) pages/s of 256 KB (goal: at least 250)" : ""))
        }
        print("RSS as the corpus grows: " + rssAt.map { "\($0.0) pages \(fmt($0.1, 0)) MB" }.joined(separator: ", "))
        print("peak RSS:                \(fmt(Memory.peakMB, 0)) MB")
        if ProcessInfo.processInfo.environment["SOLIEU_BENCH_SKIP_LARGE"] == nil { largePage(sources) }
    }

    /// One 50 MB page: a real page's body repeated inside one document (a must not crash or hang).
    static func largePage(_ sources: [[UInt8]]) {
        let body = String(decoding: sources[0], as: UTF8.self)
        var chunk = body
        if let a = body.range(of: "<body"), let b = body.range(of: "</body>") { chunk = String(body[a.upperBound..<b.lowerBound]) }
        chunk = "<div class=\"part\">" + (chunk.firstIndex(of: ">").map { String(chunk[chunk.index(after: $0)...]) } ?? chunk) + "</div>"
        var html = "<html><head><meta charset=\"utf-8\"><title>Trang rất lớn</title></head><body><h1>Trang rất lớn</h1>"
        let target = 50 * 1_048_576
        var copies = 0
        while html.utf8.count < target {
            html += chunk.replacingOccurrences(of: "</p>", with: " (\(copies))</p>")
            copies += 1
        }
        html += "</body></html>"
        let bytes = Array(html.utf8)
        let clock = ContinuousClock.now
        let rssBefore = Memory.currentMB
        var outcome: String
        do {
            let a = try Ingest.article(bytes: bytes, name: "large.html", format: .html)
            outcome = "\(a.paragraphs.count) paragraphs, \(fmt(Double(a.text.utf8.count) / 1_048_576, 1)) MB of article text"
        } catch {
            outcome = "error: \(error)"
        }
        let seconds = Stopwatch.seconds(since: clock)
        print("50 MB page (\(fmt(Double(bytes.count) / 1_048_576, 1)) MB, \(copies) copies of a real page's body): \(fmt(seconds, 2)) s, " +
              "\(fmt(Double(bytes.count) / 1_048_576 / seconds, 1)) MB/s, \(outcome); RSS \(fmt(rssBefore, 0)) → peak \(fmt(Memory.peakMB, 0)) MB")
    }
}
