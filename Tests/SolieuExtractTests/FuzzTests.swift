import SolieuExtract
import SolieuText
import Testing

/// Malformed text returns results or nothing, and every span stays exact. No timing is asserted
/// (debug builds); scripts/bench-extract runs the same shapes at 1 MB in release.
struct FuzzTests {
    struct LCG {
        var state: UInt64
        mutating func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
    }

    @Test func noSentencesOneMegabyteWithoutASpace() {
        let text = String(repeating: "a1/2.3,", count: 40_000)
        _ = Extractor.extract(text)
    }

    @Test func digitsEverywhere() {
        var r = LCG(state: 42)
        let alphabet = Array("0123456789./-,% ".unicodeScalars)
        var view = String.UnicodeScalarView()
        for _ in 0..<60_000 { view.append(alphabet[Int(r.next() % UInt64(alphabet.count))]) }
        let text = String(view)
        let scalars = Array(text.unicodeScalars)
        for f in Extractor.extract(text) {
            #expect(f.start >= 0 && f.end <= scalars.count && f.start < f.end)
        }
    }

    /// Counts too large for an Int where the award rules compare counts with totals and parts
    /// (CI's fuzzer stopped on "Double value cannot be converted to Int" in them): each shape
    /// extracts without a trap, and no award count comes out of a number that large.
    @Test func countsTooLargeForAnInteger() {
        let huge = "100.000.000.000.000.000.000"
        let texts = [
            "Tặng Bằng khen cho 5 tập thể, trong đó \(huge) tập thể và 3 tập thể.",
            "Có \(huge) tập thể được khen thưởng, trong đó 2 tập thể được tặng Bằng khen và 3 tập thể được tặng Giấy khen.",
            "Có 5 mẹ được phong tặng danh hiệu Bà mẹ Việt Nam anh hùng (huyện A: \(huge); huyện B: 3).",
            "Phong tặng danh hiệu Bà mẹ Việt Nam anh hùng cho \(huge) mẹ, trong đó 2 mẹ còn sống và 3 mẹ đã mất.",
            "Trao 2 Huân chương Độc lập, 5 Huân chương Kháng chiến cho \(huge) gia đình.",
            "Tặng Bằng khen cho 2 tập thể và \(huge) cá nhân. Tặng Bằng khen cho \(huge) cá nhân.",
        ]
        for text in texts {
            for f in Extractor.extract(text) where f.kind == .award { #expect((f.count ?? 0) < 1_000_000_000, "\(text)") }
        }
    }

    @Test func mixedScripts() {
        let text = String(repeating: "Năm 2019 Ελληνικά 12 漢字 ٣٤ 5 tập thể 😀 Quyết định số 1/ ", count: 800)
        _ = Extractor.extract(text)
    }

    @Test func mutatedCorpusSentences() {
        let seeds = [
            "Chủ tịch UBND tỉnh đã tặng Bằng khen cho 8 tập thể, 81 cá nhân có thành tích xuất sắc;",
            "Thu ngân sách đạt 1.543,2 tỷ đồng, bằng 137,8% so với dự toán, tăng 14, 78 % so với năm 2016.",
            "Quyết định số 32/QĐ-UBND ngày 17/01/2017 (11/6/1948-11/6/2018) 6 tháng đầu năm quý III/2020",
        ]
        var r = LCG(state: 7)
        for round in 0..<150 {
            var scalars = Array(seeds[round % seeds.count].unicodeScalars)
            for _ in 0..<(1 + Int(r.next() % 6)) {
                let i = Int(r.next() % UInt64(scalars.count))
                switch r.next() % 3 {
                case 0: scalars.remove(at: i)
                case 1: scalars.insert(scalars[Int(r.next() % UInt64(scalars.count))], at: i)
                default: scalars.swapAt(i, Int(r.next() % UInt64(scalars.count)))
                }
                if scalars.isEmpty { break }
            }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars)
            let text = String(v)
            let all = Array(text.unicodeScalars)
            for f in Extractor.extract(text) {
                var s = String.UnicodeScalarView()
                s.append(contentsOf: all[f.start..<f.end])
                #expect(String(s) == f.text)
            }
        }
    }
}

/// Texts over twice `Extractor.blockScalars` go a block of paragraphs at a time: the same
/// figures as paragraph by paragraph, spans into the whole text, sentences and parts renumbered.
struct BlockTests {
    @Test func aHugeTextGivesWhatItsParagraphsGive() {
        let paragraph = "Năm 2023, tỉnh trao 5 Bằng khen cho 5 tập thể, tổng số 120 tập thể, cá nhân (74 tập thể, 46 cá nhân) và đạt 95,5% kế hoạch."
        let one = Extractor.extract(paragraph, published: "2023-12-01")
        // Blocks of 1,000 scalars here (64 K in use): the same cuts, a text a debug build reads fast.
        let copies = 2 * 1_000 / paragraph.unicodeScalars.count + 40
        let text = Array(repeating: paragraph, count: copies).joined(separator: "\n\n")
        let (figures, sentences) = Extractor.extractWithSentences(text, published: "2023-12-01", blockScalars: 1_000)
        #expect(figures.count == one.count * copies)
        let scalars = Array(text.unicodeScalars)
        for (i, f) in figures.enumerated() {
            #expect(String(String.UnicodeScalarView(scalars[f.start..<f.end])) == f.text)
            #expect(f.sentence < sentences.count && sentences[f.sentence].start <= f.start && f.end <= sentences[f.sentence].end)
            if let p = f.partOf { #expect(p >= 0 && p < i && figures[p].number == 120) }
        }
        #expect(zip(sentences, sentences.dropFirst()).allSatisfy { $0.end <= $1.start })
        #expect(figures.filter { $0.partOf != nil }.count == copies * one.filter { $0.partOf != nil }.count)
    }
}
