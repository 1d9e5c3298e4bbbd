import Foundation

/// Whether an article looks like a Vietnamese bulletin at all. A folder of bulletins often holds
/// other files too (a licence, a word list, a README in English); stored, they would count as
/// bulletins with no figures. `problem` names what is wrong, or nil. Reads at most the first
/// `sampleScalars` of the text.
public enum BulletinCheck {
    public static let sampleScalars = 200_000
    /// Share of words with a Vietnamese letter below which a text is not Vietnamese (bulletins
    /// of fixtures/real and corpus/ have 0.74 to 0.92; English prose none, French well under 0.3).
    public static let vietnameseShare = 0.3

    static let vietnameseLatin: Set<UInt32> = {
        let lower: [UInt32] = [0xE0, 0xE1, 0xE2, 0xE3, 0xE8, 0xE9, 0xEA, 0xEC, 0xED, 0xF2, 0xF3, 0xF4, 0xF5, 0xF9, 0xFA, 0xFD]
        return Set(lower + lower.map { $0 - 0x20 } + [0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0])
    }()

    /// Letters only Vietnamese writes (with their tone marks): ă â đ ê ô ơ ư and the toned vowels.
    static func isVietnameseLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        // Latin-1's à á â ã è é ê ì í ò ó ô õ ù ú ý (and capitals), Latin Extended-A's
        // ă đ ĩ ũ ơ ư, and Latin Extended Additional (ạ … ỹ).
        if (0x1EA0...0x1EF9).contains(v) { return true }
        return vietnameseLatin.contains(v)
    }

    public static func problem(_ article: Article) -> String? {
        var words = 0, vietnameseWords = 0
        var inWord = false, wordHasMark = false
        var lines = 0, shortLines = 0, wordsInLine = 0
        var sentenceWords = 0, longestSentence = 0
        var seen = 0
        func endWord() {
            guard inWord else { return }
            words += 1
            wordsInLine += 1
            sentenceWords += 1
            if wordHasMark { vietnameseWords += 1 }
            inWord = false
            wordHasMark = false
        }
        func endLine() {
            endWord()
            if wordsInLine > 0 {
                lines += 1
                if wordsInLine <= 3 { shortLines += 1 }
            }
            wordsInLine = 0
        }
        for s in article.text.unicodeScalars {
            seen += 1
            if seen > sampleScalars { break }
            // ASCII answered directly: a property lookup per scalar is most of this pass.
            let letter = s.value < 0x80 ? (s.value | 0x20 >= 0x61 && s.value | 0x20 <= 0x7A) : s.properties.isAlphabetic
            if letter || (0x300...0x36F).contains(s.value) {
                inWord = true
                if isVietnameseLetter(s) || (0x300...0x36F).contains(s.value) { wordHasMark = true }
                continue
            }
            if s == "\n" {
                endLine()
                longestSentence = max(longestSentence, sentenceWords)
                sentenceWords = 0
            } else {
                endWord()
                if s == "." || s == "!" || s == "?" || s == ";" || s == ":" {
                    longestSentence = max(longestSentence, sentenceWords)
                    sentenceWords = 0
                }
            }
        }
        endLine()
        longestSentence = max(longestSentence, sentenceWords)
        if words == 0 { return "no words" }
        if words >= 20 && Double(vietnameseWords) < vietnameseShare * Double(words) {
            return "not Vietnamese (\(percent(vietnameseWords, words)) of its words have Vietnamese letters)"
        }
        if lines >= 20 && Double(shortLines) >= 0.8 * Double(lines) {
            return "a word list, not a bulletin (\(percent(shortLines, lines)) of its \(lines) lines have 3 words or fewer)"
        }
        if longestSentence < 8 { return "no sentence (none of 8 words or more)" }
        return nil
    }

    static func percent(_ a: Int, _ b: Int) -> String { "\(Int((Double(a) / Double(max(b, 1)) * 100).rounded()))%" }
}
