import Foundation

/// Vietnamese alphabetical order, for sorted output: "Bạc Liêu" before "Bến Tre" before "Bình
/// Định", "Đà Nẵng" after every "D…". Letters in the order of the alphabet (a ă â b c d đ e ê g h
/// i k l m n o ô ơ p q r s t u ư v x y), case aside; tone marks decide only between words that
/// are otherwise equal (ngang, huyền, hỏi, ngã, sắc, nặng). Digits come before letters, and
/// numbers compare by value ("Quận 2" before "Quận 10").
public enum VietnameseCollation {
    /// A key that sorts as the text does: compare keys with `<`.
    public struct Key: Comparable, Sendable {
        var primary: [UInt32]
        var tones: [UInt8]
        var original: String

        public static func < (a: Key, b: Key) -> Bool {
            if a.primary != b.primary { return a.primary.lexicographicallyPrecedes(b.primary) }
            if a.tones != b.tones { return a.tones.lexicographicallyPrecedes(b.tones) }
            return a.original < b.original
        }
        public static func == (a: Key, b: Key) -> Bool { a.original == b.original }
    }

    static let alphabet: [Character] = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
                                        "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
    static let rank: [String: UInt32] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { (String($1), UInt32($0)) })
    /// Combining tone marks → their place in the tone order (ngang is 0).
    static let toneRank: [UInt32: UInt8] = [0x300: 1, 0x309: 2, 0x303: 3, 0x301: 4, 0x323: 5]
    /// Vowel marks that make a letter of its own (ă â ê ô ơ ư).
    static let letterMarks: Set<UInt32> = [0x306, 0x302, 0x31B]

    /// Weights: 0 separators, 1_000 + value for numbers, 10_000 + alphabet rank for letters,
    /// 100_000 + scalar for anything else.
    public static func key(_ text: String) -> Key {
        var primary: [UInt32] = []
        var tones: [UInt8] = []
        let scalars = Array(UnicodeNormalization.nfd(text.lowercased()).unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s.properties.numericType != nil, let d = s.properties.numericValue, d >= 0, d < 10, d == d.rounded() {
                var value: UInt32 = 0
                while i < scalars.count, let d = scalars[i].properties.numericValue, scalars[i].properties.numericType == .decimal {
                    value = value &* 10 &+ UInt32(d)
                    i += 1
                }
                primary.append(1_000 + min(value, 8_999))
                continue
            }
            if s.properties.isAlphabetic {
                var letter = String(s)
                var tone: UInt8 = 0
                i += 1
                while i < scalars.count, (0x300...0x36F).contains(scalars[i].value) {
                    let m = scalars[i].value
                    if letterMarks.contains(m) { letter.unicodeScalars.append(scalars[i]) } else if let t = toneRank[m] { tone = t }
                    i += 1
                }
                let composed = UnicodeNormalization.nfc(letter)
                if let r = rank[composed] { primary.append(10_000 + r) } else { primary.append(100_000 + s.value) }
                tones.append(tone)
                continue
            }
            primary.append(s.properties.isWhitespace || s == "-" || s == "," ? 0 : 100_000 + s.value)
            i += 1
        }
        return Key(primary: primary, tones: tones, original: text)
    }

    /// `a` sorts before `b`.
    public static func precedes(_ a: String, _ b: String) -> Bool { key(a) < key(b) }
}
