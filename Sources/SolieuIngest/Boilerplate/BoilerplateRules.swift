import SolieuText

/// Text-level rules for page furniture, shared by HTML and plain-text input. Patterns are matched
/// on the diacritic-free search key ("Số lần đọc" → "so lan doc"), so both tone placements and
/// capitalizations match.
enum BoilerplateRules {
    /// Lines that are furniture wherever they stand (matched as a prefix of a short line).
    static let linePrefixes: [String] = [
        "so lan doc", "luot xem", "luot doc", "luot truy cap", "dang online", "dang truy cap", "thong ke truy cap",
        "tong truy cap", "tong luot truy cap", "truy cap hom nay", "so luot truy cap", "chia se", "in bai", "in trang",
        "gui email", "gui bai", "gui cho ban be", "co chu", "ban quyen", "copyright", "©", "chiu trach nhiem",
        "giay phep", "dia chi:", "dien thoai:", "dt:", "fax:", "email:", "e-mail:", "hotline", "duong day nong",
        "dang ky nhan tin", "thong tin lien he", "thong tin ban quyen", "tin lien quan", "cac tin khac",
        "cac tin tuc khac", "tin cung chuyen muc", "xem them", "doc tiep", "binh luan", "y kien ban doc",
        "trang chu", "quay lai", "ve dau trang", "len dau trang", "bai viet lien quan", "cac tin da dua",
        "van ban moi", "lien ket website", "tu khoa:", "tags:", "tag:", "nhan tin qua email", "ghi chu:",
        "phan hoi", "ban dang o:", "vi tri:", "bo cong thuong", "thiet ke boi", "phat trien boi", "powered by",
        "website:", "so dien thoai tiep nhan", "dia chi bai viet", "duong dan bai viet", "link bai viet",
        "tap tin dinh kem", "file dinh kem", "tai lieu dinh kem", "van ban dinh kem", "dinh kem:", "link bai goc", "lay link", "copy link", "xem theo ngay", "tim kiem", "dang nhap", "dang ky", "ho tro truc tuyen",
    ]
    /// Lines that are furniture only when they are the whole line.
    static let exactLines: Set<String> = [
        "chuyen muc", "hom nay", "hom qua", "trong tuan", "trong thang", "tuan nay", "thang nay", "tat ca",
        "tin moi", "tin khac", "tin moi nhat", "tin noi bat", "tin doc nhieu", "xem nhieu", "doc nhieu nhat",
        "a a a", "a- a a+", "a+ a-", "a a", "a+", "a-", "print", "share", "email", "facebook", "zalo", "twitter",
        "tweet", "like", "top", "in", "luu", "gop y", "rss", "lien he", "so do site", "so do cong", "video",
        "hinh anh", "thu vien anh", "lich cong tac", "thong bao", "lien ket", "lien ket web", "ho tro",
        "thong tin", "bao in", "tro ve", "quay ve", "sitemap", "tai ve", "[tro ve]", "[dau trang]",
    ]
    /// Lines after which the article is over, until a real paragraph shows up again.
    static let tailMarkers: [String] = [
        "dang ky nhan tin", "thong tin lien he", "so dien thoai tiep nhan", "duong day nong", "cac tin tuc khac",
        "cac tin khac", "tin lien quan", "tin khac", "tin cung chuyen muc", "thong ke truy cap", "thong tin ban quyen",
        "ban quyen thuoc", "bai viet lien quan", "cac tin da dua", "tin da dua", "van ban moi", "tin moi",
        "lien ket website", "y kien ban doc", "binh luan", "so lan doc", "xem them", "doc tiep", "tin bai khac",
        "cac bai viet khac", "bai viet khac", "cung chuyen muc", "tin bai lien quan", "cac tin cu hon", "tin cu hon",
        "lich cong tac", "lich lam viec",
    ]

    /// Whether a line, as text, is furniture.
    static func isFurniture(_ text: String) -> Bool {
        let key = VietnameseFold.searchKey(text)
        return isFurniture(key: key, chars: text.unicodeScalars.count)
    }

    static func isFurniture(key: String, chars: Int) -> Bool {
        if chars > 200 { return false }
        if exactLines.contains(key.trimmingCharacters(in: " :.»>|-")) { return true }
        if chars <= 90 {
            for p in linePrefixes where key.hasPrefix(p) { return true }
            // Counters written after the number: "1.234 lượt xem".
            for counter in ["luot xem", "luot truy cap", "lan doc"] where containsBytes(key, counter) { return true }
        }
        if isImageFileName(key) { return true }
        // A lone list number or a row of separators.
        if chars <= 3, key.allSatisfy({ $0.isNumber || $0 == "." || $0 == ")" }) { return true }
        if key.allSatisfy({ "-=_*|/ .:".contains($0) }) { return true }
        return false
    }

    static func isTailMarker(_ text: String) -> Bool { isTailMarker(text, chars: text.unicodeScalars.count) }

    /// `chars`: the text's length in Unicode scalars (a marker is short: longer text is not folded).
    static func isTailMarker(_ text: String, chars: Int) -> Bool {
        guard chars <= 40 else { return false }
        let key = VietnameseFold.searchKey(text).trimmingCharacters(in: " :.»>|-")
        for m in tailMarkers where key == m || (key.hasPrefix(m) && key.count <= m.count + 14) { return true }
        return false
    }

    /// "anh-2.jpg", "1478004194_map-icon.png Địa chỉ: …": a scraped image file name.
    static func isImageFileName(_ key: String) -> Bool {
        guard let firstWord = key.split(separator: " ", maxSplits: 1).first else { return false }
        for ext in [".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".svg"] where firstWord.hasSuffix(ext) { return true }
        return false
    }

    /// A paragraph that reads like article prose (what ends a tail of related links).
    static func isProse(_ text: String, chars: Int) -> Bool {
        guard chars >= 120 else { return false }
        return hasSentencePunctuation(text)
    }

    /// ". " or ", " inside, or a final ".": cheap byte scan.
    static func hasSentencePunctuation(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b == 0x20 && (previous == 0x2E || previous == 0x2C) { return true }
            previous = b
        }
        return previous == 0x2E
    }

    /// Byte-wise substring test (no Foundation, no generic searcher, no copies).
    static func containsBytes(_ haystack: String, _ needle: String) -> Bool {
        byteOffset(of: needle, in: haystack) != nil
    }

    /// The UTF-8 offset of the first `needle` in `haystack`.
    static func byteOffset(of needle: String, in haystack: String) -> Int? {
        var h = haystack, n = needle
        return h.withUTF8 { h in
            n.withUTF8 { n in
                guard let first = n.first, h.count >= n.count else { return nil }
                var i = 0
                while i + n.count <= h.count {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}

extension String {
    /// Without leading and trailing scalars of `set` (scalars, not characters: the sets here are
    /// punctuation and spaces).
    func trimmingCharacters(in set: String) -> String {
        let scalars = unicodeScalars
        let members = set.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, members.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, members.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex { return self }
        return String(scalars[start..<end])
    }
}
