import SolieuText
import Testing

/// Token kinds, on phrases from the corpus.
struct TokenTests {
    func kinds(_ text: String) -> [String] { Tokenizer.tokens(text).map { "\($0.kind.rawValue):\($0.text)" } }
    func kind(_ text: String) -> Token.Kind? {
        let t = Tokenizer.tokens(text)
        return t.count == 1 ? t[0].kind : nil
    }

    @Test func numbersInVietnameseFormat() {
        #expect(kind("3.304") == .number)
        #expect(kind("1.543,2") == .number)
        #expect(kind("08") == .number)
        #expect(kinds("tăng 14, 78 % so với năm 2016") == ["word:tăng", "percent:14, 78 %", "word:so", "word:với", "word:năm", "number:2016"])
        #expect(kinds("chiếm 79,06%;") == ["word:chiếm", "percent:79,06%", "punctuation:;"])
        #expect(kinds("bằng 115%KH") == ["word:bằng", "percent:115%", "abbreviation:KH"])
        // A comma and a space between two numbers is a list, not a decimal.
        #expect(kinds("cho 56 tập thể, 62 cá nhân").filter { $0.hasPrefix("number") } == ["number:56", "number:62"])
    }

    @Test func datesAndDocumentCodes() {
        for d in ["17/01/2017", "18.07.2018", "21-3-2019", "6/2019"] { #expect(kind(d) == .date, "\(d)") }
        for c in ["32/QĐ-UBND", "19-CT/TU", "91/2017/NĐ-CP", "05/GP-TTĐT", "136/KH-UBND"] { #expect(kind(c) == .code, "\(c)") }
        #expect(kinds("ngày 13/9/2019, UBND tỉnh").prefix(2) == ["word:ngày", "date:13/9/2019"])
        #expect(kind("49/118") == .number || kinds("49/118").count == 3)  // a ratio is numbers, not a date or a code
        #expect(kinds("(11/6/1948-11/6/2018)").contains("date:11/6/1948"))
    }

    @Test func abbreviationsRomanNumeralsAndCapitals() {
        #expect(kind("UBND") == .abbreviation)
        #expect(kind("TĐKT") == .abbreviation)
        #expect(kind("KT-XH") == .abbreviation)
        #expect(kind("GD&ĐT") == .abbreviation)
        #expect(kind("TTg") == .abbreviation)
        #expect(kind("XVIII") == .roman)
        #expect(kind("III") == .roman)
        // A heading in capitals is words.
        #expect(kinds("HỘI NGHỊ SƠ KẾT") == ["word:HỘI", "word:NGHỊ", "word:SƠ", "word:KẾT"])
    }

    @Test func urlsEmailsPhones() {
        #expect(kinds("Email: vanthu@angiang.gov.vn.").contains("email:vanthu@angiang.gov.vn"))
        #expect(kinds("(nguồn baocaobang.vn)").contains("url:baocaobang.vn"))
        #expect(kind("https://sonoivu.angiang.gov.vn/tin-tuc/123") == .url)
        #expect(kind("0983.570.009") == .phone)
        #expect(kind("02963.957.006") == .phone)
        #expect(kinds("Điện thoại: (0269)3834792").contains("phone:(0269)3834792"))
        #expect(kinds("Fax: (0269) 3834812").contains("phone:(0269) 3834812"))
        #expect(kind("0,5") == .number)
    }

    @Test func offsetsAreScalarOffsetsIntoTheOriginal() {
        let text = "Ủy ban nhân dân tỉnh đạt 41,5%."
        let scalars = Array(text.unicodeScalars)
        for t in Tokenizer.tokens(text) {
            #expect(String(String.UnicodeScalarView(scalars[t.start..<t.end])) == t.text)
        }
        #expect(Tokenizer.tokens("thực hiện./.").last?.text == "./.")
    }
}
