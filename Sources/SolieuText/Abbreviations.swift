import Foundation

/// Known abbreviations and their expansions ("UBND" ↔ "Ủy ban nhân dân"), from
/// Resources/abbreviations.json (the project's reference list; see its `source` field).
public struct Abbreviations: Sendable {
    public struct Entry: Sendable, Equatable {
        /// Surface form as written ("UBND", "KT-XH").
        public var abbreviation: String
        /// Full Vietnamese form ("Ủy ban nhân dân").
        public var expansion: String
        public var category: String?

        public init(abbreviation: String, expansion: String, category: String?) {
            self.abbreviation = abbreviation
            self.expansion = expansion
            self.category = category
        }

        /// Three letters or more ("UBND", "KT-XH"): a spelled-out phrase may stand for it. Two-letter
        /// ones ("KT": khen thưởng, kinh tế, kiểm tra…) say too little on their own.
        public var isDistinctive: Bool { abbreviation.unicodeScalars.filter { $0.properties.isAlphabetic }.count >= 3 }
    }

    public let entries: [Entry]
    /// `VietnameseFold.searchKey` of an abbreviation → its entries (several when ambiguous).
    private let byKey: [String: [Entry]]
    /// `searchKey` of an expansion → its entries.
    private let byExpansionKey: [String: [Entry]]

    public init(entries: [Entry]) {
        self.entries = entries
        var byKey: [String: [Entry]] = [:]
        var byExpansion: [String: [Entry]] = [:]
        for e in entries {
            byKey[VietnameseFold.searchKey(e.abbreviation), default: []].append(e)
            byExpansion[VietnameseFold.searchKey(e.expansion), default: []].append(e)
        }
        self.byKey = byKey
        self.byExpansionKey = byExpansion
    }

    /// Entries whose abbreviation folds to the same key as `text` ("ubnd", "UBND").
    public func expansions(of text: String) -> [Entry] { byKey[VietnameseFold.searchKey(text)] ?? [] }

    /// Entries whose expansion folds to the same key as `text` ("uy ban nhan dan").
    public func abbreviations(of text: String) -> [Entry] { byExpansionKey[VietnameseFold.searchKey(text)] ?? [] }

    /// The list shipped with solieu.
    public static let bundled: Abbreviations = {
        guard let url = Bundle.module.url(forResource: "abbreviations", withExtension: "json"),
              let data = try? Data(contentsOf: url) else {
            BrokenInstallation.stop("SolieuText resource abbreviations.json is missing")
        }
        do {
            return Abbreviations(entries: try parse(data))
        } catch {
            BrokenInstallation.stop("SolieuText resource abbreviations.json is malformed: \(error)")
        }
    }()

    struct File: Decodable {
        struct Item: Decodable {
            var abbr: String
            var expansion: String
            var category: String?
            var variants: [String]?
        }
        var abbreviations: [Item]
    }

    /// Reads the JSON format of Resources/abbreviations.json. Variants that are themselves short
    /// upper-case forms ("UBND tỉnh" is not; "TĐ-KT" is) become extra abbreviations.
    static func parse(_ data: Data) throws -> [Entry] {
        let file = try JSONDecoder().decode(File.self, from: data)
        var out: [Entry] = []
        for item in file.abbreviations {
            let expansion = UnicodeNormalization.nfc(item.expansion)
            // "A (note) / B (note)" expansions name alternatives: keep each, without the notes.
            let expansions = expansion.components(separatedBy: " / ").map(withoutNotes)
            let variants = (item.variants ?? []).map(withoutNotes).filter(isAbbreviationForm)
            for x in expansions where !x.isEmpty {
                for a in [item.abbr] + variants {
                    out.append(Entry(abbreviation: UnicodeNormalization.nfc(a), expansion: x, category: item.category))
                }
            }
        }
        return out
    }

