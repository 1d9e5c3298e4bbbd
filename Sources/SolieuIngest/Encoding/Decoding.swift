import SolieuText

/// Bytes to NFC text: BOMs, the declared charset (through ICU), a charset that lies, invalid UTF-8.
enum Decoding {
    struct Decoded {
        /// The text as a string, or as bytes already known to be valid NFC UTF-8 that no repair
        /// applies to (most pages: no string of the whole page is made).
        enum Body {
            case text(String)
            case utf8([UInt8])
        }
        var body: Body
        var warnings: [String]

        init(text: String, warnings: [String]) {
            body = .text(text)
            self.warnings = warnings
        }

        init(utf8: [UInt8], warnings: [String]) {
            body = .utf8(utf8)
            self.warnings = warnings
        }

        var text: String {
            switch body {
            case .text(let text): return text
            case .utf8(let bytes): return String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    /// NUL bytes or many control bytes near the start: not a document we can read.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }  // UTF-16 BOM
        return bytes.withUnsafeBufferPointer { all in
            let sample = UnsafeBufferPointer(rebasing: all.prefix(8192))
            guard let base = sample.baseAddress else { return false }
            let raw = UnsafeRawPointer(base)
            var control = 0
            var i = 0
            while i < sample.count {
                // Eight bytes at a time: skip words with no byte below 0x20 (most of any text).
                if i + 8 <= sample.count {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
                }
                let b = base[i]
                if b < 0x20 {
                    if b == 0 { return true }
                    if b < 0x09 || (b > 0x0D && b != 0x1B) { control += 1 }
                }
                i += 1
            }
            return control * 20 > sample.count
        }
    }

    static func decode(_ input: [UInt8], html: Bool) -> Decoded {
        var warnings: [String] = []
        var bytes = input
        // Byte order marks.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            let scan = bytes.withUnsafeBufferPointer(UTF8Scan.init)
            if scan.valid && scan.certainlyNFC && !scan.mayNeedRepair { return Decoded(utf8: bytes, warnings: warnings) }
            return finish(utf8: bytes, warnings: warnings)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let charset = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            if let r = CharsetConversion.decode(Array(bytes.dropFirst(2)), charset: charset) {
                if r.substitutions > 0 { warnings.append("\(r.substitutions) undecodable sequences replaced by U+FFFD") }
                return Decoded(text: UnicodeNormalization.nfc(r.text), warnings: warnings)
            }
        }
        let declared = html ? declaredCharset(bytes) : nil
        if declared == nil || isUTF8Name(declared!) {
            let scan = bytes.withUnsafeBufferPointer(UTF8Scan.init)
            if scan.valid && scan.certainlyNFC && !scan.mayNeedRepair { return Decoded(utf8: bytes, warnings: warnings) }
        }
        // One pass both validates and makes the string when the bytes are UTF-8 (most pages).
        let valid = String(validating: bytes, as: UTF8.self)
        let utf8Errors = valid == nil ? invalidUTF8Count(bytes) : 0
        if let declared, !isUTF8Name(declared) {
            let hasMultibyte = bytes.contains { $0 >= 0x80 }
            if utf8Errors == 0 && hasMultibyte {
                warnings.append("declared charset \(declared) but the bytes are valid UTF-8; read as UTF-8")
                return finish(utf8: bytes, valid: valid, warnings: warnings)
            }
            if CharsetConversion.isKnown(declared), let r = CharsetConversion.decode(bytes, charset: declared) {
                if r.substitutions > 0 { warnings.append("\(r.substitutions) bytes not valid in \(declared) replaced by U+FFFD") }
                return repaired(UnicodeNormalization.nfc(r.text), warnings: warnings)
            }
            warnings.append("unknown charset \(declared); read as UTF-8")
        }
        if utf8Errors > 0 {
            // Mostly-invalid UTF-8 with no usable declaration: the legacy Vietnamese Windows code page.
            let high = bytes.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
            if high > 0 && utf8Errors * 2 > high / 2, declared == nil || isUTF8Name(declared!) {
                let windows1258 = CharsetConversion.decode(bytes, charset: "windows-1258")
                // TCVN3 and VNI are read as well, and the clearly Vietnamese reading wins.
                let baseline = windows1258.map { UnicodeNormalization.nfc($0.text) } ?? LegacyVietnamese.cp1252(bytes)
                if let legacy = LegacyVietnamese.decode(bytes, against: baseline) {
                    warnings.append("not valid UTF-8 (\(utf8Errors) bad sequences); detected \(legacy.encoding.rawValue) and converted")
                    return Decoded(text: legacy.text, warnings: warnings)
                }
                if let r = windows1258, r.substitutions == 0 {
                    warnings.append("not valid UTF-8 (\(utf8Errors) bad sequences); decoded as windows-1258")
                    return Decoded(text: UnicodeNormalization.nfc(r.text), warnings: warnings)
                }
            }
            warnings.append("\(utf8Errors) invalid UTF-8 sequences replaced by U+FFFD")
        }
        return finish(utf8: bytes, valid: valid, warnings: warnings)
    }

