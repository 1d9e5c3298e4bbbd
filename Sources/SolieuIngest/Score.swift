import SolieuText

/// Bag-of-words precision / recall / F1 of a clean text against its gold (whitespace tokens, NFC,
/// lower-cased): the measure fixtures/README.md defines for boilerplate removal.
public struct BagOfWordsScore: Sendable {
    public var precision: Double
    public var recall: Double
    public var f1: Double

    public init(predicted: String, gold: String) {
        func bag(_ s: String) -> [Substring: Int] {
            var counts: [Substring: Int] = [:]
            for w in UnicodeNormalization.nfc(s).lowercased().split(whereSeparator: { $0.isWhitespace }) { counts[w, default: 0] += 1 }
            return counts
        }
        let p = bag(predicted)
        let g = bag(gold)
        var shared = 0
        for (w, c) in p { shared += min(c, g[w] ?? 0) }
        let pc = p.values.reduce(0, +)
        let gc = g.values.reduce(0, +)
        precision = pc == 0 ? 0 : Double(shared) / Double(pc)
        recall = gc == 0 ? 0 : Double(shared) / Double(gc)
        f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}
