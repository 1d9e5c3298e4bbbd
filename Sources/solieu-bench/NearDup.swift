import Foundation
import SolieuGen
import SolieuIndex
import SolieuIngest
import SolieuText

/// `neardup ROOT [N]`: the similarity of copies and of distinct bulletins, against
/// `NearDuplicates.threshold`, and what a signature costs (scripts/bench-neardup).
enum BenchNearDup {
    static func signature(_ text: String) -> [UInt32] { NearDuplicates.signature(key: VietnameseFold.searchKey(text)) }

    static func run(root: String, generated: Int) -> Int32 {
        let fm = FileManager.default
        func path(_ p: String) -> String { (root as NSString).appendingPathComponent(p) }
        func files(_ dir: String, _ suffix: String) -> [String] {
            ((try? fm.contentsOfDirectory(atPath: path(dir))) ?? []).filter { $0.hasSuffix(suffix) }.sorted().map { path(dir + "/" + $0) }
        }
        // 1. A page and its article text (fixtures/html, fixtures/portal).
        var pairs: [(String, Double)] = []
        for dir in ["fixtures/html", "fixtures/portal"] {
            for html in files(dir, ".html") {
                let txt = String(html.dropLast(5)) + ".article.txt"
                guard let a = try? Ingest.article(file: html), let b = try? Ingest.article(file: txt) else { continue }
                pairs.append(((html as NSString).lastPathComponent, NearDuplicates.similarity(signature(a.text), signature(b.text))))
            }
        }
        // 2. Republished copies of fixtures/real: another byline, the portal's furniture, one
        // sentence reworded.
        let real = files("fixtures/real", ".txt").compactMap { try? Ingest.article(file: $0).text }
        var copies: [Double] = []
        for text in real {
            var paragraphs = text.components(separatedBy: "\n\n")
            // One sentence of the middle paragraph reworded: a word added after its first, its
            // last word dropped.
            let k = paragraphs.count / 2
            var sentences = paragraphs[k].components(separatedBy: ". ")
            let j = sentences.count / 2
            var words = sentences[j].split(separator: " ").map(String.init)
            if words.count > 3 {
                words.insert("cũng", at: 1)
                words.removeLast()
                sentences[j] = words.joined(separator: " ")
                paragraphs[k] = sentences.joined(separator: ". ")
            }
            let copy = (["Trang chủ | Tin tức | Thi đua khen thưởng"] + paragraphs
                        + ["Theo Báo điện tử tỉnh", "Chia sẻ: Facebook Zalo In bài", "Tin liên quan: Hội nghị sơ kết công tác thi đua"])
                .joined(separator: "\n\n")
            copies.append(NearDuplicates.similarity(signature(text), signature(copy)))
        }
        // 3. Distinct bulletins: fixtures/real and corpus/, and generated ones (one template).
        let corpus = files("corpus", ".txt").compactMap { try? Ingest.article(file: $0).text }
        let gen = GenCorpus.generator(root: root)
        var generatedTexts: [String] = []
        for i in 0..<generated where i % 25 != 24 {  // every 25th republishes the one before
            let b = gen.bulletin(i)
            if let a = try? Ingest.article(bytes: Array(b.content.utf8), name: b.path) { generatedTexts.append(a.text) }
        }
        let distinct = Array(Set(real + corpus)) + generatedTexts
        let clock = ContinuousClock()
        let t0 = clock.now
        let signatures = distinct.map(signature)
        let signatureTime = clock.now - t0
        var worst = 0.0, above = 0, compared = 0
        var buckets: [Int64: [Int]] = [:]
        for (i, s) in signatures.enumerated() {
            for b in Set(NearDuplicates.keys(signature: s, key: VietnameseFold.searchKey(distinct[i]))) { buckets[b, default: []].append(i) }
        }
        var seen = Set<Int>()
        for (_, members) in buckets where members.count > 1 {
            for x in 0..<members.count { for y in (x + 1)..<members.count {
                let key = members[x] * distinct.count + members[y]
                guard seen.insert(key).inserted else { continue }
                compared += 1
                let sim = NearDuplicates.similarity(signatures[members[x]], signatures[members[y]])
                worst = max(worst, sim)
                if sim >= NearDuplicates.threshold { above += 1 }
            } }
        }
        // The cost against preparing the same documents (what ingest's workers do).
        let preparer = Preparer()
        let t1 = clock.now
        for (i, text) in distinct.prefix(2000).enumerated() {
            _ = try? preparer.prepare(path: "bench-\(i).txt", bytes: Array(text.utf8))
        }
        let prepareTime = clock.now - t1
        func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
        let perSignature = ms(signatureTime) / Double(max(distinct.count, 1))
        let perPrepare = ms(prepareTime) / Double(min(2000, distinct.count))
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        print("threshold: \(f(NearDuplicates.threshold)) (estimated Jaccard of 5-word shingles, \(NearDuplicates.hashes) MinHash values, \(NearDuplicates.hashes / NearDuplicates.bandRows) bands of \(NearDuplicates.bandRows) and the 4 longest paragraphs as candidate keys)")
        print("copies, page vs its article text: \(pairs.count) pairs, min \(f(pairs.map(\.1).min() ?? 0)), median \(f(pairs.map(\.1).sorted()[pairs.count / 2])); below threshold: \(pairs.filter { $0.1 < NearDuplicates.threshold }.map { "\($0.0) \(f($0.1))" })")
        print("copies, republished with another byline, furniture and a sentence reworded: \(copies.count), min \(f(copies.min() ?? 0)); below threshold: \(copies.filter { $0 < NearDuplicates.threshold }.count)")
        print("distinct bulletins: \(distinct.count) (\(real.count) real, \(corpus.count) corpus, \(generatedTexts.count) generated), \(compared) candidate pairs sharing a key (\(String(format: "%.2f", Double(compared) / Double(max(distinct.count, 1)))) per document), max similarity \(f(worst)), at or above threshold: \(above)")
        print("cost: \(f(perSignature * 1000)) µs per signature, \(f(perPrepare * 1000)) µs to prepare a document: \(f(perSignature / perPrepare * 100))% of the workers' time (goal: at most 10% of ingest throughput)")
        let ok = pairs.allSatisfy { $0.1 >= NearDuplicates.threshold } && copies.allSatisfy { $0 >= NearDuplicates.threshold } && above == 0
        return ok ? 0 : 1
    }
}
