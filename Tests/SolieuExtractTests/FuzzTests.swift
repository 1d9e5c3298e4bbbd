import SolieuExtract
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
