import Foundation
import SolieuText

/// The provinces of Vietnam before and after the 2025 reorganization (Resources/provinces.json,
/// with its sources), and the detection of the province a bulletin reports on.
public struct Provinces: Sendable {
    public struct Unit: Sendable, Equatable {
        /// Name as usually written ("Kiên Giang", "Thừa Thiên Huế").
        public var name: String
        /// false: one of the 63 units before 1 July 2025; true: one of the 34 after.
        public var after2025: Bool
        /// For a unit before 2025: the unit it belongs to after (may be itself).
        public var mergedInto: String?
        /// For a unit after 2025: the units it was formed from.
        public var formedFrom: [String]
        public var variants: [String]
    }

    public let before: [Unit]
    public let after: [Unit]
    /// searchKey of a name or variant (several syllables) → the names it may refer to.
    let byKey: [String: [String]]
    /// First syllable's search key → the longest variant length in syllables that starts with it.
    let longestStartingWith: [String: Int]
    /// Host-name form ("kiengiang", as UTF-8) → name, longest first.
    let hostForms: [(form: [UInt8], name: String)]

    /// 1 July 2025: the day the 34 provincial units began operating.
    public static let reorganizationDate = "2025-07-01"

    init(before: [Unit], after: [Unit]) {
        self.before = before
        self.after = after
        var byKey: [String: [String]] = [:]
        var longest: [String: Int] = [:]
        var hosts: [(String, String)] = []
        for unit in before + after {
            for v in Set([unit.name] + unit.variants) {
                let key = Self.key(v)
                guard !key.isEmpty else { continue }
                let syllables = key.split(separator: " ")
                // Single short variants ("HN") and bare nicknames would match too much prose.
                if syllables.count < 2 && !(v == unit.name && key.count >= 3) { continue }
                if byKey[key]?.contains(unit.name) != true { byKey[key, default: []].append(unit.name) }
                longest[String(syllables[0]), default: 0] = max(longest[String(syllables[0])] ?? 0, syllables.count)
            }
            hosts.append((Self.key(unit.name).replacingOccurrences(of: " ", with: ""), unit.name))
        }
        self.byKey = byKey
        self.longestStartingWith = longest
        self.hostForms = hosts.sorted { $0.0.count > $1.0.count }.map { (Array($0.0.utf8), $0.1) }
    }

    /// Lower-case, diacritic-free, "đ" → "d", "-" and "." as spaces, spaces collapsed.
    static func key(_ s: String) -> String {
        let folded = VietnameseFold.searchKey(s).map { $0 == "-" || $0 == "–" || $0 == "." ? " " : $0 }
        return String(folded).split(separator: " ").joined(separator: " ")
    }

    /// The unit named `query` (any variant, with or without diacritics), before or after 2025.
    public func unit(named query: String) -> Unit? {
        let k = Self.key(query)
        for u in before + after where Self.key(u.name) == k { return u }
        guard let name = byKey[k]?.first else {
            // "tinh kien giang", "tp da nang": drop the administrative word.
            for prefix in ["tinh ", "thanh pho ", "tp "] where k.hasPrefix(prefix) { return unit(named: String(k.dropFirst(prefix.count))) }
            return nil
        }
        return (before + after).first { $0.name == name }
    }

    /// Names of every unit, for messages.
    public var allNames: [String] { Array(Set((before + after).map(\.name))).sorted() }

    /// A document's province: the name the document uses (a unit before 2025 for an older
    /// bulletin) and the unit it belongs to now.
    public struct Detection: Sendable, Equatable {
        public var province: String
        public var provinceNow: String
        /// What decided it: "site", "title", "text".
        public var evidence: String
    }

