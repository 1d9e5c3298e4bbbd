import SolieuExtract
import Testing

/// One named case per shape and per trap, by figure family.
struct KindTests {
    func figures(_ text: String, published: String? = nil) -> [Figure] { Extractor.extract(text, published: published) }
    func one(_ text: String, _ kind: Figure.Kind) -> Figure? { figures(text).first { $0.kind == kind } }

    // MARK: the period a figure is stated for

    /// Not the period it is compared with ("so với năm 2017"), nor the base year of constant
    /// prices ("giá so sánh 2010").
    @Test func periodStatedNotCompared() {
        let a = figures("Năm 2018, toàn tỉnh có 52/118 xã đạt chuẩn nông thôn mới, tăng 6 xã so với năm 2017.")
        #expect(a.first { $0.kind == .ratio }?.period == "2018")
        #expect(a.first { $0.kind == .quantity && $0.number == 6 }?.period == "2018")
        let b = figures("GRDP 6 tháng đầu năm 2022 (theo giá so sánh 2010) tăng 3,53% so với 6 tháng đầu năm 2021.")
        #expect(b.first { $0.kind == .percent }?.period == "2022-H1")
        // Only the compared period in the sentence: the title's is the figure's.
        let c = figures("Tổng kết năm 2019\n\nThu ngân sách đạt 500 tỷ đồng, tăng 12% so với cùng kỳ năm 2018.")
        #expect(c.first { $0.kind == .money }?.period == "2019")
        #expect(c.first { $0.kind == .percent }?.period == "2019")
        // "so với" elsewhere in the sentence does not touch a period said before it.
        let d = figures("Năm 2020 đạt 95%, cao hơn so với mục tiêu.")
        #expect(d.first { $0.kind == .percent }?.period == "2020")
    }

    // MARK: numbers, percent, money, ratio, range, quantity

