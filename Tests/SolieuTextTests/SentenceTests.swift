import SolieuText
import Testing

/// Sentence units: where they end and where they must not.
struct SentenceTests {
    func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return Sentences.split(text).map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    }

    @Test func endsAtFullStopBeforeCapital() {
        #expect(sentences("Tỉnh đạt 3.304 lượt. Huyện đạt 18,5%.") == ["Tỉnh đạt 3.304 lượt.", "Huyện đạt 18,5%."])
    }

    @Test func doesNotEndAfterTitlesOrInsideCodes() {
        let text = "Đồng chí ThS. Nguyễn Văn A, TP. Huế nhận Quyết định số 32/QĐ-UBND ngày 18.07.2018. Lễ kết thúc."
        #expect(sentences(text).count == 2)
        #expect(sentences(text)[0].hasSuffix("18.07.2018."))
    }

    @Test func officialClosingAndParagraphs() {
        #expect(sentences("Đề nghị các đơn vị thực hiện./. Nơi nhận") == ["Đề nghị các đơn vị thực hiện./.", "Nơi nhận"])
        #expect(sentences("Tiêu đề\nNội dung thứ nhất") == ["Tiêu đề", "Nội dung thứ nhất"])
    }

    @Test func offsetsAreScalarOffsets() {
        let text = "Ủy ban khen. Đoàn đạt giải."
        let units = Sentences.split(text)
        #expect(units.count == 2)
        #expect(units[1].start == 13)
        #expect(units[1].end == text.unicodeScalars.count)
    }
}
