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

/// Character error rate: the edit distance between the predicted and the gold text (Unicode
/// scalars, NFC, runs of white space as one space) over the gold's length.
public struct CharacterErrorRate: Sendable {
    public var rate: Double
    public var edits = 0
    public var goldLength = 0

    public init(predicted: String, gold: String) {
        func norm(_ s: String) -> [Unicode.Scalar] {
            var out: [Unicode.Scalar] = []
            var space = false
            for u in UnicodeNormalization.nfc(s).unicodeScalars {
                if u.properties.isWhitespace { space = !out.isEmpty; continue }
                if space { out.append(" "); space = false }
                out.append(u)
            }
            return out
        }
        let a = norm(predicted), b = norm(gold)
        guard !b.isEmpty else { rate = a.isEmpty ? 0 : 1; return }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            cur[0] = i
            let ca = a[i - 1]
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        edits = a.isEmpty ? b.count : prev[b.count]
        goldLength = b.count
        rate = Double(edits) / Double(b.count)
    }
}
