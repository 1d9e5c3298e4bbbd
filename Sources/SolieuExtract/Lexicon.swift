import Foundation
import SolieuText

/// The reference data extraction reads: award titles (from awards.json, mapped onto the gold's
/// canonical titles by lexicon.json), conferrers, document types, scale words, currencies.
final class Lexicon: Sendable {
    struct AwardEntry: Sendable {
        var title: String
        var conferrer: String?
        var defaultRecipient: String?
    }

    let awards: PhraseTable<AwardEntry>
    let conferrers: PhraseTable<String>
    let documentTypes: PhraseTable<String>
    /// Document type by the abbreviation of its number ("KH" → "Kế hoạch", "NĐ" → "Nghị định"),
    /// from doctypes.json (Nghị định 30/2020/NĐ-CP, Quy định 66-QĐ/TW) and lexicon.json's types.
    let typeByCode: [String: String]
    let recipients: PhraseTable<String>
    /// Words after a recipient noun that qualify it ("gia đình liệt sĩ"): inside the count
    /// phrase, not part of the recipient.
    let recipientQualifiers: PhraseTable<Bool>
    /// Who receives on the recipients' behalf ("cho thân nhân 4 Mẹ"): skipped before the counts.
    let recipientProxies: PhraseTable<Bool>
    /// Scale words by their lower-case form with diacritics ("trăm", never "trạm").
    let scale: [String: Double]
    let currencies: PhraseTable<String>
    /// Lower-case words (with diacritics) that cannot start a unit noun.
    let notUnits: Set<String>
    /// Lower-case words (with diacritics) that end a unit phrase.
    let stopWords: Set<String>
    /// Words after which a bare currency word ("đồng") is the currency, not part of a compound.
    let afterCurrency: Set<String>
    let notQuantityBefore: PhraseTable<Bool>
    /// Nouns a number written in words counts ("hai gia đình"), matched with diacritics.
    let countNouns: PhraseTable<Bool>
    /// Names of sectors and indicators with a comma or dash inside ("nông, lâm nghiệp và thủy
    /// sản"), as token keys: what a percent measures does not stop at their punctuation.
    let measureNames: [[String]]

    static let bundled: Lexicon = {
        guard let lexURL = Bundle.module.url(forResource: "lexicon", withExtension: "json"),
              let awardsURL = Bundle.module.url(forResource: "awards", withExtension: "json"),
              let lex = try? JSONSerialization.jsonObject(with: Data(contentsOf: lexURL)) as? [String: Any],
              let aw = try? JSONSerialization.jsonObject(with: Data(contentsOf: awardsURL)) as? [String: Any] else {
            BrokenInstallation.stop("SolieuExtract resources lexicon.json / awards.json cannot be read")
        }
        let types = Bundle.module.url(forResource: "doctypes", withExtension: "json")
            .flatMap { try? JSONSerialization.jsonObject(with: Data(contentsOf: $0)) as? [String: Any] } ?? [:]
        return Lexicon(lexicon: lex, awards: aw, documentTypes: types)
    }()

