import Foundation

/// Vietnamese word segmentation: which syllables form one word ("thi đua", "khen thưởng", "Ủy ban
/// nhân dân", "nông thôn mới").
///
/// A best path over the syllables: each candidate word scores length^1.5 plus a small bonus for
/// how often it occurs in the VTB training split, so the longest dictionary words win unless a
/// split into common words is clearly better; a run of Title-case syllables inside a sentence
/// is one name ("Trương Định", "Bạch Đằng"). Words come from the pyvi word list (MIT), the
/// training split's words (CC BY-SA 4.0); dictionary words the training split writes apart ("cô
/// gái", "xảy ra") are dropped. `segment` follows the treebank's conventions (what
/// scripts/bench-wordseg scores); `words`, which solieu uses on reports, also keeps domain terms
/// whole (solieu's abbreviation expansions: "Ủy ban nhân dân", "Thi đua - Khen thưởng").
/// Lookups fold case and tone-mark placement ("hòa"/"hoà"), so the text keeps what was written.
public final class WordSegmenter: Sendable {
    /// Longest word considered, in syllables.
    public static let maxWordLength = 4

    /// Folded syllable → id (< 65535).
    private let syllableIDs: [String: UInt16]
    /// Packed ids of every multi-syllable word.
    private let words: Set<UInt64>
    /// Packed ids → log(1 + count in the training split).
    private let frequency: [UInt64: Float]
    /// Surface forms already folded (every lexicon syllable as written, lower/Title/UPPER case).
    private let surface: [String: UInt16]

    static let unknown: UInt16 = .max

    /// Domain terms (packed ids, 2–4 syllables) that `words` keeps whole even where the general
    /// segmentation splits them ("Ủy ban nhân dân", which the treebank writes "ủy_ban nhân_dân").
    private let terms: Set<UInt64>

    public init(wordLists: [[String]], counts: [String: Int], splits: [String] = [], terms: [String] = []) {
        var ids: [String: UInt16] = [:]
        var words = Set<UInt64>()
        var frequency: [UInt64: Float] = [:]
        func id(_ s: String) -> UInt16? {
            if let i = ids[s] { return i }
            guard ids.count < Int(Self.unknown) - 1 else { return nil }
            let i = UInt16(ids.count)
            ids[s] = i
            return i
        }
        for list in wordLists {
            for w in list {
                let parts = w.split(whereSeparator: { $0 == " " || $0 == "_" }).map { Self.fold(String($0)) }
                guard parts.count >= 2, parts.count <= Self.maxWordLength else {
                    if parts.count == 1 { _ = id(parts[0]) }
                    continue
                }
                let syllables = parts.compactMap(id)
                guard syllables.count == parts.count else { continue }
                words.insert(Self.pack(syllables))
            }
        }
        for (w, n) in counts {
            let parts = w.split(whereSeparator: { $0 == " " || $0 == "_" }).map { Self.fold(String($0)) }
            guard !parts.isEmpty, parts.count <= Self.maxWordLength else { continue }
            let syllables = parts.compactMap(id)
            guard syllables.count == parts.count else { continue }
            let k = Self.pack(syllables)
            if parts.count >= 2 { words.insert(k) }
            frequency[k, default: 0] += Float(n)
        }
        for (k, n) in frequency { frequency[k] = log(1 + n) }
        // Dictionary words the training split writes apart ("cô gái", "xảy ra", "thứ hai").
        for w in splits {
            let parts = w.split(separator: " ").map { Self.fold(String($0)) }
            let syllables = parts.compactMap { ids[$0] }
            if syllables.count == parts.count { words.remove(Self.pack(syllables)) }
        }
        var termKeys = Set<UInt64>()
        for t in terms {
            let parts = t.split(whereSeparator: { $0 == " " || $0 == "_" }).map { Self.fold(String($0)) }
            guard parts.count >= 2, parts.count <= Self.maxWordLength else { continue }
            let syllables = parts.compactMap(id)
            if syllables.count == parts.count { termKeys.insert(Self.pack(syllables)) }
        }
        self.terms = termKeys
        var surface: [String: UInt16] = [:]
        for (s, i) in ids {
            surface[s] = i
            surface[s.prefix(1).uppercased() + s.dropFirst()] = i
            surface[s.uppercased()] = i
        }
        self.syllableIDs = ids
        self.words = words
        self.frequency = frequency
        self.surface = surface
    }

    /// Up to four 16-bit ids in one key, with the length in the top bits so that "a b" and
    /// "a b" followed by id 0 differ.
    @inline(__always)
    static func pack<C: Collection>(_ ids: C) -> UInt64 where C.Element == UInt16 {
        var k: UInt64 = UInt64(ids.count) << 61
        var shift: UInt64 = 0
        for i in ids {
            k |= UInt64(i) << shift
            shift += 16
        }
        return k
    }

    /// Lower case and the tone mark of open oa/oe/uy on the second vowel (`VietnameseFold.toneKey`).
    static func fold(_ s: String) -> String { VietnameseFold.toneKey(UnicodeNormalization.nfc(s)) }

    @inline(__always)
    func syllableID(_ s: Substring) -> UInt16 {
        if let i = surface[String(s)] { return i }
        return syllableIDs[Self.fold(String(s))] ?? Self.unknown
    }