    /// Votes from the site's host name, the title and the article's text, plus host names found
    /// anywhere in the page (the portal's own e-mail addresses and links are good evidence even
    /// though they are boilerplate). Returns nil when nothing names a province.
    public func detect(title: String?, text: String, site: String?, url: String?, pageHosts: [String], published: String?) -> Detection? {
        var score: [String: Double] = [:]
        var firstSeen: [String: Int] = [:]
        var best: [String: String] = [:]
        func vote(_ name: String, _ weight: Double, _ why: String, _ order: Int) {
            score[name, default: 0] += weight
            if firstSeen[name] == nil { firstSeen[name] = order }
            if best[name] == nil || why == "site" || (why == "title" && best[name] == "text") { best[name] = why }
        }
        for host in [site, url].compactMap({ $0 }) {
            if let name = hostProvince(host) { vote(name, 6, "site", 0) }
        }
        for host in pageHosts { if let name = hostProvince(host) { vote(name, 2, "site", 1) } }
        if let title { for (name, at) in mentions(title) { vote(name, 4, "title", 2 + at) } }
        for (name, at) in mentions(text, limit: 400) { vote(name, 1, "text", 1000 + at) }
        guard let top = score.max(by: { a, b in a.value != b.value ? a.value < b.value : (firstSeen[a.key] ?? 0) > (firstSeen[b.key] ?? 0) }) else {
            return nil
        }
        return resolve(top.key, evidence: best[top.key] ?? "text", published: published)
    }

    /// The one unit `names` (what a written name may refer to) stand for: the only one, or the
    /// unit before 2025 when the others are the unit it became ("Thừa Thiên Huế" is the old
    /// province and a variant of the city of Huế formed from it; `resolve` picks by date).
    func unambiguous(_ names: [String]) -> String? {
        if names.count == 1 { return names[0] }
        let old = names.compactMap { n in before.first { $0.name == n } }
        guard old.count == 1, let now = old[0].mergedInto else { return nil }
        return names.allSatisfy({ $0 == old[0].name || $0 == now }) ? old[0].name : nil
    }

    /// The unit a name means at the date of publication: a bulletin from before the 2025
    /// reorganization names an old unit; its current unit is the one it was merged into.
    func resolve(_ name: String, evidence: String, published: String?) -> Detection {
        let old = before.first { $0.name == name }
        let new = after.first { $0.name == name }
        let isOld = published.map { $0 < Self.reorganizationDate } ?? true
        if let old, isOld || new == nil {
            return Detection(province: old.name, provinceNow: old.mergedInto ?? old.name, evidence: evidence)
        }
        if let new { return Detection(province: new.name, provinceNow: new.name, evidence: evidence) }
        return Detection(province: name, provinceNow: name, evidence: evidence)
    }

    /// The province a host name points at ("sonoivu.angiang.gov.vn" → An Giang): the longest
    /// province form inside one of its labels.
    func hostProvince(_ host: String) -> String? {
        let labels = host.lowercased().utf8.split(whereSeparator: { $0 == 0x2E || $0 == 0x2F || $0 == 0x3A }).map(Array.init)
        for (form, name) in hostForms where form.count >= 5 {
            if labels.contains(where: { Self.contains($0, form) }) { return name }
        }
        return nil
    }

