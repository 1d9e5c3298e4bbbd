import CSolieuShim

/// Unicode normalization through ICU (via CSolieuShim).
public enum UnicodeNormalization {
    /// The NFC form of `text`. Text already in NFC is returned unchanged without copying.
    public static func nfc(_ text: String) -> String { normalize(text, form: 0) }

    /// The NFD form of `text`.
    public static func nfd(_ text: String) -> String { normalize(text, form: 1) }

    /// Whether a scalar is certainly NFC in any context without asking ICU: ASCII, Latin letters
    /// (U+0080–U+02FF), the precomposed Vietnamese block (U+1E00–U+1EFF), common punctuation
    /// (U+2010–U+207F) and a BOM. Anything else (combining marks included) goes to ICU.
    @inline(__always) static func isCertainlyNFC(_ v: UInt32) -> Bool {
        v < 0x300 || (v >= 0x1E00 && v <= 0x1EFF) || (v >= 0x2010 && v <= 0x207F) || v == 0xFEFF
    }

    /// True when the UTF-8 bytes certainly are NFC (valid, and every scalar passes `isCertainlyNFC`).
    static func isCertainlyNFC(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        forEachNonASCIIScalar(utf8) { isCertainlyNFC($0) }
    }

    /// Calls `body` with every scalar of `utf8` above U+007F, in order, skipping ASCII eight bytes
    /// at a time (most of a page is ASCII), until it returns false. Returns false when `body` did
    /// or when the bytes are not valid UTF-8 (overlong forms, surrogates, values past U+10FFFF,
    /// cut sequences); true otherwise.
    @inline(__always)
    static func forEachNonASCIIScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Bool) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let end = bytes.count
        var i = 0
        while i < end {
            if i + 8 <= end, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = base[i]
            if b < 0x80 { i += 1; continue }
            let v: UInt32
            // Two- and three-byte forms (all of Vietnamese) decoded straight; four-byte ones checked in full.
            if b & 0xE0 == 0xC0 {
                guard i + 1 < end, base[i + 1] & 0xC0 == 0x80, b >= 0xC2 else { return false }
                v = UInt32(b & 0x1F) << 6 | UInt32(base[i + 1] & 0x3F)
                i += 2
            } else if b & 0xF0 == 0xE0 {
                guard i + 2 < end, base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80 else { return false }
                v = UInt32(b & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
                guard v >= 0x800, v < 0xD800 || v > 0xDFFF else { return false }
                i += 3
            } else if b & 0xF8 == 0xF0 {
                guard i + 3 < end, base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80, base[i + 3] & 0xC0 == 0x80 else { return false }
                v = UInt32(b & 0x07) << 18 | UInt32(base[i + 1] & 0x3F) << 12 | UInt32(base[i + 2] & 0x3F) << 6 | UInt32(base[i + 3] & 0x3F)
                guard v >= 0x10000, v <= 0x10FFFF else { return false }
                i += 4
            } else {
                return false
            }
            if !body(v) { return false }
        }
        return true
    }

    /// The Unicode scalars of the NFC form of `text`, decoded in one pass over its UTF-8; ICU is
    /// asked only when a scalar outside the certainly-NFC ranges of `isCertainlyNFC` turns up.
    public static func nfcScalars(_ text: String) -> [Unicode.Scalar] {
        var copy = text
        let direct: [Unicode.Scalar]? = copy.withUTF8 { decodeIfCertainlyNFC($0) }
        return direct ?? scalars(nfc(text))
    }

    /// The Unicode scalars of `text` as it is (no normalization), decoded straight from its UTF-8.
    public static func scalars(_ text: String) -> [Unicode.Scalar] {
        var copy = text
        return copy.withUTF8 { utf8 in
            [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { out, count in
                count = decode(utf8, into: out, stopOutsideNFC: false)
            }
        }
    }

    private static func decodeIfCertainlyNFC(_ utf8: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar]? {
        var complete = true
        let result = [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { out, count in
            count = decode(utf8, into: out, stopOutsideNFC: true)
            if count < 0 { complete = false; count = 0 }
        }
        return complete ? result : nil
    }

    /// Decodes valid UTF-8 (a Swift string's storage) into `out`, which holds at least as many
    /// scalars as there are bytes. Returns the number of scalars, or -1 when `stopOutsideNFC`
    /// and a scalar outside the ranges known to be NFC was met.
    @inline(__always)
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<Unicode.Scalar>,
                               stopOutsideNFC: Bool) -> Int {
        var i = 0, n = 0
        let end = utf8.count
        let base = UnsafeRawPointer(utf8.baseAddress)
        while i < end {
            // Eight ASCII bytes at a time: most of a Vietnamese text's bytes are ASCII.
            if i + 8 <= end, let base, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                for k in 0..<8 { out[n + k] = Unicode.Scalar(utf8[i + k]) }
                i += 8
                n += 8
                continue
            }
            let b = utf8[i]
            var v: UInt32
            if b < 0x80 {
                v = UInt32(b); i += 1
            } else if b < 0xE0 {
                v = UInt32(b & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); i += 2
            } else if b < 0xF0 {
                v = UInt32(b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); i += 3
            } else {
                v = UInt32(b & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
                i += 4
            }
            if stopOutsideNFC && b >= 0x80 && !isCertainlyNFC(v) { return -1 }
            out[n] = unsafeBitCast(v, to: Unicode.Scalar.self)  // valid: the bytes are a Swift string's
            n += 1
        }
        return n
    }

    private static func normalize(_ text: String, form: Int32) -> String {
        // ASCII is in every normalization form.
        // Over the contiguous bytes when the string has them (native strings do): the generic
        // UTF8View walk costs several times more.
        if form == 0 {
            var copy = text
            if copy.withUTF8({ isCertainlyNFC($0) }) { return text }
        } else if text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } }) ?? text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text
        }
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

/// One pass over bytes that may be UTF-8: are they valid, certainly NFC, and could
/// `LegacyVietnamese.repair` change them? Lets a reader hand valid NFC UTF-8 on as bytes without
/// making (and validating again) a string of it.
public struct UTF8Scan: Sendable, Equatable {
    /// Valid UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
    public var valid: Bool
    /// Every scalar passes `UnicodeNormalization.isCertainlyNFC` (meaningful when `valid`).
    public var certainlyNFC: Bool
    /// The early exits of `LegacyVietnamese.repair` do not apply: some scalar lies in
    /// U+0080–U+2122 and every non-ASCII scalar has a windows-1252 byte (meaningful when `valid`).
    public var mayNeedRepair: Bool

    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var nfc = true
        var latin = false          // a scalar in U+0080–U+2122
        var cp1252 = true          // every non-ASCII scalar so far has a windows-1252 byte
        valid = UnicodeNormalization.forEachNonASCIIScalar(bytes) { v in
            if nfc && !UnicodeNormalization.isCertainlyNFC(v) { nfc = false }
            if v <= 0x2122 { latin = true }
            if cp1252 && !(v >= 0xA0 && v <= 0xFF) && LegacyVietnamese.cp1252Reverse[v] == nil { cp1252 = false }
            return true
        }
        certainlyNFC = nfc
        mayNeedRepair = latin && cp1252
    }
}
