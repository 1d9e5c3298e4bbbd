import Foundation
@testable import SolieuIndex
import SolieuTestSupport
import Testing

@Suite struct ProvincesTests {
    let provinces = Provinces.bundled

    /// Matching in small chunks finds the same names at the same positions as one pass over the
    /// whole text (names never cross the breaks where a chunk ends).
    @Test func chunkedMentionsEqualOnePass() {
        let texts = Project.files(in: "fixtures/real", suffix: ".txt").map { Project.text("fixtures/real/" + $0) }
        #expect(texts.count > 50)
        var total = 0
        for text in texts {
            let whole = provinces.mentions(text, chunkScalars: .max)
            let chunked = provinces.mentions(text, chunkScalars: 200)
            #expect(whole.map(\.0) == chunked.map(\.0))
            #expect(whole.map(\.1) == chunked.map(\.1))
            total += whole.count
        }
        #expect(total > 250)
    }

    @Test func mentionsStopAtTheLimit() {
        let text = String(repeating: "Đoàn công tác của tỉnh Cà Mau làm việc tại xã; ", count: 50)
        let all = provinces.mentions(text, chunkScalars: 100)
        #expect(all.count == 50)
        #expect(all.allSatisfy { $0.0 == "Cà Mau" })
        let first = provinces.mentions(text, limit: 7, chunkScalars: 100)
        #expect(first.count == 7)
        #expect(first.map(\.1) == Array(all.prefix(7)).map(\.1))
    }

    /// A huge text votes with its first 400 mentions, as before the pass was chunked.
    @Test func hugeTextIsDetectedFromItsLead() {
        let lead = "Ngày 12/3, UBND tỉnh Cà Mau tổ chức hội nghị tổng kết công tác thi đua, khen thưởng. "
        let rest = String(repeating: "Đoàn của tỉnh Bạc Liêu đến dự; ", count: 2000)
        let detection = provinces.detect(title: nil, text: String(repeating: lead, count: 500) + rest, site: nil, url: nil,
                                         pageHosts: [], published: "2020-03-12")
        #expect(detection?.province == "Cà Mau")
    }
}

extension ProvincesTests {
    /// "Thừa Thiên Huế" is the old province and a variant of the city formed from it: a bulletin
    /// of 2020 that names it is about the province (now Huế), not about a unit of 2025.
    @Test func oldNameThatIsAVariantOfItsSuccessor() {
        let d = provinces.detect(title: nil, text: "UBND tỉnh Thừa Thiên Huế khen thưởng 12 tập thể", site: nil, url: nil,
                                 pageHosts: [], published: "2020-01-01")
        #expect(d == Provinces.Detection(province: "Thừa Thiên Huế", provinceNow: "Huế", evidence: "text"))
        #expect(provinces.mentions("tỉnh Thừa Thiên Huế và Đà Nẵng").map(\.0) == ["Thừa Thiên Huế", "Đà Nẵng"])
    }
}