    @Test func thousandsDotAndDecimalComma() {
        #expect(one("Khen cấp tỉnh, tổng số 3.304 tập thể, cá nhân.", .quantity)?.number == 3304)
        #expect(one("Thu ngân sách đạt 1.543,2 tỷ đồng.", .money)?.number == 1_543_200_000_000)
    }
    @Test func leadingZero() { #expect(one("trao Huân chương cho 08 tập thể và khen 05 huyện, thị xã.", .quantity)?.number == 5) }
    @Test func percentShapes() {
        #expect(one("tăng 8,52% so cùng kỳ", .percent)?.number == 8.52)
        #expect(one("tăng 14, 78 % so với năm 2016", .percent)?.number == 14.78)
        #expect(one("là 15/13 trường, bằng 115%KH;", .percent)?.text == "115%KH")
        #expect(one("bằng 111,1 % KH", .percent)?.number == 111.1)
    }
    @Test func scaleWords() {
        #expect(one("Tổng lượt khách 3,83 triệu lượt, đạt 54,1%", .quantity)?.number == 3_830_000)
        #expect(one("khách quốc tế 308 ngàn lượt", .quantity)?.number == 308_000)
    }
    @Test func money() {
        let m = one("thu ngân sách hơn 52.623 tỉ đồng, bình quân", .money)
        #expect(m?.number == 52_623_000_000_000)
        #expect(m?.currency == "VND")
        #expect(one("kim ngạch xuất khẩu đạt hơn 5,6 tỉ USD", .money)?.currency == "USD")
        #expect(one("mỗi tập thể được thưởng 1.490.000 đồng.", .money)?.number == 1_490_000)
    }
    @Test func ratioShapes() {
        let r = one("nâng tổng số lên 49/118 xã, chiếm 41,5%", .ratio)
        #expect(r?.numerator == 49 && r?.denominator == 118 && r?.unit == "xã")
        let p = one("Giảm tỷ lệ hộ nghèo còn 3,86%/2%, bằng 193% KH", .ratio)
        #expect(p?.numerator == 3.86 && p?.denominator == 2 && p?.unit == "%")
        #expect(one("là 542/1.111 cá nhân, chiếm 48,78%", .ratio)?.denominator == 1111)
    }
    @Test func rangeShapes() {
        let r = one("38 xã đạt 10 -14 tiêu chí;", .range)
        #expect(r?.from == 10 && r?.to == 14 && r?.unit == "tiêu chí")
    }
    @Test func quantityUnits() {
        #expect(one("bình quân đạt 8,27 tiêu chí/xã", .quantity)?.unit == "tiêu chí/xã")
        #expect(one("thực hiện 3 PTTĐ trọng tâm", .quantity)?.unit == "pttđ")
        #expect(one("có 602 đơn vị, trường học đạt chuẩn", .quantity)?.unit == "đơn vị, trường học")
        #expect(one("kỷ niệm 70 năm Ngày Chủ tịch Hồ Chí Minh", .quantity)?.unit == "năm")
        // Words that end a unit: "25 cá nhân nêu trên", "trong 2 năm gần nhất".
        #expect(one("xử phạt 25 cá nhân nêu trên", .quantity)?.unit == "cá nhân")
        #expect(one("lợi nhuận trong 2 năm gần nhất", .quantity)?.unit == "năm")
        // A name after the unit is not part of it (the seed gold spans "12 tỉnh").
        #expect(one("Hội nghị của 12 tỉnh Tây Nam Bộ", .quantity)?.text == "12 tỉnh")
        #expect(one("tăng 3.604 lượt lao động so cùng kỳ", .quantity)?.number == 3604)
    }

    // MARK: traps

    @Test func ordinalsAndNamesAreNotFigures() {
        #expect(figures("Đại hội TDTT tỉnh lần thứ VIII, Cụm Thi đua số 2 họp tại Hội trường 19/5 - UBND huyện.").isEmpty)
        #expect(figures("Đại hội đại biểu toàn quốc lần thứ XII của Đảng, khóa XII.").isEmpty)
    }
    @Test func addressesAreNotQuantities() {
        #expect(one("Trụ sở tại 428 Đường Nguyễn Huệ, Phường Bến Nghé", .quantity) == nil)
        #expect(one("chi nhánh ở 121 Trần Phú, Phường 4", .quantity) == nil)
        #expect(one("văn phòng tại 45 đường Lê Lợi", .quantity) == nil)
        // Still counts: one capital is a title-cased noun; a street word before a lower-case word.
        #expect(one("thực hiện 12 Chương trình mục tiêu", .quantity)?.number == 12)
        #expect(one("đã làm mới 5 đường giao thông nông thôn", .quantity)?.number == 5)
    }
    @Test func phonesTimesAndStandardsAreNotFigures() {
        #expect(figures("Điện thoại: 0913.658.627 - 02963.981.818").isEmpty)
        #expect(figures("07:37 hôm nay").isEmpty)
        #expect(one("theo tiêu chuẩn TCVN ISO 9001: 2008 trong giải quyết", .quantity) == nil)
    }
    @Test func vagueAmountsAreNotFigures() { #expect(figures("khen thưởng hàng trăm lượt danh hiệu thi đua").isEmpty) }
    @Test func listMarkersAreNotFigures() { #expect(one("chỉ đạo: (1) Tiếp tục quán triệt 3 văn bản", .quantity)?.number == 3) }
    /// Scale words and currencies match with their diacritics: "trạm" is not "trăm" (×100).
    @Test func stationIsNotHundred() {
        let q = one("toàn tỉnh có 5 trạm y tế đạt chuẩn", .quantity)
        #expect(q?.number == 5 && q?.unit == "trạm y tế")
        #expect(one("hỗ trợ 3 triệu đồng cho mỗi hộ", .money)?.number == 3_000_000)
        #expect(one("xuất khẩu 5,6 tỉ USD", .money)?.currency == "USD")
    }
    @Test func currencyCodeBeforeAWordIsMoney() {
        let m = one("doanh nghiệp nhận 1.000 USD hỗ trợ từ quỹ", .money)
        #expect(m?.number == 1000 && m?.currency == "USD")
    }
    @Test func đồngInAWordIsNotMoney() { #expect(one("thực hiện 4 đồng hành với thanh niên", .money) == nil) }

    // MARK: dates and periods

    @Test func dateShapes() {
        #expect(one("Ngày: 18.07.2018", .date)?.calendar == "2018-07-18")
        #expect(one("Ngày 21-3-2019, UBND tỉnh", .date)?.calendar == "2019-03-21")
        #expect(one("Chiều 29/01/2018, tại", .date)?.calendar == "2018-01-29")
        #expect(one("ký ngày 26 tháng 10 năm 2020 tại", .date)?.calendar == "2020-10-26")
    }
    @Test func dayMonthWithoutYearTakesTheDocumentYear() {
        let d = figures("có hiệu lực từ ngày 5-3.", published: "2026-03-07").first { $0.kind == .date }
        #expect(d?.calendar == "2026-03-05")
        #expect(d?.inferred == true)
    }
    @Test func periodShapes() {
        #expect(one("trong tháng 6/2019 đã", .period)?.calendar == "2019-06")
        #expect(one("sơ kết vào quý III/2020;", .period)?.calendar == "2020-Q3")
        #expect(one("6 tháng đầu năm 2018 tăng", .period)?.calendar == "2018-H1")
        #expect(one("6 tháng cuối năm 2018", .period)?.calendar == "2018-H2")
        #expect(one("9 tháng năm 2020", .period)?.calendar == "2020-01/2020-09")
        #expect(one("Năm 2017, các địa phương", .period)?.calendar == "2017")
        #expect(one("giai đoạn 2016-2020", .period)?.calendar == "2016/2020")
        #expect(one("nhiệm kỳ 2020 - 2025", .period)?.calendar == "2020/2025")
        #expect(one("thực hiện từ tháng 6/2019 đến 30/6/2020.", .period)?.calendar == "2019-06/2020-06-30")
        #expect(one("thi đua yêu nước (11/6/1948-11/6/2018)", .period)?.calendar == "1948-06-11/2018-06-11")
        // Two months joined by a dash: a term, a campaign.
        let term = one("Chính trị viên (8/1947 – 12/1948); đồng chí", .period)
        #expect(term?.calendar == "1947-08/1948-12" && term?.text == "8/1947 – 12/1948")
        #expect(one("đợt thi đua tháng 3/2019 - tháng 9/2019", .period)?.text == "tháng 3/2019 - tháng 9/2019")
        #expect(one("đợt thi đua tháng 3/2019 - tháng 9/2019", .period)?.calendar == "2019-03/2019-09")
        // A day's month and year, or months out of order, are no such interval.
        let periods = { (text: String) in figures(text).filter { $0.kind == .period }.compactMap(\.calendar) }
        #expect(!periods("từ 11/8/1947 - 5/1949").contains { $0.hasPrefix("1947-08/") })
        #expect(!periods("(5/1949 – 8/1947)").contains("1949-05/1947-08"))
    }
    @Test func halfYearWithoutYearIsResolvedFromEarlierText() {
        let fs = figures("Sơ kết 6 tháng cuối năm 2018.\nKết quả 6 tháng đầu năm rất tốt.")
        #expect(fs.filter { $0.kind == .period }.map { $0.calendar } == ["2018-H2", "2018-H1"])
    }

    // MARK: document references

    @Test func docrefShapes() {
        let q = one("Thực hiện Quyết định số 32/QĐ-UBND ngày 17/01/2017 của UBND tỉnh", .docref)
        #expect(q?.docNumber == "32/QĐ-UBND" && q?.docType == "Quyết định" && q?.docDate == "2017-01-17" && q?.issuer == "UBND")
        #expect(one("theo Nghị định số 91/2017/NĐ-CP của Chính phủ", .docref)?.docNumber == "91/2017/NĐ-CP")
        #expect(one("Chỉ thị số 19-CT/TU ngày 17/10/2014", .docref)?.issuer == "TU")
        #expect(one("Chỉ thị 26/CT-TTg ngày 05/9/2016", .docref)?.docNumber == "26/CT-TTg")
        let bare = one("(thay thế Quyết định số 11 ngày 11/02/2015 của UBND tỉnh)", .docref)
        #expect(bare?.docNumber == "11" && bare?.docDate == "2015-02-11")
        #expect(one("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ X", .docref) == nil)
    }

    // MARK: awards

    @Test func awardDistributesOverRecipients() {
        let a = figures("Chủ tịch UBND tỉnh đã tặng Bằng khen cho 56 tập thể, 62 cá nhân.").filter { $0.kind == .award }
        #expect(a.map { $0.count } == [56, 62])
        #expect(a.map { $0.recipient } == ["tập thể", "cá nhân"])
        #expect(a.allSatisfy { $0.award == "Bằng khen" && $0.conferrer == "Chủ tịch UBND tỉnh" })
    }
    @Test func awardTotalIsAQuantityLinkedToItsParts() {
        let fs = figures("đã tặng 118 Bằng khen của Chủ tịch UBND tỉnh cho 56 tập thể, 62 cá nhân có thành tích")
        let total = fs.firstIndex { $0.kind == .quantity && $0.number == 118 }
        #expect(total != nil)
        #expect(fs.filter { $0.kind == .award }.allSatisfy { $0.partOf == total })
    }
    @Test func classesAreKeptPerItem() {
        let a = figures("Chủ tịch nước tặng Huân chương Lao động hạng II cho 02 cá nhân; Huân chương Lao động hạng III cho 01 cá nhân.")
            .filter { $0.kind == .award }
        #expect(a.map { $0.awardClass } == [2, 3])
        #expect(a.allSatisfy { $0.conferrer == "Chủ tịch nước" })
    }
    @Test func posthumous() {
        let a = one("đã được Chủ tịch nước truy tặng danh hiệu Bà mẹ Việt Nam anh hùng cho 03 cá nhân", .award)
        #expect(a?.posthumous == true && a?.award == "Bà mẹ Việt Nam anh hùng" && a?.count == 3)
    }
    @Test func countBeforeTitle() {
        let a = figures("trong đó 74 Danh hiệu vinh dự Nhà nước Bà mẹ Việt Nam anh hùng và 08 Cờ thi đua của Chính phủ.")
            .filter { $0.kind == .award }
        #expect(a.map { $0.award } == ["Bà mẹ Việt Nam anh hùng", "Cờ thi đua"])
        #expect(a.map { $0.count } == [74, 8])
        #expect(a.last?.conferrer == "Chính phủ" && a.last?.recipient == "tập thể")
    }
    @Test func totalAndPartsInParentheses() {
        let fs = figures("khen thưởng cho 1.880 tập thể, cá nhân (769 tập thể, 1.111 cá nhân) Trong đó")
        let total = fs.firstIndex { $0.number == 1880 }
        #expect(fs.filter { $0.number == 769 || $0.number == 1111 }.allSatisfy { $0.partOf == total && total != nil })
    }
    @Test func changesInParenthesesAreNotParts() {
        let fs = figures("toàn tỉnh xảy ra 91 vụ, làm chết 43 người, bị thương 98 người ( giảm 61 vụ, giảm 09 người chết, giảm 75 người bị thương so với năm 2016).")
        #expect(!fs.isEmpty)
        #expect(fs.allSatisfy { $0.partOf == nil })
        // Parts must count what the total counts.
        #expect(figures("đã cấp 120 giấy phép (45 xã, 30 thị trấn)").allSatisfy { $0.partOf == nil })
    }
    @Test func countsInWords() {
        let a = figures("Tặng Bằng khen cho hai gia đình và một cá nhân.").filter { $0.kind == .award }
        #expect(a.map(\.count) == [2, 1])
        #expect(a.map(\.recipient) == ["gia đình", "cá nhân"])
        #expect(a.first?.text == "hai gia đình")
        let b = figures("Chủ tịch UBND tỉnh tặng Bằng khen cho mười hai tập thể, hai mươi lăm cá nhân.").filter { $0.kind == .award }
        #expect(b.map(\.count) == [12, 25])
        // Words that only look like numbers are not counts.
        #expect(figures("một số đơn vị chưa hoàn thành, hai bên cùng thống nhất").isEmpty)
    }
    @Test func quantitiesInWords() {
        let q = one("Năm 2019, huyện hỗ trợ xây nhà cho mười lăm hộ nghèo.", .quantity)
        #expect(q?.number == 15)
        #expect(q?.text == "mười lăm hộ nghèo")
        #expect(q?.unit == "hộ nghèo")
        #expect(one("Ba xã đạt chuẩn nông thôn mới trong năm.", .quantity)?.number == 3)
        #expect(one("có hai mươi lăm cá nhân tham gia", .quantity)?.number == 25)
        #expect(one("đã khởi công một trăm linh năm công trình", .quantity)?.number == 105)
        #expect(one("hỗ trợ năm trăm hộ nghèo", .quantity)?.number == 500)
        #expect(one("có năm mươi lăm cá nhân", .quantity)?.number == 55)
        // Not counts: an article, an ordinal, a year, a word that only looks like a number.
        #expect(one("Huyện là một đơn vị tiêu biểu của tỉnh.", .quantity) == nil)
        #expect(one("đây là lần thứ hai đơn vị được nhận cờ", .quantity) == nil)
        #expect(one("trong năm xã đã hoàn thành kế hoạch", .quantity) == nil)
        #expect(one("hai bên cùng thống nhất ký kết", .quantity) == nil)
    }
    @Test func countWithoutAwardTitleIsAQuantity() {
        #expect(one("có 47 tập thể, cá nhân được khen thưởng cấp Nhà nước", .award) == nil)
        #expect(one("có 47 tập thể, cá nhân được khen thưởng cấp Nhà nước", .quantity)?.number == 47)
    }
    @Test func periodAndMeasureAreAttached() {
        let fs = figures("Tổng kim ngạch xuất khẩu 6 tháng đầu năm 2018 ước đạt 51,71% kế hoạch.")
        let p = fs.first { $0.kind == .percent }
        #expect(p?.period == "2018-H1")
        #expect(p?.measure == "Tổng kim ngạch xuất khẩu")
    }
    @Test func paragraphLeadPeriodComesBeforeTheTitles() {
        let text = """
            Nhiệm vụ thi đua, khen thưởng 6 tháng cuối năm 2018

            Kết quả 6 tháng đầu năm 2018 đạt nhiều mặt. Khen cấp nhà nước, tổng số 82 tập thể, cá nhân.

            Khen cấp tỉnh cho 40 tập thể.
            """
        let fs = figures(text).filter { $0.kind == .quantity || $0.kind == .award }
        #expect(fs.first { $0.number == 82 || $0.count == 82 }?.period == "2018-H1")   // the paragraph opens with its period
        #expect(fs.first { $0.number == 40 || $0.count == 40 }?.period == "2018-H2")   // no period in its paragraph: the title's
    }

    /// What percents and amounts measure, in sentences of the corpus.
    @Test func measuresOfPercentsAndAmounts() {
        func measures(_ text: String) -> [String?] { figures(text).filter { $0.kind == .percent || $0.kind == .money }.map(\.measure) }
        // A period between the subject and the verb is not part of what is measured.
        #expect(measures("Tổng sản phẩm trên địa bàn (GRDP) 6 tháng đầu năm 2018 tăng 8,52% so cùng kỳ.") == ["Tổng sản phẩm trên địa bàn (GRDP)"])
        #expect(measures("Công tác tuyển quân năm 2017 đạt 100% chỉ tiêu.") == ["Công tác tuyển quân"])
        // A clause that goes on measures the same thing.
        #expect(measures("tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước đạt 50,16% kế hoạch và tăng 14,65% so cùng kỳ; Tổng kim ngạch xuất khẩu ước đạt 51,71% kế hoạch.")
            == ["tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "Tổng kim ngạch xuất khẩu"])
        #expect(measures("Tổng thu ngân sách ước đạt 57,75% dự toán Hội đồng nhân dân tỉnh giao, tăng 15,35% so cùng kỳ.")
            == ["Tổng thu ngân sách", "Tổng thu ngân sách"])
        #expect(measures("thu ngân sách hơn 52.623 tỉ đồng, bình quân đạt 57,78% kế hoạch năm.") == ["thu ngân sách", "thu ngân sách"])
        // After a quantity, what the quantity's clause is about.
        let tourism = measures("Khách quốc tế 308 ngàn lượt, đạt 71,8% kế hoạch, tăng 59,8% so với cùng kỳ.")
        #expect(tourism == ["Khách quốc tế", "Khách quốc tế"])
        #expect(measures("toàn tỉnh có 232 trường đạt chuẩn quốc gia, đạt 34,52%, tăng 2 trường.") == ["trường đạt chuẩn quốc gia"])
        #expect(measures("Giảm tỷ lệ hộ nghèo còn 3,86%/2%, bằng 193% KH.") == ["tỷ lệ hộ nghèo"])
        #expect(measures("giải quyết việc làm cho 10.720 lao động, bằng 102% KH.") == ["giải quyết việc làm"])
        // Verbs joined by "và" are skipped; a verb at the start is not the subject.
        #expect(measures("Nhiều chỉ tiêu quan trọng đã thực hiện vượt và đạt trên 45% kế hoạch năm.") == ["Nhiều chỉ tiêu quan trọng"])
        #expect(measures("các trường học đạt chuẩn xanh, đạt tỷ lệ 87,75% so với năm trước.") == ["tỷ lệ"])
        // Nothing to name: no measure rather than a wrong one.
        #expect(measures("Trong năm, tăng 12% so với cùng kỳ.") == [nil])
        // In parentheses: what stands before them, a figure or words.
        #expect(measures("thu hoạch cây hàng năm đạt 47.124 ha (tăng 38,2% so với cùng kỳ); trong đó: lúa 35.023 ha, (tăng 56,4%), bắp 4.022 ha (giảm 5,0%).")
                == ["thu hoạch cây hàng năm", "lúa", "bắp"])
        #expect(measures("Một số ngành tăng so với cùng kỳ như: dệt (+5,2%); trang phục (+4,26%).") == ["dệt", "trang phục"])
        // A sector's name holds its comma or dash.
        #expect(measures("Khu vực nông, lâm nghiệp và thủy sản tăng 2,96%; công nghiệp chế biến, chế tạo tăng 8%; công nghiệp - xây dựng tăng 12,5%.")
                == ["Khu vực nông, lâm nghiệp và thủy sản", "công nghiệp chế biến, chế tạo", "công nghiệp - xây dựng"])
        // A verb's syllable that begins a word is the word's ("tăng trưởng", "mức sống"); a
        // verb of two words is a verb ("ước tính", "phấn đấu").
        #expect(measures("Đáng lưu ý, mức tăng trưởng thực tế đạt 6,83%.") == ["tăng trưởng thực tế"])
        #expect(measures("Năm 2019, mức sống dân cư tăng 3%.") == ["mức sống dân cư"])
        #expect(measures("Ước tính chỉ số sản xuất công nghiệp 6 tháng đầu năm 2018 tăng 14,34%.") == ["chỉ số sản xuất công nghiệp"])
        #expect(measures("Tổng thu ngân sách ước tính đạt 10.450,5 tỷ đồng.") == ["Tổng thu ngân sách"])
        #expect(measures("Năm 2020, phấn đấu đạt danh hiệu nông dân giỏi 70,9%.") == ["danh hiệu nông dân giỏi"])
        // An aside in parentheses before the verb is not the subject; the words before it are.
        #expect(measures("GRDP 6 tháng đầu năm 2021 (theo giá so sánh 2010) ước tính được 11.253,59 tỷ đồng, đạt 44,9% kế hoạch.")
                == ["GRDP", "GRDP"])
        #expect(measures("Doanh thu (tính cả thuế) ước đạt 5,2 tỷ đồng.") == ["Doanh thu"])
        // Parentheses that hold a figure are no aside: the amount after them names nothing.
        #expect(measures("Doanh thu (bằng 105% kế hoạch) ước đạt 5,2 tỷ đồng.") == ["Doanh thu", nil])
        // A heading on the line above is not the subject.
        #expect(measures("Tổng sản phẩm trên địa bàn (GRDP)\n\nGRDP trên địa bàn tỉnh 6 tháng đầu năm 2019 ước tính đạt 26.677 tỷ đồng.")
                == ["GRDP trên địa bàn tỉnh"])
        // A bare share is the share of what the count before it counts.
        #expect(measures("có 42/82 xã được công nhận đạt chuẩn nông thôn mới, chiếm tỷ lệ 51% tổng số xã.") == ["tỷ lệ xã được công nhận đạt chuẩn nông thôn mới"])
    }

