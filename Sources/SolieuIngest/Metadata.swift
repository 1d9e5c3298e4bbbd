import SolieuText

/// Dates in page metadata and in the date lines these portals print.
enum Dateline {
    /// "2018-07-18" (and "T07:37" when a time of day stands next to it) from a short line such as
    /// "Ngày: 18.07.2018", "(ngày đăng bài: 30/01/2018)", "07:37 07/08/2018", "Cập nhật ngày 5/3/2020",
    /// "Thứ Hai, 12/03/2019 - 08:15", "ngày 26 tháng 10 năm 2020".
    static func parse(_ line: String) -> String? {
        // Over the UTF-8 bytes: every character a numeric date or a time is made of is ASCII.
        var copy = line
        let numeric: String?? = copy.withUTF8 { s -> String?? in
            var i = 0
            var runs = 0
            while i < s.count {
                guard isDigit(s[i]) else { i += 1; continue }
                if i > 0, isDigit(s[i - 1]) { i += 1; continue }
                runs += 1
                if let (date, next) = numericDate(s, i) { return .some(date + time(in: s, around: i, after: next)) }
                i += 1
            }
            // "ngày 26 tháng 10 năm 2020" needs three numbers.
            return runs >= 3 ? .none : .some(nil)
        }
        if let numeric { return numeric }
        let key = VietnameseFold.searchKey(line)
        let words = key.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        var w = 0
        while w + 5 < words.count {
            if words[w] == "ngay", let d = Int(words[w + 1]), words[w + 2] == "thang", let m = Int(words[w + 3]),
               words[w + 4] == "nam", let y = Int(words[w + 5]), let iso = isoDate(y, m, d) {
                return iso
            }
            w += 1
        }
        return nil
    }

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private static func number(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, maxDigits: Int) -> (Int, Int)? {
        var j = i
        var v = 0
        while j < s.count, j - i < maxDigits, isDigit(s[j]) {
            v = v * 10 + Int(s[j] - 0x30)
            j += 1
        }
        return j > i ? (v, j) : nil
    }

    private static func numericDate(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> (String, Int)? {
        guard let (d, a) = number(s, i, maxDigits: 2), a < s.count else { return nil }
        let sep = s[a]
        guard sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") || sep == UInt8(ascii: "-") else { return nil }
        guard let (m, b) = number(s, a + 1, maxDigits: 2), b < s.count, s[b] == sep,
              let (y, c) = number(s, b + 1, maxDigits: 4), c - (b + 1) == 4 else { return nil }
        if c < s.count, isDigit(s[c]) || startsNonASCIIDigit(s, c) { return nil }
        guard let iso = isoDate(y, m, d) else { return nil }
        return (iso, c)
    }

    /// A digit outside ASCII (Arabic-Indic, full-width, ...) starts at `i`.
    private static func startsNonASCIIDigit(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard s[i] >= 0xC0 else { return false }
        var it = s[i...].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        guard case .valid(let e) = parser.parseScalar(from: &it) else { return false }
        return Unicode.UTF8.decode(e).properties.numericType != nil
    }

    /// "hh:mm" right before or after the date.
    private static func time(in s: UnsafeBufferPointer<UInt8>, around start: Int, after end: Int) -> String {
        func timeAt(_ i: Int) -> String? {
            guard let (h, a) = number(s, i, maxDigits: 2), a < s.count, s[a] == UInt8(ascii: ":") || s[a] == UInt8(ascii: "h"),
                  let (m, b) = number(s, a + 1, maxDigits: 2), b - (a + 1) == 2, h < 24, m < 60 else { return nil }
            return "T" + two(h) + ":" + two(m)
        }
        // After: skip up to four characters (not bytes) of separators.
        var j = end
        var skipped = 0
        while j < s.count, !isDigit(s[j]) {
            if s[j] & 0xC0 != 0x80 {
                if skipped == 4 { break }
                skipped += 1
            }
            j += 1
        }
        if j < s.count, isDigit(s[j]), let t = timeAt(j) { return t }
        // Before: "07:37 07/08/2018"
        var k = start - 1
        while k >= 0, k > start - 4, s[k] == 0x20 || s[k] == UInt8(ascii: "-") || s[k] == UInt8(ascii: ",") || s[k] == UInt8(ascii: "|") { k -= 1 }
        var first = k
        while first > 0, isDigit(s[first - 1]) || s[first - 1] == UInt8(ascii: ":") { first -= 1 }
        if first >= 0, k >= first, let t = timeAt(first) { return t }
        return ""
    }

    static func isoDate(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1900...2100).contains(y), (1...12).contains(m), d >= 1 else { return nil }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= days[m - 1] else { return nil }
        return "\(y)-\(two(m))-\(two(d))"
    }

    private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// An ISO 8601 value from a meta tag ("2026-03-07T08:06:00+07:00", "2018-07-18"), checked.
    static func iso(fromMeta value: String) -> String? {
        let v = value.trimmingCharacters(in: " ")
        let s = Array(v.utf8)
        guard s.count >= 10, s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-"),
              let y = Int(v.prefix(4)), let m = Int(v.dropFirst(5).prefix(2)), let d = Int(v.dropFirst(8).prefix(2)),
              isoDate(y, m, d) != nil else {
            return parse(v)
        }
        return v.count > 10 && (s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: " "))
            ? String(v.prefix(10)) + "T" + String(v.dropFirst(11)) : String(v.prefix(10))
    }

    /// "07-03-2026 - 00:01 AM | Thị trường chứng khoán" → "07-03-2026 - 00:01 AM": a category
    /// label printed after the date is not part of the date line.
    static func withoutTrailingLabels(_ line: String) -> String {
        let line = withoutCounter(line)
        guard BoilerplateRules.containsBytes(line, " | ") else { return line }
        var parts = line.components(separatedBy: " | ")
        while parts.count > 1, let last = parts.last, !last.contains(where: { $0.isNumber }) { parts.removeLast() }
        return parts.joined(separator: " | ")
    }

    /// "Ngày cập nhật: 27/07/2020 Lượt xem: 1.024" → "Ngày cập nhật: 27/07/2020": a view counter
    /// printed on the date line is not part of it.
    static func withoutCounter(_ line: String) -> String {
        for label in counterLabels {
            if let at = BoilerplateRules.byteOffset(of: label, in: line) {
                let head = String(decoding: line.utf8.prefix(at), as: UTF8.self)
                if parse(head) != nil { return head.trimmingCharacters(in: " |-–") }
            }
        }
        return line
    }

    private static let counterLabels = [" Lượt xem", " lượt xem", " Lượt đọc", " lượt đọc", " Số lần đọc", " số lần đọc",
                                        " Lượt truy cập", " Views", " views"]

    /// A short line that is only a date line (not a sentence that contains a date).
    static func isDateLine(_ text: String, chars: Int) -> Bool {
        chars <= 80 && parse(text) != nil
    }
}

enum Language {
    /// "vi" when the text has Vietnamese letters; nil when unknown.
    static func guess(_ text: String) -> String? {
        var vietnamese = 0
        var letters = 0
        for scalar in text.unicodeScalars.prefix(4000) where Tokenizer.isLetter(scalar) {
            letters += 1
            switch scalar.value {
            case 0x0102, 0x0103, 0x0110, 0x0111, 0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x1EA0...0x1EF9:
                vietnamese += 1
                // At most 4,000 letters are read: from here the answer cannot change.
                if vietnamese * 50 >= 4000 { return "vi" }
            default: break
            }
        }
        guard letters > 20 else { return nil }
        return vietnamese * 50 >= letters ? "vi" : nil
    }
}
