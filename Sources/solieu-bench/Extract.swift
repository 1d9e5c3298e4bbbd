import Foundation
import SolieuExtract
import SolieuIngest

/// F1 of extraction on the seed gold (fixtures/seeds/*.gold.json), per kind and overall.
enum EvalExtract {
    static func run(root: String) -> Int32 {
        let seeds = (root as NSString).appendingPathComponent("fixtures/seeds")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: seeds)) ?? []).filter { $0.hasSuffix(".gold.json") }.sorted()
        var score = GoldScore()
        for name in names {
            let id = String(name.dropLast(".gold.json".count))
            let corpusFile = (root as NSString).appendingPathComponent("corpus/\(id).txt")
            guard let article = try? Ingest.article(file: corpusFile),
                  let data = FileManager.default.contents(atPath: (seeds as NSString).appendingPathComponent(name)),
                  let gold = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                print("cannot read \(id)")
                return 1
            }
            score.add(predicted: Extractor.extract(article.text, published: article.published), gold: gold, document: id)
        }
        print(pad("kind", 10) + pad("gold", 6) + pad("pred", 6) + pad("tp", 6) + "P      R      F1")
        for (kind, c) in score.byKind.sorted(by: { $0.key < $1.key }) {
            print(pad(kind, 10) + pad("\(c.gold)", 6) + pad("\(c.predicted)", 6) + pad("\(c.truePositives)", 6)
                  + "\(fmt(c.precision))  \(fmt(c.recall))  \(fmt(c.f1))")
        }
        let o = score.overall
        print(pad("overall", 10) + pad("\(o.gold)", 6) + pad("\(o.predicted)", 6) + pad("\(o.truePositives)", 6)
              + "\(fmt(o.precision))  \(fmt(o.recall))  \(fmt(o.f1))")
        if CommandLine.arguments.contains("--errors") {
            for m in score.missed { print("missed:   \(m)") }
            for s in score.spurious { print("spurious: \(s)") }
        }
        return 0
    }
}

/// MB/s of article text and figures/s on one core, over the corpus repeated.
enum BenchExtract {
    static func run(root: String, megabytes: Int) {
        let corpus = (root as NSString).appendingPathComponent("corpus")
        let texts = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted().compactMap {
            try? Ingest.article(file: (corpus as NSString).appendingPathComponent($0)).text
        }
        guard !texts.isEmpty else { print("no corpus"); return }
        let target = megabytes * 1_048_576
        // Five passes over the same texts; the median is the figure (a shared machine's noise
        // moves single passes, and the first pays for page faults).
        var bytes = 0, figures = 0, documents = 0
        var passes: [Double] = []
        for _ in 0..<5 {
            bytes = 0
            figures = 0
            documents = 0
            let start = ContinuousClock.now
            while bytes < target {
                let text = texts[documents % texts.count]
                figures += Extractor.extract(text, published: nil).count
                bytes += text.utf8.count
                documents += 1
            }
            passes.append(Stopwatch.seconds(since: start))
        }
        let seconds = passes.sorted()[2]
        let mb = Double(bytes) / 1_048_576
        print("extract: \(documents) documents, \(fmt(mb, 1)) MB of article text, \(figures) figures; passes \(passes.map { fmt($0, 2) }.joined(separator: ", ")) s")
        print("extract: \(fmt(mb / seconds, 1)) MB/s, \(fmt(Double(figures) / seconds, 0)) figures/s (median pass; fastest \(fmt(mb / passes.min()!, 1)) MB/s; goal: at least 20 MB/s)")
        print("peak RSS: \(fmt(Memory.peakMB, 0)) MB")
    }
}
