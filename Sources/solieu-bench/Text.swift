import Foundation
import SolieuText

/// `bench-wordseg [GOLD...]`: word-level P/R/F1 against gold files (default: the VTB dev split)
/// and syllables/s of the segmenter on one core.
enum BenchWordseg {
    static func run(root: String, files: [String]) -> Int32 {
        let gold = files.isEmpty ? [(root as NSString).appendingPathComponent("fixtures/wordseg/vtb-dev.txt")] : files
        let seg = WordSegmenter.bundled
        for path in gold {
            let lines = FixtureSet.read(path).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
            let sentences = lines.map { $0.split(separator: " ").map { $0.split(separator: "_").map(String.init) } }
            let inputs = sentences.map { $0.flatMap { $0 } }
            var tp = 0, fp = 0, fn = 0
            for (words, syllables) in zip(sentences, inputs) {
                var goldSpans = Set<Range<Int>>()
                var i = 0
                for w in words { goldSpans.insert(i..<(i + w.count)); i += w.count }
                let predicted = Set(seg.segment(syllables))
                tp += predicted.intersection(goldSpans).count
                fp += predicted.subtracting(goldSpans).count
                fn += goldSpans.subtracting(predicted).count
            }
            let p = Double(tp) / Double(max(1, tp + fp)), r = Double(tp) / Double(max(1, tp + fn))
            let f = 2 * p * r / max(1e-9, p + r)
            let syllableCount = inputs.reduce(0) { $0 + $1.count }
            // Speed: the whole file segmented repeatedly for at least a second.
            let start = ContinuousClock.now
            var done = 0
            repeat {
                for s in inputs { _ = seg.segment(s) }
                done += syllableCount
            } while Stopwatch.seconds(since: start) < 1.0
            let rate = Double(done) / Stopwatch.seconds(since: start)
            print("\((path as NSString).lastPathComponent): \(lines.count) sentences, \(syllableCount) syllables")
            print("  word P \(fmt(p * 100, 2))  R \(fmt(r * 100, 2))  F1 \(fmt(f * 100, 2))  (goal: F1 at least 97 on the held-out VTB test split)")
            print("  speed \(fmt(rate / 1e6, 2))M syllables/s on one core (goal: at least 1M)")
        }
        return 0
    }
}

/// `bench-text ROOT [MB]`: MB/s of NFC + tokens + sentences over the corpus repeated to MB.
enum BenchText {
    static func run(root: String, megabytes: Int) -> Int32 {
        let corpus = (root as NSString).appendingPathComponent("corpus")
        let texts = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted().filter { $0.hasSuffix(".txt") }
            .map { FixtureSet.read((corpus as NSString).appendingPathComponent($0)) }
        guard !texts.isEmpty else { print("bench-text: no corpus"); return 1 }
        var inputs: [String] = []
        var bytes = 0
        while bytes < megabytes * 1_000_000 {
            for t in texts {
                inputs.append(t)
                bytes += t.utf8.count
            }
        }
        // Five passes; the median is the figure (a shared machine's noise moves single passes).
        var tokens = 0, sentences = 0
        var passes: [Double] = []
        for _ in 0..<5 {
            tokens = 0
            sentences = 0
            let start = ContinuousClock.now
            for t in inputs {
                let scalars = UnicodeNormalization.nfcScalars(t)
                tokens += Tokenizer.tokens(scalars).count
                sentences += Sentences.split(scalars).count
            }
            passes.append(Stopwatch.seconds(since: start))
        }
        let seconds = passes.sorted()[2]
        print("text layer: \(fmt(Double(bytes) / 1e6, 1)) MB in \(fmt(seconds, 2)) s (median of passes \(passes.map { fmt($0, 2) }.joined(separator: ", ")) s): \(fmt(Double(bytes) / 1e6 / seconds, 1)) MB/s, fastest pass \(fmt(Double(bytes) / 1e6 / passes.min()!, 1)) MB/s (NFC + tokens + sentences, one core; goal: at least 50 MB/s)")
        print("  \(tokens) tokens, \(sentences) sentences")
        if ProcessInfo.processInfo.environment["SOLIEU_BENCH_TEXT_ONLY"] != nil { return 0 }
        // With word segmentation on top.
        let seg = WordSegmenter.bundled
        let wordsStart = ContinuousClock.now
        var words = 0
        for t in inputs.prefix(max(1, inputs.count / 5)) {
            let scalars = UnicodeNormalization.nfcScalars(t)
            words += seg.words(scalars, tokens: Tokenizer.tokens(scalars), sentences: Sentences.split(scalars)).count
        }
        let wordBytes = inputs.prefix(max(1, inputs.count / 5)).reduce(0) { $0 + $1.utf8.count }
        print("  with words: \(fmt(Double(wordBytes) / 1e6 / Stopwatch.seconds(since: wordsStart), 1)) MB/s (\(words) tokens)")
        return 0
    }
}
