/// Tokens of Vietnamese report text, with Unicode scalar offsets into the original.
///
/// Kinds: `word` (a syllable), `number` in Vietnamese format ("3.304", "1.543,2", "08", "14, 78"
/// before "%"), `percent` ("8,52%", "14, 78 %", "115%KH" → "115%"), `date` ("17/01/2017",
/// "18.07.2018", "21-3-2019", "6/2019"), `code` (document numbers: "32/QĐ-UBND", "19-CT/TU",
/// "91/2017/NĐ-CP"), `abbreviation` ("UBND", "TĐKT", "KT-XH", "GD&ĐT"), `roman` ("III",
/// "XVIII"), `url`, `email`, `phone` ("0983.570.009", "(0269) 3834792"), `punctuation`, `symbol`.
public struct Token: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case word, number, percent, date, code, abbreviation, roman, url, email, phone, punctuation, symbol
    }
    public var kind: Kind
    public var start: Int
    public var end: Int
    public var text: String
}

/// What short scalar runs gave the last time they were met: a report repeats its syllables
/// ("thi đua", "khen thưởng"), so most tokens cost a table lookup instead of new Strings. The
/// tokenizer caches token texts in one; extraction caches each word's texts and fingerprints.
/// Direct-mapped; a run of up to 8 scalars below U+2000 is its own key, so a hit is exact. Not
/// shared between threads: one cache serves one text at a time.
public final class ScalarRunCache<Value> {
    @usableFromInline let mask: Int
    @usableFromInline let keys: UnsafeMutablePointer<UInt64>  // two words per slot; (0, 0) is an empty slot
    @usableFromInline let values: UnsafeMutablePointer<Value>

    /// A cache sized for a text of `scalars` scalars (64 to 4096 slots), its slots filled with `empty`.
    public init(scalars: Int, empty: Value) {
        var bits = 6
        while bits < 12 && 1 << bits < scalars / 8 { bits += 1 }
        mask = (1 << bits) - 1
        keys = .allocate(capacity: 2 << bits)
        keys.initialize(repeating: 0, count: 2 << bits)
        values = .allocate(capacity: 1 << bits)
        values.initialize(repeating: empty, count: 1 << bits)
    }

    deinit {
        keys.deallocate()
        values.deinitialize(count: mask + 1)
        values.deallocate()
    }

