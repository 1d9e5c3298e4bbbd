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
            preconditionFailure("SolieuText resource abbreviations.json is missing from the build")
        }
        do {
            return Abbreviations(entries: try parse(data))
        } catch {
            preconditionFailure("SolieuText resource abbreviations.json is malformed: \(error)")
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