    /// Whether `haystack` holds the bytes of `needle` (host labels are short: a plain scan).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        outer: for i in 0...(haystack.count - needle.count) {
            for k in 0..<needle.count where haystack[i + k] != needle[k] { continue outer }
            return true
        }
        return false
    }

    /// Province names written in running text (capitalized, as names are), with their syllable
    /// position, longest match first ("Thừa Thiên Huế" before "Huế"); at most `limit` of them.
    ///
    /// One pass over the scalars folds every word into one buffer; only a capitalized word that
    /// starts some province name becomes a string (most words of a bulletin are neither). The
    /// buffer is matched and emptied at a break once it holds `chunkScalars`, so a huge text
    /// costs a bounded buffer (it was two arrays as large as the text, a quarter of what ingest
    /// held at its peak), and the pass stops once `limit` names are found.
    func mentions(_ text: String, limit: Int = .max, chunkScalars: Int = 1 << 16) -> [(String, Int)] {
        var folded: [Unicode.Scalar] = []
        folded.reserveCapacity(min(text.utf8.count, chunkScalars))
        // Each word: its scalars in `folded`, and whether it starts with a capital. A break no
        // name crosses (punctuation other than space, hyphen, dash and period) is a word with
        // start -1.
        var words: [(start: Int32, end: Int32, capital: Bool)] = []
        var wordStart = -1
        var capital = false
        var found: [(String, Int)] = []
        var base = 0  // the position of words[0] in the whole text
        func flush() {
            if wordStart >= 0 && folded.count > wordStart { words.append((Int32(wordStart), Int32(folded.count), capital)) }
            wordStart = -1
        }
        func key(_ w: Int) -> String {
            String(String.UnicodeScalarView(folded[Int(words[w].start)..<Int(words[w].end)]))
        }
        // Matches the buffered words (they end at a break or at the end of the text) and empties
        // the buffer.
        func match() {
            var i = 0
            while i < words.count && found.count < limit {
                guard words[i].capital, let longest = longestStartingWith[key(i)] else { i += 1; continue }
                var matched = false
                var n = min(longest, words.count - i)
                while n >= 1 {
                    if !words[i..<(i + n)].contains(where: { $0.start < 0 }) {
                        let name = (i..<(i + n)).map(key).joined(separator: " ")
                        if let names = byKey[name], let one = unambiguous(names) {
                            found.append((one, base + i))
                            i += n
                            matched = true
                            break
                        }
                    }
                    n -= 1
                }
                if !matched { i += 1 }
            }
            base += words.count
            words.removeAll(keepingCapacity: true)
            folded.removeAll(keepingCapacity: true)
        }
        for s in text.unicodeScalars {
            let v = s.value
            if isWordScalar(s) {
                if wordStart < 0 {
                    wordStart = folded.count
                    capital = v < 0x80 ? (v >= 0x41 && v <= 0x5A) : s.properties.isUppercase
                }
                folded.append(VietnameseFold.keyScalar(s))
            } else if v >= 0x300 && v <= 0x36F {
                continue
            } else {
                flush()
                if s != " " && s != "-" && s != "–" && s != "." {
                    words.append((-1, -1, false))
                    if folded.count >= chunkScalars {
                        match()
                        if found.count >= limit { return found }
                    }
                }
            }
        }
        flush()
        match()
        return found
    }

    /// Host names in a page ("…@angiang.gov.vn", "http://www.kiengiang.gov.vn/…"): every
    /// "x.gov.vn" or "x.vn" host, from the raw bytes.
    public static func hosts(inPage bytes: [UInt8]) -> [String] {
        var out: [String] = []
        let pattern = Array(".vn".utf8)
        var i = 0
        let n = bytes.count
        while i + 3 <= n {
            if bytes[i] == pattern[0], bytes[i + 1] == pattern[1] || bytes[i + 1] == 0x56, bytes[i + 2] == pattern[2] || bytes[i + 2] == 0x4E,
               i + 3 == n || !isHostByte(bytes[i + 3]) {
                var a = i
                while a > 0, isHostByte(bytes[a - 1]) || bytes[a - 1] == 0x2E { a -= 1 }
                if i - a >= 3 { out.append(String(decoding: bytes[a..<(i + 3)], as: UTF8.self)) }
                if out.count >= 50 { break }
            }
            i += 1
        }
        return out
    }

    /// Folder names of a path that look like host names ("…/kiengiang.gov.vn/2018/a.html"):
    /// analysts keep scraped pages by site.
    public static func hosts(inPath path: String) -> [String] {
        path.split(separator: "/").dropLast().map(String.init).filter { $0.hasSuffix(".vn") || $0.hasSuffix(".com") }
    }

    static func isHostByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D
    }

    /// The list shipped with solieu.
    public static let bundled: Provinces = {
        guard let url = Bundle.module.url(forResource: "provinces", withExtension: "json"),
              let data = try? Data(contentsOf: url) else {
            BrokenInstallation.stop("SolieuIndex resource provinces.json is missing")
        }
        do { return try parse(data) } catch { BrokenInstallation.stop("SolieuIndex resource provinces.json is malformed: \(error)") }
    }()

    struct File: Decodable {
        struct Item: Decodable {
            var name: String
            var variants: [String]?
            var merged_into_2025: String?
            var formed_from: [String]?
        }
        var units_before_2025: [Item]
        var units_after_2025: [Item]
    }

    static func parse(_ data: Data) throws -> Provinces {
        let file = try JSONDecoder().decode(File.self, from: data)
        func unit(_ item: File.Item, after: Bool) -> Unit {
            Unit(name: UnicodeNormalization.nfc(item.name), after2025: after,
                 mergedInto: item.merged_into_2025.map(UnicodeNormalization.nfc),
                 formedFrom: (item.formed_from ?? []).map(UnicodeNormalization.nfc),
                 variants: (item.variants ?? []).map(UnicodeNormalization.nfc))
        }
        return Provinces(before: file.units_before_2025.map { unit($0, after: false) },
                         after: file.units_after_2025.map { unit($0, after: true) })
    }
}