    /// What counts measure: their unit and the words that qualify it in their clause.
    @Test func measuresOfCounts() {
        func measures(_ text: String) -> [String?] { figures(text).filter { $0.kind == .quantity || $0.kind == .ratio }.map(\.measure) }
        #expect(measures("Điện Biên có 44/115 xã đạt chuẩn và cơ bản đạt chuẩn nông thôn mới.") == ["xã đạt chuẩn và cơ bản đạt chuẩn nông thôn mới"])
        #expect(measures("Trong đó, có 21 xã đạt chuẩn, 23 xã cơ bản đạt chuẩn nông thôn mới.") == ["xã đạt chuẩn", "xã cơ bản đạt chuẩn nông thôn mới"])
        #expect(measures("Năm 2018 đã bê tông hóa được 74 km đường giao thông nông thôn, nâng tổng số đến nay là 1.959 km.")
                == ["km đường giao thông nông thôn", "km"])
        // It ends at a word that compares or places the count, and a duration measures time.
        #expect(measures("toàn tỉnh có 14 xã đạt chuẩn nông thôn mới trên địa bàn 4 huyện.") == ["xã đạt chuẩn nông thôn mới", "huyện"])
        #expect(measures("Qua 3 năm xây dựng xã nông thôn mới nâng cao, xã tiếp tục đầu tư.") == ["năm"])
        #expect(measures("Toàn tỉnh có 1.200 hộ thoát nghèo, tăng 5% so với năm trước.") == ["hộ thoát nghèo"])
    }

    /// `--measure` as users type it: folded, with abbreviations.
    @Test func measureQueries() {
        let ntm = MeasureQuery("NTM")
        #expect(ntm.alternatives == [["ntm"], ["nong", "thon", "moi"]])
        #expect(ntm.matches("xã đạt chuẩn nông thôn mới") && ntm.matches("xã đạt chuẩn NTM") && !ntm.matches("xã đạt chuẩn"))
        let spelled = MeasureQuery("Tổng sản phẩm trên địa bàn")
        #expect(spelled.matches("GRDP") && spelled.matches("tổng sản phẩm trên địa bàn (GRDP)"))
        #expect(MeasureQuery("nong thon moi").matches("Xã được công nhận đạt chuẩn Nông thôn mới"))
        #expect(MeasureQuery("tỉ lệ hộ nghèo").matches("Tỷ lệ hộ nghèo") && MeasureQuery("tỷ lệ").matches("tỉ lệ"))
        #expect(MeasureQuery("  , ").alternatives.isEmpty)
        #expect(!MeasureQuery("nông thôn").matches(nil))
    }
}
