import CSolieuShim

/// Unicode normalization through ICU (via CSolieuShim).
public enum UnicodeNormalization {
    /// The NFC form of `text`. Text already in NFC is returned unchanged without copying.
    public static func nfc(_ text: String) -> String { normalize(text, form: 0) }

    /// The NFD form of `text`.
    public static func nfd(_ text: String) -> String { normalize(text, form: 1) }

    private static func normalize(_ text: String, form: Int32) -> String {
        // ASCII is in every normalization form.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
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
