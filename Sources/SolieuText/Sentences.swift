/// Sentence units with Unicode scalar offsets into the text.
///
/// A sentence ends at ".", "!", "?" or the official closing "./." followed by white space and an
/// upper-case letter, a digit, a quote or a list marker, and at every paragraph break ("\n").
/// It does not end after the abbreviations these reports use ("TP.", "ThS.", "TS.", "PGS.",
/// "Q.", "v.v."), nor inside numbers, dates or codes ("3.304", "18.07.2018", "32/QĐ-UBND").
/// List items ("(1) …", "- …", "+ …", "1. …") start their own unit.
public enum Sentences {
    public struct Unit: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    static let abbreviations: Set<String> = [
        "tp", "ths", "ts", "pgs", "gs", "q", "p", "tt", "bs", "ks", "cn", "ncs", "v.v", "vv", "st", "tx", "h", "ông", "bà",
        "đ/c", "đc", "tr", "th", "x", "ph",
    ]

    public static func split(_ text: String) -> [Unit] { split(UnicodeNormalization.scalars(text)) }

    public static func split(_ s: [Unicode.Scalar]) -> [Unit] { s.withUnsafeBufferPointer { split($0) } }

    static func split(_ s: UnsafeBufferPointer<Unicode.Scalar>) -> [Unit] {
        var units: [Unit] = []
        var start = 0
        func close(_ end: Int) {
            var a = start
            var b = end
            while a < b, Tokenizer.isSpace(s[a]) { a += 1 }
            while b > a, Tokenizer.isSpace(s[b - 1]) { b -= 1 }
            if b > a { units.append(Unit(start: a, end: b)) }
            start = end
        }
        var i = 0
        let n = s.count
        // The scalars below U+0040 the loop looks at: "\n", "!", ".", ":", ";", "?".
        let interesting: UInt64 = 1 << 0x0A | 1 << 0x21 | 1 << 0x2E | 1 << 0x3A | 1 << 0x3B | 1 << 0x3F
        while i < n {
            let c = s[i]
            // Letters, digits and spaces never decide anything here: skip them at once.
            if c.value >= 0x40 ? c.value != 0x2026 : (interesting >> UInt64(c.value)) & 1 == 0 { i += 1; continue }
            if c == "\n" {
                close(i)
                start = i + 1
                i += 1
                continue
            }
            if c == "." || c == "!" || c == "?" || c == "…" {
                var j = i + 1
                // "./." closes an official text.
                if c == ".", j + 1 < n, s[j] == "/", s[j + 1] == "." { j += 2 }
                while j < n, s[j] == "." || s[j] == "!" || s[j] == "?" || s[j] == "\"" || s[j] == "”" || s[j] == ")" { j += 1 }
                if j >= n { i = j; continue }
                guard s[j] == " " || s[j] == "\n" else { i += 1; continue }
                if c == ".", isAbbreviation(s, before: i) { i += 1; continue }
                var k = j
                while k < n, s[k] == " " { k += 1 }
                if k < n, startsSentence(s[k]) {
                    close(j)
                    i = j
                    continue
                }
            }
            // A list marker after ";" or ":" starts a new unit: "…: (1) …; (2) …"
            if (c == ";" || c == ":"), i + 2 < n, s[i + 1] == " ", s[i + 2] == "(",
               i + 4 < n, s[i + 3].properties.numericType != nil, s[i + 4] == ")" || (i + 5 < n && s[i + 5] == ")") {
                close(i + 1)
                i += 1
                continue
            }
            i += 1
        }
        close(n)
        return units
    }

    private static func startsSentence(_ c: Unicode.Scalar) -> Bool {
        Tokenizer.isUpper(c) || (c.value >= 0x30 && c.value <= 0x39) || c.properties.numericType != nil || c == "“" || c == "\"" || c == "(" || c == "-" || c == "+" || c == "–"
    }

    /// `abbreviations` as lower-case scalar sequences packed into one number each (all are at
    /// most three scalars), so the check before every "." allocates nothing.
    static let abbreviationKeys: Set<UInt64> = Set(abbreviations.map { VietnameseSyllable.key($0.unicodeScalars.map(\.value)) })

    private static func isAbbreviation(_ s: UnsafeBufferPointer<Unicode.Scalar>, before dot: Int) -> Bool {
        var k = dot
        while k > 0, Tokenizer.isLetter(s[k - 1]) || s[k - 1] == "." || s[k - 1] == "/" { k -= 1 }
        guard k < dot else { return false }
        if dot - k <= 3, abbreviationKeys.contains(VietnameseSyllable.key(s[k..<dot].lazy.map { Tokenizer.lower($0).value })) { return true }
        // A single upper-case letter ("Q.", "P.") is an initial or an abbreviation.
        return dot - k == 1 && Tokenizer.isUpper(s[k])
    }
}
