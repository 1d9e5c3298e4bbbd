@testable import SolieuText
import SolieuTestSupport
import Testing

/// TCVN3, VNI and mis-decoded UTF-8, on phrases from the corpus.
struct LegacyTests {
    static let phrases = [
        "Quyết định số 32/QĐ-UBND ngày 17/01/2017 của Ủy ban nhân dân tỉnh",
        "công tác thi đua, khen thưởng 6 tháng đầu năm 2018",
        "Huân chương Lao động hạng Ba cho 02 tập thể",
        "Bà mẹ Việt Nam anh hùng, xây dựng nông thôn mới",
    ]

    /// Encodes lower-case Vietnamese into TCVN3 bytes with the same chart, read backwards.
    func tcvn3(_ text: String) -> [UInt8] {
        var reverse: [String: UInt8] = [:]
        for (b, s) in LegacyVietnamese.tcvn3 { reverse[s] = b }
        return text.flatMap { c -> [UInt8] in
            if c.isASCII { return Array(String(c).utf8) }
            return reverse[String(c)].map { [$0] } ?? []
        }
    }

    @Test func tcvn3BytesDecode() {
        for phrase in Self.phrases.map({ $0.lowercased() }) {
            let bytes = tcvn3(phrase)
            #expect(LegacyVietnamese.fromTCVN3(bytes) == phrase)
            // Detected among the readings of bytes that are not UTF-8.
            let decoded = LegacyVietnamese.decode(bytes, against: LegacyVietnamese.cp1252(bytes))
            #expect(decoded?.encoding == .tcvn3 && decoded?.text == phrase, "\(phrase)")
        }
        // The chart's known points: "®" is đ, "­" (0xAD) is ư.
        #expect(LegacyVietnamese.fromTCVN3([0xAE, 0x75, 0x61]) == "đua")
    }

    @Test func vniDecodes() {
        #expect(LegacyVietnamese.fromVNI("Vieät Nam") == "Việt Nam")
        #expect(LegacyVietnamese.fromVNI("Thi ñua khen thöôûng") == "Thi đua khen thưởng")
        #expect(LegacyVietnamese.fromVNI("UÛy ban nhaân daân tænh") == "Ủy ban nhân dân tỉnh")
        #expect(LegacyVietnamese.fromVNI("Quyeát ñònh soá 32/QÑ-UBND") == "Quyết định số 32/QĐ-UBND")
        #expect(LegacyVietnamese.fromVNI("Huaân chöông Lao ñoäng haïng Ba") == "Huân chương Lao động hạng Ba")
        let repaired = LegacyVietnamese.repair("Baèng khen cuûa Chuû tòch UÛy ban nhaân daân tænh cho 56 taäp theå")
        #expect(repaired?.encoding == .vni)
        #expect(repaired?.text == "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 56 tập thể")
    }

    @Test func utf8ReadAsWindows1252IsRepaired() {
        for phrase in Self.phrases {
            let garbled = LegacyVietnamese.cp1252(Array(phrase.utf8))
            #expect(garbled != phrase)
            let repaired = LegacyVietnamese.repair(garbled)
            #expect(repaired?.encoding == .mojibake && repaired?.text == phrase, "\(garbled)")
        }
        #expect(LegacyVietnamese.repair("Thá»±c hiá»‡n")?.text == "Thực hiện")
    }

    @Test func vniBytesAreNotMistakenForTCVN3() {
        let vni = "Quyeát ñònh soá 32/QÑ-UBND veà coâng taùc thi ñua, khen thöôûng naêm 2018 cuûa UÛy ban nhaân daân tænh"
        let bytes = LegacyVietnamese.cp1252Bytes(vni)!
        let decoded = LegacyVietnamese.decode(bytes, against: LegacyVietnamese.cp1252(bytes))
        #expect(decoded?.encoding == .vni)
        #expect(decoded?.text == "Quyết định số 32/QĐ-UBND về công tác thi đua, khen thưởng năm 2018 của Ủy ban nhân dân tỉnh")
    }

