/// Folding of Vietnamese text into lookup and search keys.
///
/// - ``toneKey(_:)``: lower-case, tone marks moved to one placement ("hòa"/"hoà" → "hoà"),
///   diacritics kept. Use it where the accents matter ("thi đua" vs "thì đưa").
/// - ``searchKey(_:)``: lower-case, every diacritic removed and "đ" → "d", so queries typed
///   without accents still match ("uỷ ban", "ủy ban", "UY BAN" → "uy ban").
///
/// The text shown to users is never folded; only keys are.
public enum VietnameseFold {
    /// The base letter (ASCII, lower-case) of each Latin letter with diacritics, indexed by scalar.
    /// Built once from ICU's NFD of U+00C0...U+024F and U+1E00...U+1EFF.
    private static let baseTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x1F00)
        for v in 0..<0x1F00 {
            guard (0xC0...0x24F).contains(v) || (0x1E00...0x1EFF).contains(v),
                  let scalar = Unicode.Scalar(v) else { continue }
            let decomposed = UnicodeNormalization.nfd(String(Character(scalar)))
            guard let first = decomposed.unicodeScalars.first, first.isASCII,
                  first.properties.isAlphabetic else { continue }
            table[v] = UInt8(ascii: first) | 0x20  // lower-case ASCII
        }
        table[0x0110] = UInt8(ascii: "d")  // Đ has no decomposition
        table[0x0111] = UInt8(ascii: "d")  // đ
        return table
    }()

    /// The search key of one scalar: a Latin letter with diacritics → its lower-case ASCII base
    /// ("Ệ" → "e", "đ" → "d"), ASCII upper → lower; anything else unchanged. One scalar in, one out,
    /// so offsets in a key string equal offsets in the text.
    @inline(__always)
    public static func keyScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = Int(scalar.value)
        if v < 0x80 { return v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v | 0x20)) : scalar }
        if v < 0x1F00, baseTable[v] != 0 { return Unicode.Scalar(baseTable[v]) }
        return scalar
    }

    /// The words of a text as search keys: NFC, `searchKey`, split at anything not a letter or
    /// digit ("Tập thể, cá nhân" → ["tap", "the", "ca", "nhan"]).
    public static func words(_ text: String) -> [String] {
        searchKey(UnicodeNormalization.nfc(text)).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Lower-case, diacritic-free, "đ" → "d". Non-letters pass through unchanged.
    ///
    /// Written straight into the string's UTF-8 storage after a first pass that counts its
    /// length: the key of a huge article costs its own size, not four bytes a scalar.
    public static func searchKey(_ text: String) -> String {
        @inline(__always) func each(_ emit: (UInt8) -> Void) {
            for scalar in text.unicodeScalars {
                let v = Int(scalar.value)
                if v < 0x80 {
                    emit(v >= 0x41 && v <= 0x5A ? UInt8(v | 0x20) : UInt8(v))
                } else if (0x300...0x36F).contains(v) {
                    continue  // combining marks (text that was not NFC)
                } else if v < 0x1F00, baseTable[v] != 0 {
                    emit(baseTable[v])
                } else {
                    for byte in String(scalar).lowercased().utf8 { emit(byte) }
                }
            }
        }
        var length = 0
        each { _ in length += 1 }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var n = 0
            each { byte in buffer[n] = byte; n += 1 }
            return n
        }
    }

    private static let toneMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

    /// Lower-case NFC text with the tone mark of open "oa", "oe" and "uy" syllables on the second
    /// vowel (the placement of the 1993+ rules: "hoà", "khoẻ", "thuỷ"), whichever placement was written.
    public static func toneKey(_ text: String) -> String {
        let decomposed = Array(UnicodeNormalization.nfd(text.lowercased()).unicodeScalars)
        var out = [Unicode.Scalar]()
        out.reserveCapacity(decomposed.count)
        var i = 0
        while i < decomposed.count {
            let s = decomposed[i]
            // first vowel, tone, second vowel, then a word end: move the tone after the second vowel.
            if (s == "o" || s == "u"), i + 2 < decomposed.count,
               toneMarks.contains(decomposed[i + 1].value) {
                let second = decomposed[i + 2]
                let pairOK = (s == "o" && (second == "a" || second == "e")) || (s == "u" && second == "y")
                let end = i + 3 >= decomposed.count || !decomposed[i + 3].properties.isAlphabetic
                let quSyllable = s == "u" && i > 0 && decomposed[i - 1] == "q"
                if pairOK && end && !quSyllable {
                    out.append(s)
                    out.append(second)
                    out.append(decomposed[i + 1])
                    i += 3
                    continue
                }
            }
            out.append(s)
            i += 1
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: out)
        return UnicodeNormalization.nfc(String(view))
    }
}