    /// What `make(a, b)` gives for the run s[a..<b], from the cache when this run was met before.
    @inlinable @inline(__always)
    public func value(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int, _ b: Int, _ make: (Int, Int) -> Value) -> Value {
        let length = b - a
        guard length >= 1 && length <= 8 else { return make(a, b) }
        var k0 = UInt64(length), k1: UInt64 = 0
        for k in 0..<length {
            let v = s[a + k].value
            guard v < 0x2000 else { return make(a, b) }
            if k < 4 { k0 |= UInt64(v) << (4 + 13 * k) } else { k1 |= UInt64(v) << (13 * (k - 4)) }
        }
        let slot = Int(truncatingIfNeeded: ((k0 ^ (k1 &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD) >> 40) & mask
        if keys[2 * slot] == k0 && keys[2 * slot + 1] == k1 { return values[slot] }
        let made = make(a, b)
        keys[2 * slot] = k0
        keys[2 * slot + 1] = k1
        values[slot] = made
        return made
    }
}

public enum Tokenizer {
    public static func tokens(_ text: String) -> [Token] { tokens(UnicodeNormalization.scalars(text)) }

    public static func tokens(_ s: [Unicode.Scalar]) -> [Token] { s.withUnsafeBufferPointer { tokens($0) } }

    /// Scalars read without bounds checks in release builds (each shape checks its own ends).
    typealias Scalars = UnsafeBufferPointer<Unicode.Scalar>

    /// Character classes of U+0000–U+1FFF (ASCII, Latin, combining marks, Vietnamese), one byte
    /// each, so the hot loops ask a table instead of a chain of range tests.
    struct Class: OptionSet {
        let rawValue: UInt8
        static let letter = Class(rawValue: 1), upper = Class(rawValue: 2), digit = Class(rawValue: 4)
        static let mark = Class(rawValue: 8), nonASCII = Class(rawValue: 16), space = Class(rawValue: 32)
        /// What a letter run is made of.
        static let inRun: Class = [.letter, .digit, .mark]
    }
    static let classLimit: UInt32 = 0x2000
    static let classes: [UInt8] = (0..<classLimit).map { v in classOf(Unicode.Scalar(v) ?? " ").rawValue }

    @inline(__always) static func classOf(_ c: Unicode.Scalar) -> Class {
        var k: Class = []
        if isLetter(c) { k.insert(.letter) }
        if isUpper(c) { k.insert(.upper) }
        if isDigit(c) { k.insert(.digit) }
        if isMark(c) { k.insert(.mark) }
        if isSpace(c) { k.insert(.space) }
        if c.value >= 0x80 { k.insert(.nonASCII) }
        return k
    }

    static func tokens(_ s: Scalars) -> [Token] {
        classes.withUnsafeBufferPointer { tokens(s, $0) }
    }

    static func tokens(_ s: Scalars, _ table: UnsafeBufferPointer<UInt8>) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(s.count / 4)
        let n = s.count
        var i = 0
        // The next "@" at or after i: an e-mail address can only start within 64 scalars of one.
        var nextAt = -1
        let cache = ScalarRunCache<String>(scalars: n, empty: "")
        func emit(_ kind: Token.Kind, _ a: Int, _ b: Int) {
            out.append(Token(kind: kind, start: a, end: b, text: cache.value(s, a, b) { string(s, $0, $1) }))
        }
        while i < n {
            let c = s[i]
            let cls = c.value < classLimit ? Class(rawValue: table[Int(c.value)]) : classOf(c)
            if cls.contains(.space) { i += 1; continue }
            if nextAt < i {
                nextAt = i
                while nextAt < n && s[nextAt] != "@" { nextAt += 1 }
            }
            if cls.contains(.letter) {
                // One scan over the run: its end, whether it is all ASCII, its capitals and digits.
                var j = i, caps = 0, digitCount = 0
                var seen: UInt8 = 0
                while j < n {
                    let v = s[j].value
                    let d = v < classLimit ? table[Int(v)] : classOf(s[j]).rawValue
                    guard d & Class.inRun.rawValue != 0 else { break }
                    seen |= d
                    caps &+= Int((d & Class.upper.rawValue) >> 1)
                    digitCount &+= Int((d & Class.digit.rawValue) >> 2)
                    j += 1
                }
                let ascii = seen & Class.nonASCII.rawValue == 0
                // URLs and host names are an ASCII run going on with ".", "-" or ":"
                // ("baocaobang.vn", "www.", "http:"); every other word skips the URL check.
                if ascii && j < n && (s[j] == "." || s[j] == "-" || s[j] == ":"), let end = url(s, i) { emit(.url, i, end); i = end; continue }
                if nextAt < n && nextAt - i <= 64, let end = email(s, i) { emit(.email, i, end); i = end; continue }
                // Abbreviations with inner "-", "&" or "." between capitals: "KT-XH", "GD&ĐT", "TP.HCM".
                var k = j
                let run = j
                while k + 1 < n && (s[k] == "-" || s[k] == "&" || s[k] == ".") && isUpper(s[k + 1]) && allCaps(s, i, j) {
                    var m = k + 1
                    while m < n && (isLetter(s[m]) || isMark(s[m]) || isDigit(s[m])) { m += 1 }
                    guard allCaps(s, k + 1, m) else { break }
                    k = m
                    j = m
                }
                emit(j == run ? classify(s, i, j, caps: caps, joiners: 0, digits: digitCount) : classify(s, i, j), i, j)
                i = j
                continue
            }
            if nextAt < n && nextAt - i <= 64, let end = email(s, i) { emit(.email, i, end); i = end; continue }
            if let end = phone(s, i) { emit(.phone, i, end); i = end; continue }
            if isDigit(c) {
                if let end = code(s, i) { emit(.code, i, end); i = end; continue }
                if let end = date(s, i) { emit(.date, i, end); i = end; continue }
                let end = number(s, i)
                // A percent sign after the number (spaces allowed): "8,52%", "14, 78 %".
                var j = end
                while j < n && s[j] == " " { j += 1 }
                if j < n && s[j] == "%" { emit(.percent, i, j + 1); i = j + 1; continue }
                emit(.number, i, end)
                i = end
                continue
            }
            if isMark(c) { i += 1; continue }
            let kind: Token.Kind = isPunctuation(c) ? .punctuation : .symbol
            // "./." closes official texts: one token.
            if c == ".", i + 2 < n, s[i + 1] == "/", s[i + 2] == "." { emit(.punctuation, i, i + 3); i += 3; continue }
            emit(kind, i, i + 1)
            i += 1
        }
        return out
    }

    // MARK: classes

    /// The text of scalars a..<b, encoded straight into a new String's UTF-8 storage.
    public static func string(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> String {
        s.withUnsafeBufferPointer { string($0, a, b) }
    }

    @inline(__always)
    public static func string(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        // The exact length first: at most 15 bytes makes a small (inline) string, no allocation.
        var length = 0
        for k in a..<b {
            let v = s[k].value
            length += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var n = 0
            for k in a..<b {
                let v = s[k].value
                if v < 0x80 {
                    buffer[n] = UInt8(v); n += 1
                } else if v < 0x800 {
                    buffer[n] = UInt8(0xC0 | (v >> 6)); buffer[n + 1] = UInt8(0x80 | (v & 0x3F)); n += 2
                } else if v < 0x10000 {
                    buffer[n] = UInt8(0xE0 | (v >> 12)); buffer[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[n + 2] = UInt8(0x80 | (v & 0x3F)); n += 3
                } else {
                    buffer[n] = UInt8(0xF0 | (v >> 18)); buffer[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    buffer[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); buffer[n + 3] = UInt8(0x80 | (v & 0x3F)); n += 4
                }
            }
            return n
        }
    }

    /// White space (Unicode White_Space), decided without a property lookup.
    @inlinable @inline(__always) public static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v < 0x1680 { return v == 0x85 || v == 0xA0 }
        switch v {
        case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    @usableFromInline @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    @inlinable @inline(__always) public static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        // Latin-1 letters, Latin Extended-A/B and Vietnamese (Latin Extended Additional) without
        // a property lookup.
        if v >= 0xC0 && v < 0x250 { return v != 0xD7 && v != 0xF7 }
        if v >= 0x1E00 && v < 0x1F00 { return true }
        return c.properties.isAlphabetic && !isMark(c)
    }
    static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            switch c.value {
            case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: return true
            default: return false
            }
        }
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
    /// Lower case of one scalar, without a table lookup for ASCII and Vietnamese letters.
    @inlinable @inline(__always) public static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let v = c.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v | 0x20)) : c }
        if v >= 0xC0 && v <= 0xDE && v != 0xD7 { return Unicode.Scalar(v + 0x20)! }
        if v == 0x102 || v == 0x110 || v == 0x128 || v == 0x168 || v == 0x1A0 || v == 0x1AF { return Unicode.Scalar(v + 1)! }
        if v >= 0x1EA0 && v <= 0x1EF8 { return v & 1 == 0 ? Unicode.Scalar(v + 1)! : c }
        if v < 0x250 && !(0x100...0x17F).contains(v) && !(0x180...0x24F).contains(v) { return c }
        let l = c.properties.lowercaseMapping.unicodeScalars
        return l.count == 1 ? l.first! : c
    }

    @usableFromInline @inline(__always) static func isMark(_ c: Unicode.Scalar) -> Bool { c.value >= 0x300 && c.value <= 0x36F }
    @inlinable @inline(__always) public static func isUpper(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0xC0 && v <= 0xDE { return v != 0xD7 }
        if v >= 0xDF && v <= 0xFF { return false }
        if v >= 0x100 && v < 0x180 { return v & 1 == 0 }  // Ă ă, Đ đ, Ĩ ĩ, Ũ ũ, …
        if v == 0x1A0 || v == 0x1AF { return true }       // Ơ, Ư
        if v == 0x1A1 || v == 0x1B0 { return false }      // ơ, ư
        if v >= 0x1EA0 && v <= 0x1EF9 { return v & 1 == 0 }  // Ạ ạ … Ỹ ỹ
        return c.properties.isUppercase
    }

    static func allCaps(_ s: Scalars, _ a: Int, _ b: Int) -> Bool {
        var letters = 0
        for k in a..<b where isLetter(s[k]) {
            if !isUpper(s[k]) { return false }
            letters += 1
        }
        return letters > 0
    }

    /// A run of letters: roman numeral, abbreviation (capitals that are not a syllable, or
    /// mixed like "TTg", "ThS"), or word.
    static func classify(_ s: Scalars, _ a: Int, _ b: Int) -> Token.Kind {
        var caps = 0, joiners = 0, digits = 0
        for k in a..<b {
            let c = s[k]
            if isUpper(c) { caps += 1 } else if c == "-" || c == "&" || c == "." { joiners += 1 } else if isDigit(c) { digits += 1 }
        }
        return classify(s, a, b, caps: caps, joiners: joiners, digits: digits)
    }

    @inline(__always)
    static func classify(_ s: Scalars, _ a: Int, _ b: Int, caps: Int, joiners: Int, digits: Int) -> Token.Kind {
        // Most tokens: a lower-case syllable, or a capitalized one.
        if caps == 0 && digits == 0 { return .word }
        if caps == 1 && isUpper(s[a]) && digits == 0 && joiners == 0 { return .word }
        if b - a >= 2 && b - a <= 7 && (a..<b).allSatisfy({ romanDigits.contains(s[$0].value) }) && isRoman(string(s, a, b)) {
            return .roman
        }
        if joiners > 0 && caps >= 2 { return .abbreviation }
        if caps >= 2 {
            // All capitals: a word written in capitals ("HỘI NGHỊ") or an abbreviation ("UBND").
            if caps == b - a && VietnameseSyllable.isPlausible(buffer: s, a, b) { return .word }
            return .abbreviation
        }
        if caps == 1 && b - a >= 2 && (a + 1..<b).contains(where: { isUpper(s[$0]) }) { return .abbreviation }  // "TTg", "kWh"
        if digits > 0 { return .abbreviation }  // "A5", "Covid19"
        return .word
    }

    static let romanDigits: Set<UInt32> = Set("IVXLC".unicodeScalars.map(\.value))

    static func isRoman(_ t: String) -> Bool {
        guard t.count >= 2, t.count <= 7, t.allSatisfy({ "IVXLC".contains($0) }) else { return false }
        // Well-formed: C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})
        var rest = Substring(t)
        func take(_ options: [String]) { for o in options where rest.hasPrefix(o) { rest = rest.dropFirst(o.count); return } }
        take(["CCC", "CC", "C"])
        take(["XC", "XL", "LXXX", "LXX", "LX", "L", "XXX", "XX", "X"])
        take(["IX", "IV", "VIII", "VII", "VI", "V", "III", "II", "I"])
        return rest.isEmpty
    }

    // MARK: shapes (each returns the end of the match, or nil)

    static func digits(_ s: Scalars, _ i: Int) -> Int {
        var j = i
        while j < s.count && isDigit(s[j]) { j += 1 }
        return j
    }

    /// "3.304", "1.543,2", "08", "14, 78" (a space after the comma only before "%").
    static func number(_ s: Scalars, _ i: Int) -> Int {
        let n = s.count
        var j = digits(s, i)
        // thousands groups
        while j < n, s[j] == "." {
            let g = digits(s, j + 1)
            guard g - (j + 1) == 3 else { break }
            j = g
        }
        if j + 1 < n, s[j] == ",", isDigit(s[j + 1]) { return digits(s, j + 1) }
        // "14, 78 %"
        if j + 2 < n, s[j] == ",", s[j + 1] == " ", isDigit(s[j + 2]) {
            let e = digits(s, j + 2)
            var k = e
            while k < n && s[k] == " " { k += 1 }
            if k < n && s[k] == "%" && e - (j + 2) <= 2 { return e }
        }
        return j
    }

    /// "17/01/2017", "18.07.2018", "21-3-2019", "6/2019" (month/year), "11/6" is not (a ratio?).
    static func date(_ s: Scalars, _ i: Int) -> Int? {
        let n = s.count
        let a = digits(s, i)
        guard a - i <= 2, a < n, s[a] == "/" || s[a] == "." || s[a] == "-" else { return nil }
        let sep = s[a]
        let b = digits(s, a + 1)
        guard b - (a + 1) >= 1, b - (a + 1) <= 4 else { return nil }
        if b - (a + 1) == 4, sep == "/" {  // month/year
            guard let m = Int(String(String.UnicodeScalarView(s[i..<a]))), (1...12).contains(m), !followedByDigit(s, b) else { return nil }
            return b
        }
        guard b - (a + 1) <= 2, b < n, s[b] == sep else { return nil }
        let c = digits(s, b + 1)
        guard c - (b + 1) == 4, !followedByDigit(s, c) else { return nil }
        guard let d = Int(String(String.UnicodeScalarView(s[i..<a]))), let m = Int(String(String.UnicodeScalarView(s[(a + 1)..<b]))),
              (1...31).contains(d), (1...12).contains(m) else { return nil }
        return c
    }

    static func followedByDigit(_ s: Scalars, _ i: Int) -> Bool {
        i < s.count && (isDigit(s[i]) || (i + 1 < s.count && (s[i] == "/" || s[i] == ".") && isDigit(s[i + 1])))
    }

    /// Document numbers: digits, then "/" or "-" parts with at least one capital letter:
    /// "32/QĐ-UBND", "19-CT/TU", "91/2017/NĐ-CP", "05/GP-TTĐT", "136/KH-UBND".
    static func code(_ s: Scalars, _ i: Int) -> Int? {
        let n = s.count
        var j = digits(s, i)
        var capitals = false
        var parts = 0
        while j + 1 < n, s[j] == "/" || s[j] == "-" {
            var k = j + 1
            var letters = false
            while k < n && (isLetter(s[k]) || isMark(s[k]) || isDigit(s[k]) || s[k] == "&") {
                if isLetter(s[k]) {
                    letters = true
                    if isUpper(s[k]) { capitals = true }
                }
                k += 1
            }
            guard k > j + 1 else { break }
            if !letters && !capitals && parts == 0 && k - (j + 1) != 4 { return nil }  // "11/6": not a code
            parts += 1
            j = k
        }
        return capitals && parts >= 1 ? j : nil
    }

    static let domains: [String] = [".gov.vn", ".org.vn", ".com.vn", ".edu.vn", ".net.vn", ".vn", ".com", ".net", ".org"]

    static func url(_ s: Scalars, _ i: Int) -> Int? {
        // A bare host name: "baocaobang.vn", "sonoivu.angiang.gov.vn/tin-tuc".
        if s[i].isASCII && isLetter(s[i]) && (i == 0 || !(isLetter(s[i - 1]) || isDigit(s[i - 1]) || s[i - 1] == "@" || s[i - 1] == ".")) {
            var j = i
            var dotBeforeLetter = false
            while j < s.count && s[j].isASCII && (isLetter(s[j]) || isDigit(s[j]) || s[j] == "-" || s[j] == ".") {
                if s[j] == ".", j + 1 < s.count, s[j + 1].isASCII, isLetter(s[j + 1]) { dotBeforeLetter = true }
                j += 1
            }
            while j > i && s[j - 1] == "." { j -= 1 }
            if j < s.count && s[j] == "@" { return nil }
            if dotBeforeLetter, let end = hostName(s, i, j) { return end }
        }
        // "http://…", "https://…", "www.…"
        guard s[i] == "h" || s[i] == "H" || s[i] == "w" || s[i] == "W" else { return nil }
        for p in urlPrefixes where hasPrefixIgnoringASCIICase(s, i, p) {
            var j = i
            while j < s.count && !isSpace(s[j]) && s[j] != "\"" && s[j] != "<" && s[j] != ">" { j += 1 }
            while j > i && ".,;:)!?".unicodeScalars.contains(s[j - 1]) { j -= 1 }
            return j
        }
        return nil
    }

    static let urlPrefixes: [[UInt8]] = ["http://", "https://", "www."].map { Array($0.utf8) }

    /// Whether s[i...] starts with the lower-case ASCII `prefix`, in any case.
    @inline(__always) static func hasPrefixIgnoringASCIICase(_ s: Scalars, _ i: Int, _ prefix: [UInt8]) -> Bool {
        guard i + prefix.count <= s.count else { return false }
        for k in 0..<prefix.count {
            let v = s[i + k].value
            guard v < 0x80, UInt8(v >= 0x41 && v <= 0x5A ? v | 0x20 : v) == prefix[k] else { return false }
        }
        return true
    }

    /// A host name s[i..<j] with a known top-level domain, and the path after it.
    static func hostName(_ s: Scalars, _ i: Int, _ j: Int) -> Int? {
        let host = string(s, i, j).lowercased()
        guard domains.contains(where: { host.hasSuffix($0) }) else { return nil }
        var j = j
        while j + 1 < s.count && s[j] == "/" && !isSpace(s[j + 1]) {
            j += 1
            while j < s.count && !isSpace(s[j]) && s[j] != "/" && s[j] != ")" && s[j] != "\"" { j += 1 }
        }
        while j > i && ".,;:)!?".unicodeScalars.contains(s[j - 1]) { j -= 1 }
        return j
    }

    static func email(_ s: Scalars, _ i: Int) -> Int? {
        func local(_ c: Unicode.Scalar) -> Bool { c.isASCII && (isLetter(c) || isDigit(c) || c == "." || c == "_" || c == "-" || c == "+") }
        guard local(s[i]), i == 0 || !local(s[i - 1]) else { return nil }
        var j = i
        while j < s.count && local(s[j]) { j += 1 }
        guard j < s.count, s[j] == "@", j > i else { return nil }
        var k = j + 1
        var dots = 0
        while k < s.count && s[k].isASCII && (isLetter(s[k]) || isDigit(s[k]) || s[k] == "-" || (s[k] == "." && k + 1 < s.count && isLetter(s[k + 1]))) {
            if s[k] == "." { dots += 1 }
            k += 1
        }
        return dots >= 1 ? k : nil
    }

    /// Vietnamese phone numbers: "0983.570.009", "02963.957.006", "(0269)3834792", "(0269) 3834812",
    /// "0297 3862 555": a leading 0 (or a parenthesized area code), 9 to 11 digits in all.
    static func phone(_ s: Scalars, _ i: Int) -> Int? {
        let n = s.count
        var j = i
        var count = 0
        if s[i] == "(" {
            let e = digits(s, i + 1)
            guard e - (i + 1) >= 3, e - (i + 1) <= 5, s[i + 1] == "0", e < n, s[e] == ")" else { return nil }
            count = e - (i + 1)
            j = e + 1
            while j < n && s[j] == " " { j += 1 }
        } else {
            guard s[i] == "0", i == 0 || !isDigit(s[i - 1]) else { return nil }
        }
        var last = j
        while j < n {
            let e = digits(s, j)
            if e == j { break }
            count += e - j
            last = e
            j = e
            if j + 1 < n && (s[j] == "." || s[j] == " " || s[j] == "-") && isDigit(s[j + 1]) && count < 11 { j += 1 } else { break }
        }
        guard count >= 9 && count <= 11 else { return nil }
        // A plain number such as 0,5 or a date is not a phone: phones have no comma and 9+ digits.
        return last
    }
}