    @Test func syllableShapes() {
        for w in ["thưởng", "quyết", "nghiệp", "hội", "khuya", "giêng", "người", "oằn"] { #expect(VietnameseSyllable.isPlausible(w), "\(w)") }
        for w in ["ubnd", "quyeỏt", "veà", "thửụỷng", "hcm", "tp"] { #expect(!VietnameseSyllable.isPlausible(w), "\(w)") }
    }

    /// The scalar path the tokenizer uses agrees with the string path on every syllable of the
    /// lexicon, in lower case and in capitals, and on the legacy-encoding mistakes.
    @Test func scalarSyllableCheckAgreesWithTheStringOne() {
        var syllables = Set<String>()
        for line in Project.text("fixtures/wordseg/vtb-dev.txt").split(separator: "\n") {
            for word in line.split(separator: " ") { for s in word.split(separator: "_") { syllables.insert(String(s)); syllables.insert(s.uppercased()) } }
        }
        syllables.formUnion(["quyeỏt", "veà", "thửụỷng", "UBND", "HỘI", "NGHỊ", "Ủy", "KHUYA", "x", "ĐẢNG"])
        #expect(syllables.count > 5500)
        var plausible = 0
        for w in syllables {
            let scalars = Array(w.unicodeScalars)
            let expected = VietnameseSyllable.isPlausible(w.lowercased())
            #expect(VietnameseSyllable.isPlausible(scalars, 0, scalars.count) == expected, "\(w)")
            if expected { plausible += 1 }
        }
        #expect(plausible > 5000)
    }

    @Test func goodTextIsLeftAlone() {
        for phrase in Self.phrases { #expect(LegacyVietnamese.repair(phrase) == nil, "\(phrase)") }
        #expect(LegacyVietnamese.repair("Café au lait à Paris") == nil)
        #expect(LegacyVietnamese.repair("plain ASCII text") == nil)
    }
}


/// Abbreviations a document defines for itself (seed 000's own definitions).
struct DefinitionTests {
    @Test func definitionsFromTheCorpus() {
        let text = "ngay từ đầu năm 2018, UBND tỉnh đã phát động phong trào thi đua (PTTĐ) phát triển kinh tế - xã hội (KTXH) năm 2018. Hội đồng Thi đua - Khen thưởng (TĐKT) tỉnh họp."
        let defs = Abbreviations.definitions(in: text)
        #expect(defs.map(\.abbreviation) == ["PTTĐ", "KTXH", "TĐKT"])
        #expect(defs.map(\.expansion) == ["phong trào thi đua", "kinh tế - xã hội", "Thi đua - Khen thưởng"])
        let scalars = Array(text.unicodeScalars)
        let d = defs[0]
        #expect(String(String.UnicodeScalarView(scalars[d.expansionStart..<d.abbreviationEnd])) == "phong trào thi đua (PTTĐ)")
        // Not definitions: a parenthesis that does not spell the words before it.
        #expect(Abbreviations.definitions(in: "tỉnh Gia Lai (GL) và thành phố (TPHCM)").map(\.abbreviation) == ["GL"])
        #expect(Abbreviations.definitions(in: "số liệu năm nay (ABC)").isEmpty)
    }

    /// Read a line at a time: offsets on later lines are offsets in the whole text, and a
    /// definition cut by a line break is none.
    @Test func definitionsOnLaterLines() {
        let text = "Báo cáo năm 2018\n\nHội đồng Thi đua - Khen thưởng (TĐKT) tỉnh họp.\nphong trào\nthi đua (PTTĐ) và ủy ban nhân dân (UBND)"
        let defs = Abbreviations.definitions(in: text)
        #expect(defs.map(\.abbreviation) == ["TĐKT", "UBND"])
        let scalars = Array(text.unicodeScalars)
        #expect(defs.map { String(String.UnicodeScalarView(scalars[$0.expansionStart..<$0.abbreviationEnd])) }
                == ["Thi đua - Khen thưởng (TĐKT)", "ủy ban nhân dân (UBND)"])
    }
}