    /// "Bộ Chính trị (Party; usual meaning)" → "Bộ Chính trị".
    static func withoutNotes(_ s: String) -> String {
        var out = ""
        var depth = 0
        for c in s {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if depth == 0 { out.append(c) }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// An abbreviation form: one word of capitals, digits, "-", "&" or "." ("UBND", "KT-XH", "TP.").
    static func isAbbreviationForm(_ s: String) -> Bool {
        guard !s.isEmpty, !s.contains(" ") else { return false }
        return s.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
    }
}

public extension Abbreviations {
    /// An abbreviation a document defines for itself: "phong trào thi đua (PTTĐ)".
    struct Definition: Sendable, Equatable, Codable {
        public var abbreviation: String
        public var expansion: String
        /// Scalar offsets of the expansion and of the abbreviation in the text.
        public var expansionStart: Int
        public var abbreviationEnd: Int
    }

    /// Definitions in a text: a parenthesized run of capitals right after words whose initials
    /// spell it ("kinh tế - xã hội (KTXH)", "Thi đua - Khen thưởng (TĐKT)"). Case, diacritics and
    /// "đ"/"d" aside, each letter must start one syllable, in order.
    ///
    /// No definition crosses a line break, so the text is read a line at a time: a huge text
    /// costs one line's scalars, not four bytes for each of its own.
    static func definitions(in text: String) -> [Definition] {
        var out: [Definition] = []
        var seen = Set<String>()
        var line: [Unicode.Scalar] = []
        var base = 0
        for u in text.unicodeScalars {
            if u == "\n" {
                if line.contains("(") { definitions(inLine: line, base: base, into: &out, seen: &seen) }
                base += line.count + 1
                line.removeAll(keepingCapacity: true)
            } else {
                line.append(u)
            }
        }
        if line.contains("(") { definitions(inLine: line, base: base, into: &out, seen: &seen) }
        return out
    }

    /// The definitions of one line (`s`, starting at scalar offset `base` of the text).
    private static func definitions(inLine s: [Unicode.Scalar], base: Int, into out: inout [Definition], seen: inout Set<String>) {
        var i = 0
        while i < s.count {
            guard s[i] == "(" else { i += 1; continue }
            var j = i + 1
            while j < s.count && j - i <= 12 && (s[j].properties.isUppercase || s[j] == "&" || s[j] == "-" || s[j].properties.numericType != nil) { j += 1 }
            guard j < s.count, s[j] == ")", j - i >= 3 else { i += 1; continue }
            let abbreviation = String(String.UnicodeScalarView(s[(i + 1)..<j]))
            let letters = abbreviation.unicodeScalars.filter { $0.properties.isAlphabetic }.map { VietnameseFold.keyScalar($0) }
            guard letters.count >= 2 else { i = j; continue }
            // Syllables before the parenthesis, nearest first; "-" and "," between them are skipped.
            var k = i - 1
            var starts: [Int] = []
            while k >= 0 && starts.count < letters.count {
                while k >= 0 && (s[k] == " " || s[k] == "-" || s[k] == "–" || s[k] == ",") { k -= 1 }
                guard k >= 0, s[k].properties.isAlphabetic || (0x300...0x36F).contains(s[k].value) else { break }
                while k > 0 && (s[k - 1].properties.isAlphabetic || (0x300...0x36F).contains(s[k - 1].value)) { k -= 1 }
                starts.append(k)
                k -= 1
            }
            if starts.count == letters.count {
                let initials = starts.reversed().map { VietnameseFold.keyScalar(s[$0]) }
                if initials == letters {
                    let start = starts.last!
                    var end = i
                    while end > start && s[end - 1] == " " { end -= 1 }
                    let expansion = String(String.UnicodeScalarView(s[start..<end]))
                    let key = VietnameseFold.searchKey(abbreviation) + "|" + VietnameseFold.searchKey(expansion)
                    if seen.insert(key).inserted {
                        out.append(Definition(abbreviation: abbreviation, expansion: expansion, expansionStart: base + start,
                                              abbreviationEnd: base + j + 1))
                    }
                }
            }
            i = j + 1
        }
    }
}