/// Whether a lower-case word is a well-formed Vietnamese syllable: an initial consonant, a legal
/// vowel nucleus (with its glides), a legal final, and at most one tone mark. Tells "HỘI" (a
/// word in capitals) from "UBND", and Vietnamese read in the right encoding from the same
/// bytes read in the wrong one ("quyết" from "quyeỏt").
public enum VietnameseSyllable {
    static let initials: [String] = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h",
                                     "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""]
    static let finals: [String] = ["ng", "nh", "ch", "c", "m", "n", "p", "t", ""]
    static let nuclei: Set<String> = {
        let list = """
            a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê             iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu uơi
            """
        return Set(list.split(separator: " ").map { UnicodeNormalization.nfc(String($0)) })
    }()
    static let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

    /// Each precomposed letter U+00C0–U+1EFF lower-cased and without its tone (â ă ê ô ơ ư and đ
    /// keep their shape); bit 31 set when it carried a tone. 0 for scalars that are not letters.
    static let toneless: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0x1F00 - 0xC0)
        for v in UInt32(0xC0)..<0x1F00 {
            guard let c = Unicode.Scalar(v), Tokenizer.isLetter(c) else { continue }
            let lower = Tokenizer.lower(c)
            var base = String.UnicodeScalarView()
            var tone: UInt32 = 0
            for d in UnicodeNormalization.nfd(String(lower)).unicodeScalars {
                if tones.contains(d.value) { tone = 1 << 31 } else { base.append(d) }
            }
            let composed = UnicodeNormalization.nfc(String(base)).unicodeScalars
            guard composed.count == 1 else { continue }
            table[Int(v - 0xC0)] = composed.first!.value | tone
        }
        return table
    }()

    /// A sequence of up to three scalars as one number, for set lookups without allocating.
    @inline(__always) static func key<C: Sequence>(_ scalars: C) -> UInt64 where C.Element == UInt32 {
        scalars.reduce(UInt64(0)) { $0 << 21 | UInt64($1) }
    }
    static func keys(_ list: [String]) -> [(length: Int, key: UInt64)] {
        list.map { w in
            let v = UnicodeNormalization.nfc(w).unicodeScalars.map(\.value)
            return (v.count, key(v))
        }
    }
    static let initialKeys = keys(initials)
    static let finalKeys = keys(finals)
    static let nucleusKeys: Set<UInt64> = Set(nuclei.map { key($0.unicodeScalars.map(\.value)) })

    /// `isPlausible` for the scalars s[a..<b] in any case, without building strings.
    public static func isPlausible(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        s.withUnsafeBufferPointer { isPlausible(buffer: $0, a, b) }
    }

    static func isPlausible(buffer s: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int, _ b: Int) -> Bool {
        guard b > a, b - a <= 8 else { return false }
        var bare: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var toneCount = 0
        return withUnsafeMutableBytes(of: &bare) { raw -> Bool in
            let buffer = raw.bindMemory(to: UInt32.self)
            for k in a..<b {
                let v = s[k].value
                var base: UInt32
                if v < 0x80 {
                    guard (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A else { return false }
                    base = v | 0x20
                } else if v >= 0xC0 && v < 0x1F00 {
                    base = toneless[Int(v - 0xC0)]
                    guard base != 0 else {
                        // A combining mark or other rare scalar: the general path decides.
                        return isPlausible(Tokenizer.string(s, a, b).lowercased())
                    }
                    if base & (1 << 31) != 0 { toneCount += 1; base &= ~(1 << 31) }
                } else {
                    return isPlausible(Tokenizer.string(s, a, b).lowercased())
                }
                guard count < 7 else { return false }
                buffer[count] = base
                count += 1
            }
            guard toneCount <= 1 else { return false }
            let word = UnsafeBufferPointer(rebasing: buffer[0..<count])
            for initial in initialKeys where initial.length < count && key(word[0..<initial.length]) == initial.key {
                for final in finalKeys where count - initial.length > final.length
                    && key(word[(count - final.length)...]) == final.key {
                    let nucleus = word[initial.length..<(count - final.length)]
                    if nucleus.count <= 3 && nucleusKeys.contains(key(nucleus)) { return true }
                }
            }
            return false
        }
    }

    public static func isPlausible(_ lower: String) -> Bool {
        // Strip the tone (at most one), keep the vowel shapes (â ă ê ô ơ ư) and đ.
        var scalars = String.UnicodeScalarView()
        var toneCount = 0
        for s in UnicodeNormalization.nfd(lower).unicodeScalars {
            if tones.contains(s.value) { toneCount += 1 } else { scalars.append(s) }
        }
        guard toneCount <= 1 else { return false }
        let bare = UnicodeNormalization.nfc(String(scalars))
        guard bare.count <= 7, bare.allSatisfy({ $0.isLetter }) else { return false }
        for initial in initials where bare.hasPrefix(initial) {
            let rest = bare.dropFirst(initial.count)
            for final in finals where rest.hasSuffix(final) && rest.count > final.count {
                let nucleus = String(rest.dropLast(final.count))
                if nuclei.contains(nucleus) { return true }
                // "gi" + "a" is read as initial g + nucleus "ia" too.
            }
        }
        return false
    }
}
