import CSolieuShim

/// Unicode normalization through ICU (via CSolieuShim).
public enum UnicodeNormalization {
    /// The NFC form of `text`. Text already in NFC is returned unchanged without copying.
    public static func nfc(_ text: String) -> String { normalize(text, form: 0) }

    /// The NFD form of `text`.
    public static func nfd(_ text: String) -> String { normalize(text, form: 1) }

    /// True when the UTF-8 bytes certainly are NFC without asking ICU: only ASCII, Latin letters
    /// (U+0080–U+02FF), the precomposed Vietnamese block (U+1E00–U+1EFF), common punctuation
    /// (U+2010–U+207F) and a BOM. Anything else (combining marks included) goes to ICU.
    public static func isCertainlyNFC<C: Collection>(_ utf8: C) -> Bool where C.Element == UInt8 {
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let b = utf8[i]
            if b < 0x80 { i = utf8.index(after: i); continue }
            if b >= 0xC2 && b <= 0xCB {  // U+0080–U+02FF
                i = utf8.index(i, offsetBy: 2, limitedBy: utf8.endIndex) ?? utf8.endIndex
                continue
            }
            guard b == 0xE1 || b == 0xE2 || b == 0xEF else { return false }
            let j = utf8.index(after: i)
            guard j != utf8.endIndex else { return false }
            let c = utf8[j]
            switch b {
            case 0xE1: if c < 0xB8 || c > 0xBB { return false }                       // U+1E00–U+1EFF
            case 0xE2: if c != 0x80 && c != 0x81 { return false }                     // U+2000–U+207F
                let k = utf8.index(after: j)
                if k != utf8.endIndex, c == 0x80, utf8[k] < 0x90 { return false }   // U+2000–U+200F singletons
            default: if c != 0xBB { return false }                                     // U+FEFF
            }
            i = utf8.index(i, offsetBy: 3, limitedBy: utf8.endIndex) ?? utf8.endIndex
        }
        return true
    }

    private static func normalize(_ text: String, form: Int32) -> String {
        // ASCII is in every normalization form.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        if form == 0, isCertainlyNFC(text.utf8) { return text }
        var copy = text
        return copy.withUTF8 { buffer -> String in
            var out: UnsafeMutablePointer<CChar>? = nil
            var outLength = 0
            let rc = buffer.withMemoryRebound(to: CChar.self) {
                solieu_normalize_utf8(form, $0.baseAddress, $0.count, &out, &outLength)
            }
            guard rc == 1, let out else { return text }
            defer { solieu_free(out) }
            return out.withMemoryRebound(to: UInt8.self, capacity: outLength) {
                String(decoding: UnsafeBufferPointer(start: $0, count: outLength), as: UTF8.self)
            }
        }
    }
}

/// Charset conversion through ICU.
public enum CharsetConversion {
    public struct Result: Sendable {
        public var text: String
        /// Bytes that could not be decoded and became U+FFFD.
        public var substitutions: Int
    }

    /// Whether ICU has a converter for this charset name.
    public static func isKnown(_ charset: String) -> Bool { solieu_charset_known(charset) == 1 }

    /// Decodes `bytes` from `charset` to a Swift string (not yet NFC). Returns nil when the
    /// charset is unknown to ICU.
    public static func decode(_ bytes: [UInt8], charset: String) -> Result? {
        var out: UnsafeMutablePointer<CChar>? = nil
        var outLength = 0
        var subs: Int64 = 0
        let rc = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) {
                solieu_convert_to_utf8(charset, $0.baseAddress, $0.count, &out, &outLength, &subs)
            }
        }
        guard rc == 0, let out else { return nil }
        defer { solieu_free(out) }
        let text = out.withMemoryRebound(to: UInt8.self, capacity: outLength) {
            String(decoding: UnsafeBufferPointer(start: $0, count: outLength), as: UTF8.self)
        }
        return Result(text: text, substitutions: Int(subs))
    }
}