    static func isTitle(_ s: Substring) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isUppercase, first.properties.isAlphabetic else { return false }
        if s.hasSuffix(".") { return false }
        return s.unicodeScalars.dropFirst().allSatisfy { !$0.properties.isUppercase }
    }

    /// Whether these syllables (2 to `maxWordLength`, as written) are one word of the lexicon
    /// or a domain term ("tăng trưởng", "thực tế", "Ủy ban nhân dân").
    public func isWord<S: StringProtocol>(_ syllables: [S]) -> Bool {
        guard syllables.count >= 2, syllables.count <= Self.maxWordLength else { return false }
        let ids = syllables.map { syllableID(Substring($0)) }
        guard !ids.contains(Self.unknown) else { return false }
        let key = Self.pack(ids)
        return words.contains(key) || terms.contains(key)
    }

    /// Word boundaries over a sentence's syllables: each range is one word (syllable indices).
    public func segment<S: StringProtocol>(_ syllables: [S]) -> [Range<Int>] {
        let n = syllables.count
        guard n > 0 else { return [] }
        let subs = syllables.map { Substring($0) }
        let ids = subs.map(syllableID)
        var best = [Float](repeating: -.infinity, count: n + 1)
        var back = [Int](repeating: 0, count: n + 1)
        best[0] = 0
        var nameEnd = 0
        for i in 0..<n where best[i] > -.infinity {
            // One syllable is always possible.
            relax(i, 1, ids, &best, &back)
            if ids[i] != Self.unknown {
                var k = 2
                while k <= Self.maxWordLength && i + k <= n {
                    let slice = ids[i..<(i + k)]
                    if slice.contains(Self.unknown) { break }
                    if words.contains(Self.pack(slice)) { relax(i, k, ids, &best, &back) }
                    k += 1
                }
            }
            // A run of Title-case syllables inside the sentence: one name.
            if i > 0 && Self.isTitle(subs[i]) {
                var j = max(i + 1, nameEnd)
                while j < n && Self.isTitle(subs[j]) { j += 1 }
                nameEnd = j  // the run's end, reused by the next syllables of the same run
                if j - i >= 2 { relax(i, j - i, ids, &best, &back) }
            }
        }
        var out: [Range<Int>] = []
        var e = n
        while e > 0 {
            let s = back[e]
            out.append(s..<e)
            e = s
        }
        return out.reversed()
    }

    @inline(__always)
    private func relax(_ i: Int, _ k: Int, _ ids: [UInt16], _ best: inout [Float], _ back: inout [Int]) {
        var score = Float(k) * Float(k).squareRoot()  // k^1.5
        if k <= Self.maxWordLength, !ids[i..<(i + k)].contains(Self.unknown) {
            score += 0.1 * (frequency[Self.pack(ids[i..<(i + k)])] ?? 0)
        }
        let v = best[i] + score
        if v > best[i + k] {
            best[i + k] = v
            back[i + k] = i
        }
    }

    /// The segmenter shipped with solieu: pyvi words, VTB-train word counts, and `extraWords`.
    public static let bundled: WordSegmenter = {
        func lines(_ name: String, _ ext: String) -> [String] {
            guard let url = Bundle.module.url(forResource: name, withExtension: ext),
                  let text = try? String(contentsOf: url, encoding: .utf8) else {
                BrokenInstallation.stop("SolieuText resource \(name).\(ext) is missing")
            }
            return text.split(separator: "\n").map(String.init)
        }
        var counts: [String: Int] = [:]
        for line in lines("vtb-train-words", "tsv") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t")
            if parts.count == 2, let n = Int(parts[1]) { counts[String(parts[0]), default: 0] += n }
        }
        let splits = lines("vtb-train-splits", "txt").filter { !$0.hasPrefix("#") }
        return WordSegmenter(wordLists: [lines("pyvi-words", "txt")], counts: counts, splits: splits,
                             terms: Abbreviations.bundled.entries.map(\.expansion))
    }()
}

public extension WordSegmenter {
    /// Consecutive words that together spell a domain term become one ("Ủy ban" + "nhân dân").
    internal func joinTerms(_ words: [Range<Int>], _ ids: [UInt16]) -> [Range<Int>] {
        guard !terms.isEmpty else { return words }
        var out: [Range<Int>] = []
        var i = 0
        while i < words.count {
            var merged = false
            for k in stride(from: min(4, words.count - i), through: 2, by: -1) {
                let span = words[i].lowerBound..<words[i + k - 1].upperBound
                guard span.count <= Self.maxWordLength, !ids[span].contains(Self.unknown) else { continue }
                if terms.contains(Self.pack(ids[span])) {
                    out.append(span)
                    i += k
                    merged = true
                    break
                }
            }
            if !merged {
                out.append(words[i])
                i += 1
            }
        }
        return out
    }

    /// Tokens with syllables merged into words: each run of `word` tokens inside one sentence,
    /// separated only by spaces, is segmented; a multi-syllable word becomes one `word` token
    /// spanning its syllables ("thi đua", text as written). Other tokens pass through.
    func words(_ text: [Unicode.Scalar], tokens: [Token], sentences: [Sentences.Unit]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var sentence = 0
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            guard t.kind == .word else { out.append(t); i += 1; continue }
            while sentence < sentences.count && sentences[sentence].end <= t.start { sentence += 1 }
            let sentenceEnd = sentence < sentences.count ? sentences[sentence].end : text.count
            var j = i + 1
            while j < tokens.count, tokens[j].kind == .word, tokens[j].end <= sentenceEnd,
                  text[tokens[j - 1].end..<tokens[j].start].allSatisfy({ $0 == " " }) { j += 1 }
            let run = Array(tokens[i..<j])
            for r in joinTerms(segment(run.map(\.text)), run.map { syllableID(Substring($0.text)) }) {
                let a = run[r.lowerBound].start, b = run[r.upperBound - 1].end
                out.append(Token(kind: .word, start: a, end: b, text: Tokenizer.string(text, a, b)))
            }
            i = j
        }
        return out
    }
}