    /// `valid`: the bytes already validated as a string, when they were.
    private static func finish(utf8: [UInt8], valid: String? = nil, warnings: [String]) -> Decoded {
        repaired(UnicodeNormalization.nfc(valid ?? String(decoding: utf8, as: UTF8.self)), warnings: warnings)
    }

    /// Text that decoded fine but is clearly mis-decoded underneath (UTF-8 read as
    /// windows-1252 before it reached us, or TCVN3 / VNI shown through windows-1252) is repaired,
    /// and said so.
    private static func repaired(_ text: String, warnings: [String]) -> Decoded {
        guard let fix = LegacyVietnamese.repair(text) else { return Decoded(text: text, warnings: warnings) }
        return Decoded(text: fix.text, warnings: warnings + ["the text was \(fix.encoding.rawValue); repaired"])
    }

    static func isUTF8Name(_ name: String) -> Bool {
        let n = name.lowercased()
        return n == "utf-8" || n == "utf8"
    }

    /// The charset of `<meta charset=…>` or `<meta http-equiv=Content-Type content="…charset=…">`
    /// in the first 8 KB.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { all in
            let head = UnsafeBufferPointer(rebasing: all.prefix(8192))
            @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
            func matches(_ at: Int, _ word: StaticString) -> Bool {
                let n = word.utf8CodeUnitCount
                guard at + n <= head.count else { return false }
                return word.withUTF8Buffer { w in (0..<n).allSatisfy { lower(head[at + $0]) == w[$0] } }
            }
            var i = 0
            while i + 7 <= head.count {
                guard lower(head[i]) == UInt8(ascii: "c"), matches(i, "charset") else { i += 1; continue }
                let at = i
                i += 7
                // Must be inside a <meta …> tag: the last "<" before it opens "<meta".
                var open = at - 1
                while open >= 0, head[open] != UInt8(ascii: "<") { open -= 1 }
                guard open >= 0, matches(open, "<meta"), !head[open..<at].contains(UInt8(ascii: ">")) else { continue }
                var j = i
                while j < head.count, head[j] == 0x20 { j += 1 }
                guard j < head.count, head[j] == UInt8(ascii: "=") else { continue }
                j += 1
                while j < head.count, head[j] == 0x20 || head[j] == 0x22 || head[j] == 0x27 { j += 1 }
                var name: [UInt8] = []
                while j < head.count {
                    let c = lower(head[j])
                    guard c == 0x2D || c == 0x5F || c == 0x3A || c == 0x2E || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) else { break }
                    name.append(c)
                    j += 1
                }
                if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
            }
            return nil
        }
    }

    /// Number of invalid UTF-8 sequences.
    static func invalidUTF8Count(_ bytes: [UInt8]) -> Int { bytes.withUnsafeBufferPointer(invalidUTF8Count) }

    static func invalidUTF8Count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var errors = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var minValue: UInt32 = 0
            var value: UInt32 = 0
            if b & 0xE0 == 0xC0 { need = 1; minValue = 0x80; value = UInt32(b & 0x1F) }
            else if b & 0xF0 == 0xE0 { need = 2; minValue = 0x800; value = UInt32(b & 0x0F) }
            else if b & 0xF8 == 0xF0 { need = 3; minValue = 0x10000; value = UInt32(b & 0x07) }
            else { errors += 1; i += 1; continue }
            if i + need >= n { errors += 1; break }
            var ok = true
            for k in 1...need {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { ok = false; break }
                value = (value << 6) | UInt32(c & 0x3F)
            }
            if !ok || value < minValue || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
                errors += 1
                i += 1
                continue
            }
            i += need + 1
        }
        return errors
    }
}
