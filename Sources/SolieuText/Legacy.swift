/// Vietnamese text in the legacy encodings older government pages and documents still carry,
/// and text that was mis-decoded on the way:
/// - TCVN3 (ABC, TCVN 5712:1993 VN3): one byte per letter, the lower-case letters with
///   diacritics in 0xA1–0xFE (the ".VnTime" fonts; capitals use ".VnTimeH" fonts with the same
///   codes, so they decode as lower case).
/// - VNI (VNI Windows): a base letter followed by a mark byte, both read as windows-1252
///   characters ("Vieät Nam" for "Việt Nam").
/// - UTF-8 read as windows-1252 ("Thá»±c" for "Thực").
/// Tables written from the published code charts; detection compares how Vietnamese each
/// reading is (`score`), and a repair is made only when one reading is clearly better.
public enum LegacyVietnamese {
    public enum Encoding: String, Sendable {
        case tcvn3 = "TCVN3"
        case vni = "VNI"
        case mojibake = "UTF-8 read as windows-1252"
    }

    // MARK: TCVN3

    /// TCVN3 bytes 0xA1–0xFE → letters (byte: letter).
    static let tcvn3: [UInt8: String] = {
        let chart = """
            a1 Ă a2 Â a3 Ê a4 Ô a5 Ơ a6 Ư a7 Đ a8 ă a9 â aa ê ab ô ac ơ ad ư ae đ \
            b5 à b6 ả b7 ã b8 á b9 ạ bb ằ bc ẳ bd ẵ be ắ c6 ặ c7 ầ c8 ẩ c9 ẫ ca ấ cb ậ \
            cc è ce ẻ cf ẽ d0 é d1 ẹ d2 ề d3 ể d4 ễ d5 ế d6 ệ d7 ì d8 ỉ dc ĩ dd í de ị \
            df ò e1 ỏ e2 õ e3 ó e4 ọ e5 ồ e6 ổ e7 ỗ e8 ố e9 ộ ea ờ eb ở ec ỡ ed ớ ee ợ \
            ef ù f1 ủ f2 ũ f3 ú f4 ụ f5 ừ f6 ử f7 ữ f8 ứ f9 ự fa ỳ fb ỷ fc ỹ fd ý fe ỵ
            """
        let parts = chart.split(separator: " ")
        var table: [UInt8: String] = [:]
        var i = 0
        while i + 1 < parts.count {
            if let b = UInt8(parts[i], radix: 16) { table[b] = UnicodeNormalization.nfc(String(parts[i + 1])) }
            i += 2
        }
        return table
    }()

    /// TCVN3 bytes → text (ASCII as is; bytes outside the chart as in windows-1252).
    public static func fromTCVN3(_ bytes: [UInt8]) -> String {
        var out = ""
        out.reserveCapacity(bytes.count)
        for b in bytes {
            if b < 0x80 { out.unicodeScalars.append(Unicode.Scalar(b)) } else if let s = tcvn3[b] { out += s } else { out.unicodeScalars.append(cp1252Scalar(b)) }
        }
        return out
    }

    // MARK: VNI

    static let combining: [Character: Unicode.Scalar] = [
        "ù": "\u{301}", "ø": "\u{300}", "û": "\u{309}", "õ": "\u{303}", "ï": "\u{323}",
        "Ù": "\u{301}", "Ø": "\u{300}", "Û": "\u{309}", "Õ": "\u{303}", "Ï": "\u{323}",
    ]
    /// After a, e, o: circumflex with a tone ("â" alone is the circumflex).
    static let circumflex: [Character: Unicode.Scalar?] = [
        "â": nil, "á": "\u{301}", "à": "\u{300}", "å": "\u{309}", "ã": "\u{303}", "ä": "\u{323}",
        "Â": nil, "Á": "\u{301}", "À": "\u{300}", "Å": "\u{309}", "Ã": "\u{303}", "Ä": "\u{323}",
    ]
    /// After a: breve with a tone ("ê" alone is the breve).
    static let breve: [Character: Unicode.Scalar?] = [
        "ê": nil, "é": "\u{301}", "è": "\u{300}", "ú": "\u{309}", "ü": "\u{303}", "ë": "\u{323}",
        "Ê": nil, "É": "\u{301}", "È": "\u{300}", "Ú": "\u{309}", "Ü": "\u{303}", "Ë": "\u{323}",
    ]
    /// Letters VNI writes with one byte.
    static let single: [Character: String] = [
        "ô": "ơ", "ö": "ư", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ",
        "Ô": "Ơ", "Ö": "Ư", "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ", "Ñ": "Đ",
    ]

    /// VNI text (its bytes read as windows-1252) → Unicode.
    public static func fromVNI(_ text: String) -> String {
        var out: [Character] = []
        out.reserveCapacity(text.count)
        for c in text {
            if let prev = out.last {
                let base = prev.lowercased()
                if let tone = combining[c], "aeiouyơưâêôă".contains(base) || isVowelWithMark(prev) {
                    out[out.count - 1] = compose(prev, [tone])
                    continue
                }
                if let mark = circumflex[c], "aeo".contains(base) {
                    out[out.count - 1] = compose(prev, ["\u{302}"] + (mark.map { [$0] } ?? []))
                    continue
                }
                if let mark = breve[c], base == "a" {
                    out[out.count - 1] = compose(prev, ["\u{306}"] + (mark.map { [$0] } ?? []))
                    continue
                }
            }
            if let s = single[c] { out.append(Character(s)) } else { out.append(c) }
        }
        return UnicodeNormalization.nfc(String(out))
    }