    init(lexicon: [String: Any], awards aw: [String: Any], documentTypes doctypes: [String: Any] = [:]) {
        let titles = lexicon["award_titles"] as? [String: [String: String]] ?? [:]
        let recipientDefaults = lexicon["award_recipient_defaults"] as? [String: String] ?? [:]
        var awards = PhraseTable<AwardEntry>()
        let conferrerVariants = (lexicon["conferrers"] as? [[String: String]] ?? []).compactMap { c in
            c["variant"].flatMap { v in c["name"].map { (TextView.phraseKeys(v), $0) } }
        }
        for entry in aw["awards"] as? [[String: Any]] ?? [] {
            // Titles the gold format names map onto its canonical title; the taxonomy's other
            // awards (Huy chương Chiến sĩ vẻ vang, Nhà giáo ưu tú, …) keep their canonical name.
            guard let id = entry["id"] as? String, let canonical = entry["canonical_name"] as? String else { continue }
            let mapped = titles[id] ?? ["title": canonical]
            guard let title = mapped["title"] else { continue }
            let recipient = (entry["recipient_type"] as? String).flatMap { recipientDefaults[$0] }
            var variants = entry["variants"] as? [String] ?? []
            variants.append(entry["canonical_name"] as? String ?? title)
            variants += entry["abbreviations"] as? [String] ?? []
            for v in variants {
                // "Bằng khen của Chủ tịch UBND tỉnh" names its conferrer; plain "Bằng khen" does not.
                var conferrer = mapped["conferrer"]
                if title == "Bằng khen" || title == "Cờ thi đua" || title == "Giấy khen" {
                    conferrer = Self.conferrer(named: v, in: conferrerVariants)
                }
                awards.add(v, AwardEntry(title: title, conferrer: conferrer, defaultRecipient: recipient))
            }
        }
        for extra in lexicon["extra_award_variants"] as? [[String: String]] ?? [] {
            if let v = extra["variant"], let t = extra["title"] {
                awards.add(v, AwardEntry(title: t, conferrer: nil, defaultRecipient: t == "Cờ thi đua" ? "tập thể" : nil))
            }
        }
        self.awards = awards
        var conferrers = PhraseTable<String>()
        for c in lexicon["conferrers"] as? [[String: String]] ?? [] {
            if let v = c["variant"], let n = c["name"] { conferrers.add(v, n) }
        }
        self.conferrers = conferrers
        var types = PhraseTable<String>()
        for (name, _) in lexicon["document_types"] as? [String: String] ?? [:] { types.add(name, name) }
        documentTypes = types
        var byCode: [String: String] = [:]
        for list in ["administrative_document_types", "party_document_types"] {
            for entry in doctypes[list] as? [[String: Any]] ?? [] {
                guard let code = entry["abbreviation"] as? String, var name = entry["name"] as? String else { continue }
                if let paren = name.range(of: " (") { name = String(name[..<paren.lowerBound]) }
                if byCode[code] == nil { byCode[code] = name }
            }
        }
        for (name, code) in lexicon["document_types"] as? [String: String] ?? [:] where !code.isEmpty && byCode[code] == nil { byCode[code] = name }
        // "QĐ" numbers Quyết định far more often than Quy định; "TT" a Thông tư of a ministry.
        byCode["QĐ"] = "Quyết định"
        byCode["TT"] = "Thông tư"
        typeByCode = byCode
        var recipients = PhraseTable<String>()
        for r in lexicon["award_recipients"] as? [String] ?? [] { recipients.add(r, r) }
        self.recipients = recipients
        var qualifiers = PhraseTable<Bool>(exact: true)
        for q in lexicon["recipient_qualifiers"] as? [String] ?? [] { qualifiers.add(q, true) }
        recipientQualifiers = qualifiers
        var proxies = PhraseTable<Bool>(exact: true)
        for q in lexicon["recipient_proxies"] as? [String] ?? [] { proxies.add(q, true) }
        recipientProxies = proxies
        measureNames = (lexicon["measure_names"] as? [String] ?? []).map { TextView.phraseKeys($0) }.filter { $0.count >= 2 }
        let rawScale = (lexicon["scale_words"] as? [String: Double]) ?? [:]
        scale = Dictionary(rawScale.map { (TextView.phraseKeys($0.key, exact: true).joined(separator: " "), $0.value) }, uniquingKeysWith: { a, _ in a })
        var currencies = PhraseTable<String>(exact: true)
        for (w, code) in lexicon["currencies"] as? [String: String] ?? [:] { currencies.add(w, code) }
        self.currencies = currencies
        notUnits = Set((lexicon["not_units"] as? [String] ?? []).map { TextView.phraseKeys($0, exact: true).joined(separator: " ") })
        stopWords = Set((lexicon["unit_stop_words"] as? [String] ?? []).map { TextView.phraseKeys($0, exact: true).joined(separator: " ") })
        afterCurrency = Set((lexicon["after_currency"] as? [String] ?? []).map { TextView.phraseKeys($0, exact: true).joined(separator: " ") })
        var before = PhraseTable<Bool>(exact: true)
        for w in lexicon["not_quantity_before"] as? [String] ?? [] { before.add(w, true) }
        notQuantityBefore = before
        var countNouns = PhraseTable<Bool>(exact: true)
        for w in lexicon["count_nouns"] as? [String] ?? [] { countNouns.add(w, true) }
        self.countNouns = countNouns
    }
}

extension Lexicon {
    /// The conferrer a title variant names ("Bằng khen của Chủ tịch UBND tỉnh" → "Chủ tịch UBND
    /// tỉnh"): the longest conferrer variant whose words end the title's.
    static func conferrer(named variant: String, in conferrers: [([String], String)]) -> String? {
        let keys = TextView.phraseKeys(variant)
        var best: ([String], String)?
        for c in conferrers where c.0.count < keys.count && Array(keys.suffix(c.0.count)) == c.0 {
            if best == nil || c.0.count > best!.0.count { best = c }
        }
        return best?.1
    }
}

extension PhraseTable: @unchecked Sendable {}