    static func isVowelWithMark(_ c: Character) -> Bool {
        let first = UnicodeNormalization.nfd(String(c)).unicodeScalars.first.map { Character($0).lowercased() } ?? ""
        return "aeiouy".contains(first) && c.unicodeScalars.first.map { !$0.isASCII } == true
    }

    static func compose(_ base: Character, _ marks: [Unicode.Scalar]) -> Character {
        var s = String(base).unicodeScalars.map { $0 }
        s.append(contentsOf: marks)
        return Character(UnicodeNormalization.nfc(String(String.UnicodeScalarView(s))))
    }

    // MARK: windows-1252

    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func cp1252Scalar(_ b: UInt8) -> Unicode.Scalar {
        if b >= 0x80 && b < 0xA0 { return Unicode.Scalar(cp1252High[Int(b - 0x80)]) ?? "\u{FFFD}" }
        return Unicode.Scalar(b)
    }

    static let cp1252Reverse: [UInt32: UInt8] = {
        var t: [UInt32: UInt8] = [:]
        for (i, v) in cp1252High.enumerated() { t[v] = UInt8(0x80 + i) }
        return t
    }()

    public static func cp1252(_ bytes: [UInt8]) -> String {
        var s = String.UnicodeScalarView()
        for b in bytes { s.append(cp1252Scalar(b)) }
        return String(s)
    }

    /// The bytes a text had if it was read as windows-1252 (nil when it cannot have been).
    static func cp1252Bytes(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            if s.value < 0x80 || (s.value >= 0xA0 && s.value <= 0xFF) { out.append(UInt8(s.value)) } else if let b = cp1252Reverse[s.value] { out.append(b) } else { return nil }
        }
        return out
    }

    // MARK: detection

    static let vietnameseLetters: Set<Unicode.Scalar> = {
        let lower = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵfjwz"
        var set = Set<Unicode.Scalar>()
        for c in UnicodeNormalization.nfc(lower) + UnicodeNormalization.nfc(lower).uppercased() { for s in c.unicodeScalars { set.insert(s) } }
        return set
    }()

    /// How Vietnamese a text reads: of its words that have a letter beyond ASCII, the share made
    /// only of Vietnamese letters and shaped like a syllable. 0…1.
    public static func score(_ text: String) -> Double {
        var good = 0, total = 0
        var word = String.UnicodeScalarView()
        var nonASCII = false
        var allVietnamese = true
        func flush() {
            if nonASCII {
                total += 1
                if allVietnamese && VietnameseSyllable.isPlausible(String(word).lowercased()) { good += 1 }
            }
            word = String.UnicodeScalarView()
            nonASCII = false
            allVietnamese = true
        }
        for s in text.unicodeScalars {
            if s.properties.isAlphabetic || (s.value >= 0xA0 && s.value <= 0xFF && s.value != 0xD7 && s.value != 0xF7) {
                word.append(s)
                if !s.isASCII { nonASCII = true }
                if !vietnameseLetters.contains(s) { allVietnamese = false }
            } else {
                flush()
            }
        }
        flush()
        return total == 0 ? 0 : Double(good) / Double(total)
    }

    /// Letters only Vietnamese Unicode text has (ơ, ư, đ, ă and the U+1EA0… block).
    static func hasVietnameseUnicode(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x102...0x1B0).contains($0.value) || (0x1EA0...0x1EF9).contains($0.value) }
    }

    /// Bytes that are not UTF-8: the reading (TCVN3 or VNI) that is clearly Vietnamese, or nil
    /// (then windows-1258 or U+FFFD replacement is the caller's choice).
    public static func decode(_ bytes: [UInt8], against baseline: String) -> (text: String, encoding: Encoding)? {
        let base = score(baseline)
        let candidates: [(String, Encoding)] = [(fromTCVN3(bytes), .tcvn3), (fromVNI(cp1252(bytes)), .vni)]
        let best = candidates.map { ($0.0, $0.1, score($0.0)) }.max { $0.2 < $1.2 }
        guard let best, best.2 >= 0.8, best.2 > base + 0.2 else { return nil }
        return (UnicodeNormalization.nfc(best.0), best.1)
    }

    /// Text already decoded that is clearly mis-decoded: UTF-8 read as windows-1252, or TCVN3 /
    /// VNI read as windows-1252. Returns the repaired text, or nil when it reads fine or no
    /// repair is clearly right.
    public static func repair(_ text: String) -> (text: String, encoding: Encoding)? {
        // Fast exit: plain ASCII, or text with no Latin-1 letters at all.
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.value <= 0x2122 }) else { return nil }
        guard let bytes = cp1252Bytes(text) else { return nil }
        let base = score(text)
        if base >= 0.97 && hasVietnameseUnicode(text) { return nil }
        var candidates: [(String, Encoding)] = []
        if Self.isValidUTF8(bytes) { candidates.append((String(decoding: bytes, as: UTF8.self), .mojibake)) }
        if !hasVietnameseUnicode(text) {
            candidates.append((fromTCVN3(bytes), .tcvn3))
            candidates.append((fromVNI(text), .vni))
        }
        let best = candidates.map { ($0.0, $0.1, score($0.0)) }.max { $0.2 < $1.2 }
        guard let best, best.2 >= 0.8, best.2 > base + 0.2 else { return nil }
        return (UnicodeNormalization.nfc(best.0), best.1)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var multibyte = false
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): if !s.isASCII { multibyte = true }
            case .emptyInput: return multibyte
            case .error: return false
            }
        }
    }
}
