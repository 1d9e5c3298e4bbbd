import SolieuExtract
import Testing

/// The award link rules (Kinds/AwardLinks.swift, AwardTables.swift), each with its examples:
/// the shapes real bulletins use, and the traps next to them.
struct AwardLinkTests {
    func awards(_ text: String) -> [Figure] { Extractor.extract(text).filter { $0.kind == .award } }
    func summary(_ text: String) -> [String] {
        awards(text).map { "\($0.award ?? "?") \($0.count ?? -1) \($0.recipient ?? "nil")" }
    }

    // MARK: titleThenCounts

    @Test func titleColonCounts() {
        #expect(summary("Cờ thi đua của UBND tỉnh: 12 tập thể; Tập thể Lao động xuất sắc: 40 tập thể.")
            == ["Cờ thi đua 12 tập thể", "Tập thể Lao động xuất sắc 40 tập thể"])
        #expect(awards("Cờ thi đua của UBND tỉnh: 12 tập thể").first?.conferrer == "UBND tỉnh")
        #expect(summary("2. Đề nghị tặng Huân chương Lao động hạng Nhì: 03 tập thể\n- Sở Y tế\n- Sở Tài chính")
            == ["Huân chương Lao động 3 tập thể"])
        #expect(awards("2. Đề nghị tặng Huân chương Lao động hạng Nhì: 03 tập thể").first?.awardClass == 2)
    }
    @Test func titleWordsThenCho() {
        #expect(summary("Chủ tịch UBND tỉnh tặng Bằng khen vì đã có thành tích xuất sắc trong công tác năm 2022 cho 10 tập thể và 25 cá nhân.")
            == ["Bằng khen 10 tập thể", "Bằng khen 25 cá nhân"])
        // "cho" that does not start the counts yet.
        #expect(summary("tặng Giấy khen cho thành tích xuất sắc cho 5 tập thể") == ["Giấy khen 5 tập thể"])
        // A sentence boundary ends the reach of a title.
        #expect(awards("Tặng Bằng khen. Có 5 tập thể tham dự hội nghị.").isEmpty)
    }
    @Test func headingWithItemsOnTheirLines() {
        #expect(summary("Huân chương Lao động hạng Ba:\n- 02 tập thể\n- 05 cá nhân\nNgoài ra, 300 người tham dự.")
            == ["Huân chương Lao động 2 tập thể", "Huân chương Lao động 5 cá nhân"])
    }
    @Test func peopleNounsAndLượt() {
        #expect(summary("trao tặng danh hiệu Bà mẹ Việt Nam anh hùng cho 14 mẹ") == ["Bà mẹ Việt Nam anh hùng 14 mẹ"])
        #expect(summary("1.200 lượt cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở") == ["Chiến sĩ thi đua cơ sở 1200 cá nhân"])
        #expect(summary("tặng Bằng khen cho 3 đồng chí, 2 cán bộ") == ["Bằng khen 3 đồng chí", "Bằng khen 2 cán bộ"])
    }
    @Test func partyBadgesNamedByTheirClass() {
        // "Huy hiệu 50 năm tuổi Đảng" is the Party's badge; the years stay a quantity.
        #expect(summary("Có 2 đảng viên được trao Huy hiệu 75 năm tuổi Đảng, 1 đảng viên được trao Huy hiệu 70 năm tuổi Đảng.")
            == ["Huy hiệu Đảng 2 đảng viên", "Huy hiệu Đảng 1 đảng viên"])
        #expect(Extractor.extract("2 đảng viên được trao Huy hiệu 75 năm tuổi Đảng").contains { $0.kind == .quantity && $0.number == 75 })
        // A total whose parts follow in its sentence, across the badge classes between them.
        let total = Extractor.extract("Trong số 10 đảng viên được trao tặng Huy hiệu Đảng lần này có 3 đảng viên được trao Huy hiệu 60 năm tuổi Đảng, 7 đảng viên được trao Huy hiệu 30 năm tuổi Đảng.")
        #expect(total.contains { $0.kind == .quantity && $0.number == 10 && $0.unit == "đảng viên" })
        #expect(total.filter { $0.kind == .award }.map { $0.count ?? 0 } == [3, 7])
    }
    @Test func actsInParenthesesOrJoinedByADash() {
        #expect(summary("235 bà mẹ được Nhà nước phong tặng (hoặc truy tặng) danh hiệu Bà Mẹ Việt Nam Anh hùng.") == ["Bà mẹ Việt Nam anh hùng 235 bà mẹ"])
        #expect(summary("1287 bà mẹ được phong tặng - truy tặng danh hiệu Bà Mẹ Việt Nam anh hùng.") == ["Bà mẹ Việt Nam anh hùng 1287 bà mẹ"])
        #expect(summary("73 tập thể được Nhà nước phong tặng danh hiệu Anh hùng LLVT nhân dân.") == ["Anh hùng Lực lượng vũ trang nhân dân 73 tập thể"])
    }
    @Test func countsAfterCóWithATitleOfTheirOwn() {
        // After "và có", counts that go on to their own act and title are that title's.
        #expect(summary("Tỉnh được tặng thưởng Huân chương Độc lập hạng nhất và có 123 tập thể, cá nhân được truy tặng, công nhận Anh hùng lực lượng vũ trang.")
            == ["Anh hùng Lực lượng vũ trang nhân dân 123 tập thể, cá nhân"])
        // "trong đó có 2 mẹ còn sống": a subset of the count before, not recipients of the title.
        let living = Extractor.extract("Toàn tỉnh có 121 bà mẹ được Chủ tịch nước phong tặng danh hiệu vinh dự Nhà nước “Bà mẹ Việt Nam Anh hùng”, trong đó có 2 mẹ còn sống.")
        #expect(living.filter { $0.kind == .award }.map { $0.count ?? 0 } == [121])
        #expect(living.contains { $0.kind == .quantity && $0.number == 2 })
        // The "có" rule itself still links: "Huy hiệu Đảng lần này có 5 đảng viên".
        #expect(summary("Đợt này trao Huy hiệu Đảng lần này có 5 đảng viên.") == ["Huy hiệu Đảng 5 đảng viên"])
    }
    @Test func aGenericTitleOfEveryClassCountsAcrossKinds() {
        // "Huân chương các hạng cho 111 tập thể, cá nhân": no one medal, so a quantity.
        let f = Extractor.extract("Chủ tịch nước tặng thưởng Huân chương các hạng cho 111 tập thể, cá nhân.")
        #expect(f.filter { $0.kind == .award }.isEmpty)
        #expect(f.contains { $0.kind == .quantity && $0.number == 111 })
        #expect(summary("Chủ tịch nước tặng thưởng Huân chương Lao động hạng Ba cho 11 cá nhân.") == ["Huân chương Lao động 11 cá nhân"])
    }
    @Test func misspelledAndLowerCaseTitles() {
        #expect(summary("tặng Huân chương Kháng chiên cho 3 gia đình") == ["Huân chương kháng chiến 3 gia đình"])
        #expect(summary("công nhận danh hiệu chiến sỹ thi đua cơ sở cho 45 cá nhân") == ["Chiến sĩ thi đua cơ sở 45 cá nhân"])
        #expect(summary("tặng bằng khen của chủ tịch UBND tỉnh cho 7 tập thể") == ["Bằng khen 7 tập thể"])
        #expect(awards("tặng bằng khen của chủ tịch UBND tỉnh cho 7 tập thể").first?.conferrer == "Chủ tịch UBND tỉnh")
        #expect(summary("tặng Huân chươg Lao động hạng Ba cho 2 cá nhân") == ["Huân chương Lao động 2 cá nhân"])
    }

    // MARK: sharedTitle

    @Test func twoMentionsOfOneTitleShareTheCounts() {
        #expect(summary("Bằng khen toàn diện và Bằng khen chuyên đề: 20 tập thể và 44 cá nhân")
            == ["Bằng khen 20 tập thể", "Bằng khen 44 cá nhân"])
    }
    @Test func twoDifferentTitlesSharingCountsStayQuantities() {
        let fs = Extractor.extract("Huân chương Độc lập và Huân chương Lao động: 5 tập thể")
        #expect(fs.filter { $0.kind == .award }.isEmpty)
        #expect(fs.first { $0.kind == .quantity }?.number == 5)
    }

    // MARK: countsThenTitle

    @Test func countsBeforeTheTitle() {
        #expect(summary("Có 2 tập thể, 3 cá nhân được đề nghị tặng Bằng khen của Thủ tướng Chính phủ")
            == ["Bằng khen 2 tập thể", "Bằng khen 3 cá nhân"])
        #expect(awards("Có 2 tập thể, 3 cá nhân được đề nghị tặng Bằng khen của Thủ tướng Chính phủ").allSatisfy { $0.conferrer == "Thủ tướng Chính phủ" })
        #expect(summary("2 tập thể đề nghị tặng thưởng Huân chương Lao động hạng Ba, gồm Sở Y tế và Sở Nội vụ")
            == ["Huân chương Lao động 2 tập thể"])
        let c = awards("12 tập thể được Chủ tịch nước tặng thưởng Huân chương Lao động hạng Ba")
        #expect(c.first?.count == 12 && c.first?.conferrer == "Chủ tịch nước" && c.first?.awardClass == 3)
        #expect(summary("11 tập thể và 8 cá nhân thuộc LLVT Quảng Ngãi phong tặng, truy tặng Danh hiệu Anh hùng LLVTND")
            == ["Anh hùng Lực lượng vũ trang nhân dân 11 tập thể", "Anh hùng Lực lượng vũ trang nhân dân 8 cá nhân"])
        // Counts with other words between are not tied to the title.
        #expect(awards("Hội nghị có 200 đại biểu tham dự; tặng Bằng khen.").isEmpty)
        #expect(awards("5 tập thể tham gia hội thi, ban tổ chức trao Giấy khen").isEmpty)
    }

    // MARK: bareCounts

    @Test func bareCountsAndTheirTotals() {
        #expect(summary("trao 08 Cờ thi đua") == ["Cờ thi đua 8 tập thể"])
        // One recipient phrase naming the same number: one award.
        let same = Extractor.extract("trao 20 Bằng khen cho 20 cá nhân")
        #expect(same.filter { $0.kind == .award }.map(\.count) == [20])
        #expect(same.filter { $0.kind == .quantity }.isEmpty)
        // A different number: the award's count is the title's, the recipient count a quantity.
        let diff = Extractor.extract("trao 17 Huy chương Kháng chiến cho 24 gia đình")
        #expect(diff.filter { $0.kind == .award }.map(\.count) == [17])
        #expect(diff.filter { $0.kind == .quantity }.map(\.number) == [24])
        #expect(diff.allSatisfy { $0.partOf == nil })
    }
    @Test func awardListThenOneRecipientTotal() {
        let fs = Extractor.extract("trao 2 Huân chương Độc lập, 5 Huân chương Kháng chiến và 17 Huy chương Kháng chiến cho 24 gia đình")
        let a = fs.filter { $0.kind == .award }
        #expect(a.map(\.count) == [2, 5, 17])
        #expect(a.map(\.award) == ["Huân chương Độc lập", "Huân chương kháng chiến", "Huy chương kháng chiến"])
        #expect(a.allSatisfy { $0.recipient == "gia đình" })
        let total = fs.firstIndex { $0.kind == .quantity && $0.number == 24 }
        #expect(total != nil && a.allSatisfy { $0.partOf == total })
    }

    // MARK: tables

    @Test func awardTableRowsUnderARecipientHeader() {
        let text = """
            Kết quả khen thưởng năm 2023:
            STT | Hình thức | Tập thể | Cá nhân
            1 | Bằng khen của Chủ tịch UBND tỉnh | 73 | 158
            2 | Giấy khen | 40 | 95
            Tổng cộng | | 113 | 253
            """
        let fs = Extractor.extract(text)
        #expect(fs.filter { $0.kind == .award }.map { "\($0.award!) \($0.count!) \($0.recipient!)" }
            == ["Bằng khen 73 tập thể", "Bằng khen 158 cá nhân", "Giấy khen 40 tập thể", "Giấy khen 95 cá nhân"])
        let totals = fs.enumerated().filter { $0.element.kind == .quantity }
        #expect(totals.map { $0.element.number } == [113, 253])
        // Each total is the total of its column.
        #expect(fs.filter { $0.kind == .award && $0.recipient == "tập thể" }.allSatisfy { $0.partOf == totals.first?.offset })
        // A table with no recipient header gives no awards from its numbers.
        #expect(Extractor.extract("Chỉ tiêu | 2022 | 2023\nBằng khen | 73 | 158").filter { $0.kind == .award }.isEmpty)
    }
}

/// Shapes of other figure families that real bulletins use: dates without a year, official
/// number lines and headings, multiples and scale words, months said again, percent roles.
struct RealShapeTests {
    func figures(_ text: String, published: String? = nil) -> [Figure] { Extractor.extract(text, published: published) }

    @Test func datesWithoutAYear() {
        let fs = figures("Sáng 25-11, tỉnh họp. Ngày 3.9 khai giảng, ngày 14 tháng 8 tổng kết.", published: "2023-12-01")
            .filter { $0.kind == .date }
        #expect(fs.map(\.calendar) == ["2023-11-25", "2023-09-03", "2023-08-14"])
        #expect(fs.allSatisfy { $0.inferred })
        // The year of the last full date before it wins over the document's.
        let g = figures("Ngày 20/12/2022 tỉnh ban hành kế hoạch; ngày 28/12 tổng kết.", published: "2023-02-01").filter { $0.kind == .date }
        #expect(g.map(\.calendar) == ["2022-12-20", "2022-12-28"])
        // After publication: the year before only when the text says it is past.
        #expect(figures("Ngày 28/12 vừa qua, tỉnh tổng kết.", published: "2023-01-05").first { $0.kind == .date }?.calendar == "2022-12-28")
        #expect(figures("Ngày 28/12, tỉnh sẽ tổng kết.", published: "2023-01-05").first { $0.kind == .date }?.calendar == "2023-12-28")
        // Not dates: a ratio, a fraction of a code.
        #expect(figures("đạt 3.9 điểm").filter { $0.kind == .date }.isEmpty)
    }
    @Test func officialNumberLinesAndHeadings() {
        let s = figures("UBND TỈNH NGHỆ AN\nSố: 217/KH-UBND\n").first { $0.kind == .docref }
        #expect(s?.docNumber == "217/KH-UBND" && s?.docType == "Kế hoạch" && s?.issuer == "UBND")
        let h = figures("NGHỊ QUYẾT SỐ 08/NQ-HĐND NGÀY 12 THÁNG 3 NĂM 2022 VỀ KẾ HOẠCH")
        #expect(h.count == 1)
        #expect(h.first?.docNumber == "08/NQ-HĐND" && h.first?.docType == "Nghị quyết" && h.first?.docDate == "2022-03-12")
        let shared = figures("Chủ tịch nước ký các Quyết định số 543, 544, 545/QĐ-CTN ngày 5/7/2012 tặng thưởng.")
        #expect(shared.map(\.docNumber) == ["543/QĐ-CTN", "544/QĐ-CTN", "545/QĐ-CTN"])
        #expect(shared.allSatisfy { $0.kind == .docref && $0.docDate == "2012-07-05" })
        // "Số:" with a code that names no document type is not a reference.
        #expect(figures("Số: 12/ABC").filter { $0.kind == .docref }.isEmpty)
    }
    @Test func multiplesScaleWordsAndMonths() {
        let fs = figures("Sản lượng đạt 12 vạn tấn, tăng 1,8 lần; hội nghị lần thứ 5. Tháng 10 tỉnh thu hoạch.", published: "2023-11-02")
        #expect(fs.first { $0.unit == "tấn" }?.number == 120_000)
        #expect(fs.first { $0.unit == "lần" }?.number == 1.8)
        #expect(fs.filter { $0.unit == "lần" }.count == 1)
        #expect(fs.first { $0.kind == .period }?.calendar == "2023-10")
        #expect(figures("năm học 2023-2024").first?.calendar == "2023/2024")
        // "tháng 3 - 6/2027" is an interval, not a month of the document's year.
        #expect(figures("kéo dài đến khoảng tháng 3 - 6/2027", published: "2026-01-01").filter { $0.calendar == "2026-03" }.isEmpty)
    }
    @Test func moreIntervalsAndMonthCounts() {
        func periods(_ text: String, published: String? = nil) -> [String?] { figures(text, published: published).filter { $0.kind == .period }.map(\.calendar) }
        #expect(periods("vụ đông xuân 2016-2017 đạt") == ["2016/2017"])
        #expect(periods("giai đoạn 5 năm (2015 – 2020)") == ["2015/2020"])
        #expect(periods("từ năm 2009 đến năm 2013, tỉnh") == ["2009/2013"])
        #expect(periods("lũy kế 7 tháng đầu năm 2013 đạt") == ["2013-01/2013-07"])
        #expect(periods("dự kiến tổ chức trong 2 ngày 17-18/7/2020") == ["2020-07-17/2020-07-18"])
        #expect(figures("dự kiến tổ chức trong 2 ngày 17-18/7/2020").first { $0.kind == .quantity }?.unit == "ngày")
        #expect(periods("tăng 5,5% (kế hoạch 2023 tăng 8% trở lên), theo giá so sánh 2010") == ["2023", "2010"])
        #expect(periods("Năm 2013, lũy kế 9 tháng đạt 50 tỷ đồng; trong 7 tháng qua tỉnh thu 30 tỷ đồng. Dự án hoàn thành trong 9 tháng.")
            == ["2013", "2013-01/2013-09", "2013-01/2013-07"])
        #expect(periods("kh 2023").count == 1)
        #expect(periods("giảm 461 ha so với vụ xuân 2018; vụ hè thu 2023 đạt") == ["2018", "2023"])
        #expect(periods("Từ năm 1994 đến hết năm 2012, toàn tỉnh") == ["1994/2012"])
        #expect(periods("diễn ra từ ngày 7/9 đến 8/9/2015 tại tỉnh") == ["2015-09-07/2015-09-08"])
        // A day near a full date takes its year; one far from it, the document's.
        let near = figures("kỷ niệm 70 năm (28/8/1954 - 28/8/2024). Ngày 28/8, thành phố tổ chức lễ.", published: "2024-08-29")
        #expect(near.filter { $0.kind == .date }.map(\.calendar) == ["2024-08-28"])
        // Only a year compared with "cùng kỳ": the text reports on the year after.
        #expect(periods("Đến tháng 7 này, sản xuất tăng 5% so với cùng kỳ năm 2012.") == ["2013-07", "2012"])
        // A year a figure is compared with does not give a later month or half-year its year.
        #expect(periods("tăng 5% so với cùng kỳ năm 2019. Kết quả 6 tháng đầu năm rất tốt.", published: "2020-07-02").last == "2020-H1")
        #expect(periods("theo giá so sánh 2010, 6 tháng đầu năm tăng", published: "2024-07-02").last == "2024-H1")
        // A day without a year and no document date: the next full date's year.
        #expect(figures("Sáng ngày 22/3, tỉnh công bố Quyết định ngày 17/3/2025.").first { $0.kind == .date }?.calendar == "2025-03-22")
    }
    @Test func signedPercents() {
        #expect(figures("giảm 461 ha (-0,36%) so với năm trước").first { $0.kind == .percent }?.number == -0.36)
        #expect(figures("dệt (+5,2%); trang phục (+4,26%)").filter { $0.kind == .percent }.map(\.number) == [5.2, 4.26])
        // A dash between two numbers is not a sign.
        #expect(figures("từ 10-15% số hộ").filter { $0.kind == .percent }.map(\.number) == [15])
    }
    @Test func percentRoles() {
        func role(_ text: String) -> String { figures(text).first { $0.kind == .percent }.map { ($0.role ?? "nil") + ($0.sign.map { " \($0)" } ?? "") } ?? "none" }
        #expect(role("thu ngân sách ước đạt 50,16% kế hoạch") == "plan")
        #expect(role("bằng 102% KH") == "plan")
        #expect(role("là 15/13 trường, bằng 115%KH") == "plan")
        #expect(role("đạt 105% dự toán") == "plan")
        #expect(role("tăng 1,12% so với cùng kỳ") == "change 1")
        #expect(role("giảm 2% so với năm trước") == "change -1")
        #expect(role("GRDP tăng trưởng 8,52%") == "change 1")
        #expect(role("tỷ lệ hộ nghèo giảm còn 3,2%") == "share")
        #expect(role("tốc độ tăng tổng sản phẩm trên địa bàn đạt 7,57%") == "change 1")
        #expect(role("tăng trưởng kinh tế ước đạt 8%") == "change 1")
        #expect(role("49/118 xã, chiếm 41,5%") == "share")
    }
}

/// The award link rules met in fixtures/real, in general terms, with their traps.
struct MoreAwardLinkTests {
    func summary(_ text: String) -> [String] {
        Extractor.extract(text).filter { $0.kind == .award }.map { "\($0.award ?? "?") \($0.awardClass.map { "h\($0) " } ?? "")\($0.count ?? -1) \($0.recipient ?? "nil")" }
    }

    @Test func classCarriedOverAfterSemicolons() {
        #expect(summary("- Huân chương Độc lập hạng Nhất: 1 tập thể; hạng Nhì: 3 tập thể, 3 cá nhân; hạng Ba: 4 tập thể, 8 cá nhân.")
            == ["Huân chương Độc lập h1 1 tập thể", "Huân chương Độc lập h2 3 tập thể", "Huân chương Độc lập h2 3 cá nhân",
                "Huân chương Độc lập h3 4 tập thể", "Huân chương Độc lập h3 8 cá nhân"])
    }
    @Test func countBrokenDownByPlaceInParentheses() {
        let fs = Extractor.extract("có 57 mẹ được phong tặng danh hiệu Bà mẹ Việt Nam anh hùng (huyện Tây Hòa: 19; TP Tuy Hòa: 38).")
        #expect(fs.filter { $0.kind == .award }.map(\.count) == [19, 38])
        let total = fs.firstIndex { $0.kind == .quantity && $0.number == 57 }
        #expect(total != nil && fs.filter { $0.kind == .award }.allSatisfy { $0.partOf == total })
        let named = Extractor.extract("đợt này có 10 mẹ được phong tặng danh hiệu Bà mẹ Việt Nam anh hùng (Tân Thạnh 3 mẹ, Tân Hưng 3 mẹ, Vĩnh Hưng 4 mẹ).")
        #expect(named.filter { $0.kind == .award }.map(\.count) == [3, 3, 4])
        #expect(named.first?.kind == .quantity)
        #expect(summary("136 gia đình liệt sĩ nhận Huân Chương Độc lập hạng nhất, nhì, ba.") == ["Huân chương Độc lập 136 gia đình"])
        // A parenthesis that is not a breakdown changes nothing.
        #expect(summary("có 57 mẹ được phong tặng danh hiệu Bà mẹ Việt Nam anh hùng (đợt 2).") == ["Bà mẹ Việt Nam anh hùng 57 mẹ"])
    }
    @Test func aTotalStatedApartFromItsParts() {
        let fs = Extractor.extract("584 mẹ được phong tặng danh hiệu Bà mẹ Việt Nam anh hùng.\n\nTrong số đó, 13 mẹ được phong tặng, 571 mẹ được truy tặng.")
        #expect(fs.filter { $0.kind == .award }.map(\.count) == [13, 571])
        #expect(fs.filter { $0.kind == .award }.allSatisfy { $0.award == "Bà mẹ Việt Nam anh hùng" })
        #expect(fs.first?.kind == .quantity && fs.first?.number == 584)
        // Counts that do not add up to it leave the award alone.
        #expect(summary("584 mẹ được phong tặng danh hiệu Bà mẹ Việt Nam anh hùng. Có 13 mẹ còn sống, 500 mẹ đã mất.").first == "Bà mẹ Việt Nam anh hùng 584 mẹ")
    }
    @Test func actsWithoutATitleTakeTheOneThatNamesTheirNoun() {
        let fs = Extractor.extract("Lễ trao tặng danh hiệu Bà mẹ Việt Nam anh hùng.\n\nTrong tổng 44 mẹ lần này thì có 11 mẹ được trao tặng, 33 mẹ được truy tặng.")
        let a = fs.filter { $0.kind == .award }
        #expect(a.map(\.count) == [11, 33] && a.map(\.posthumous) == [false, true])
        #expect(fs.first?.kind == .quantity && a.allSatisfy { $0.partOf == 0 })
        let parts = Extractor.extract("Lễ phong tặng danh hiệu “Bà mẹ Việt Nam Anh hùng” cho 267 Mẹ Việt Nam anh hùng của tỉnh, trong đó có 34 mẹ được phong tặng và 233 mẹ được truy tặng.")
        #expect(parts.filter { $0.kind == .award }.map(\.count) == [34, 233])
        #expect(parts.first { $0.kind == .quantity }?.number == 267)
        #expect(Extractor.extract("Hôm nay (27/7), Hậu Giang tổ chức lễ. Sáng 30/10, tỉnh tổ chức Đại hội giai đoạn 2013-2018.").filter { $0.kind == .date }.map(\.calendar)
            == ["2018-07-27", "2018-10-30"])
        // A day before a full date in its sentence and no document date: that date's year.
        #expect(Extractor.extract("Ngày 28/8, huyện tổ chức lễ kỷ niệm 70 năm ngày Giải phóng huyện (28/8/1954-28/8/2024).").first { $0.kind == .date }?.calendar == "2024-08-28")
        #expect(Extractor.extract("Lễ trao tặng danh hiệu Bà mẹ Việt Nam anh hùng.\n\nTrong số 84 Mẹ được tôn vinh, có 3 mẹ còn sống.").filter { $0.kind == .award }.map(\.count) == [84])
        // A title that does not name the noun is not reached for.
        #expect(summary("Tỉnh trao Bằng khen cho nhiều đơn vị.\n\nCó 5 tập thể được trao tặng.").isEmpty)
    }
    @Test func countsAcrossKindsScaleWordsAndSignedRoles() {
        let q = Extractor.extract("trao tặng 591 Huân chương các loại cho các tập thể")
        #expect(q.filter { $0.kind == .award }.isEmpty && q.first { $0.kind == .quantity }?.number == 591)
        #expect(summary("tỉnh có gần 6 ngàn bà  Mẹ Việt Nam anh hùng") == ["Bà mẹ Việt Nam anh hùng 6000 cá nhân"])
        let r = Extractor.extract("giảm 461 ha (-0,36%); dệt (+5,2%)").filter { $0.kind == .percent }
        #expect(r.map(\.role) == ["change", "change"] && r.map(\.sign) == [-1, 1])
        #expect(summary("trao Bằng Lao động sáng tạo cho 32 tập thể, cá nhân") == ["Bằng Lao động sáng tạo 32 tập thể, cá nhân"])
    }
    @Test func aHeadlineRestatingALinkedTotal() {
        let fs = Extractor.extract("Thanh Hóa: Phong, truy tặng danh hiệu 584 Mẹ Việt Nam anh hùng\n\nTỉnh đã được Nhà nước phong tặng, truy tặng danh hiệu cao quý cho 584 bà mẹ Việt Nam anh hùng, trong đó có 13 mẹ được phong tặng và 571 mẹ được truy tặng.")
        #expect(fs.filter { $0.kind == .award }.map(\.count) == [13, 571])
        #expect(fs.filter { $0.kind == .quantity }.map(\.number) == [584, 584])
    }
    @Test func oneCountBeforeTwoTitlesIsAQuantity() {
        let fs = Extractor.extract("trao 121 Huân chương Chiến công và Huân chương Lao động cho các đơn vị")
        #expect(fs.filter { $0.kind == .award }.isEmpty)
        #expect(fs.first { $0.kind == .quantity }?.number == 121)
    }
    @Test func tặngAndClassifiersAndAsides() {
        #expect(summary("trao Huân chương Lao động hạng Ba của Chủ tịch nước tặng ba cá nhân") == ["Huân chương Lao động h3 3 cá nhân"])
        #expect(summary("đã trao 41 lá cờ thi đua cho các đơn vị") == ["Cờ thi đua 41 đơn vị"])
        #expect(summary("- Anh hùng Lao động: 1 tập thể (thời kỳ đổi mới), 1 cá nhân.") == ["Anh hùng Lao động 1 tập thể", "Anh hùng Lao động 1 cá nhân"])
        #expect(summary("- Anh hùng Lực lượng vũ trang nhân dân: Tỉnh Ninh Thuận, 5 huyện, 23 xã, phường và 13 cá nhân.")
            == ["Anh hùng Lực lượng vũ trang nhân dân 5 huyện", "Anh hùng Lực lượng vũ trang nhân dân 23 xã, phường", "Anh hùng Lực lượng vũ trang nhân dân 13 cá nhân"])
        #expect(summary("105 cán bộ, công chức, viên chức được công nhận danh hiệu chiến sĩ thi đua cơ sở") == ["Chiến sĩ thi đua cơ sở 105 cán bộ"])
        #expect(summary("29 mẹ được phong tặng, truy tặng danh hiệu Bà mẹ Việt Nam anh hùng") == ["Bà mẹ Việt Nam anh hùng 29 mẹ"])
    }
    @Test func aCountTiedToItsOwnTitleEndsAList() {
        #expect(summary("tỉnh cũng tặng Cờ thi đua cho 993 tập thể, 5.719 đơn vị đạt Tập thể lao động xuất sắc, 2.171 cá nhân được tặng danh hiệu Chiến sĩ thi đua cấp tỉnh.")
            == ["Cờ thi đua 993 tập thể", "Tập thể Lao động xuất sắc 5719 đơn vị", "Chiến sĩ thi đua cấp tỉnh 2171 cá nhân"])
    }
    @Test func proxiesBeforeTheCounts() {
        #expect(summary("Lãnh đạo huyện đã trao Bằng danh hiệu vinh dự Nhà nước “Bà mẹ Việt Nam Anh hùng” cho thân nhân 4 Mẹ.") == ["Bà mẹ Việt Nam anh hùng 4 mẹ"])
        // A subset after "trong đó có" is a quantity; the total stays the award.
        let fs = Extractor.extract("Huyện có 54 Bà mẹ Việt Nam Anh hùng, trong đó có 4 Mẹ còn sống.")
        #expect(fs.filter { $0.kind == .award }.map(\.count) == [54] && fs.filter { $0.kind == .quantity }.map(\.number) == [4])
    }
    @Test func describedCountsAfterCó() {
        #expect(summary("Trong số đảng viên được trao Huy hiệu Đảng lần này có 1 đảng viên 80 năm tuổi Đảng, 4 đảng viên 70 năm tuổi Đảng và 73 đảng viên 50 năm tuổi Đảng.")
            == ["Huy hiệu Đảng 1 đảng viên", "Huy hiệu Đảng 4 đảng viên", "Huy hiệu Đảng 73 đảng viên"])
        #expect(summary("hơn 54.480 gia đình có công với nước và 3.038 bà mẹ được phong tặng, truy tặng danh hiệu Bà mẹ Việt Nam anh hùng") == ["Bà mẹ Việt Nam anh hùng 3038 bà mẹ"])
    }
    @Test func namedOrdersAndUncountedRecipients() {
        #expect(summary("6 Huân chương Thành đồng, 3 Huân chương Giải phóng hạng Nhất") == ["Huân chương Thành đồng 6 nil", "Huân chương Giải phóng h1 3 nil"])
        #expect(summary("trao Huy hiệu “Vì sự nghiệp xây dựng và phát triển tỉnh Quảng Nam” cho 30 cá nhân")
            == ["Huy hiệu Vì sự nghiệp xây dựng và phát triển tỉnh Quảng Nam 30 cá nhân"])
        #expect(summary("132 Huân chương Độc lập cho gia đình có nhiều liệt sĩ") == ["Huân chương Độc lập 132 gia đình"])
        #expect(summary("Tỉnh trao hơn 1.000 Huy hiệu Đảng dịp Quốc khánh 2.9") == ["Huy hiệu Đảng 1000 cá nhân"])
        #expect(summary("Trao tặng bốn Huân chương Độc lập Hạng Nhì và 12 Huân chương Độc lập Hạng Ba cho các gia đình có nhiều liệt sĩ")
            == ["Huân chương Độc lập h2 4 gia đình", "Huân chương Độc lập h3 12 gia đình"])
        #expect(summary("Có 19 tập thể và 25 cá nhân được Bộ CHQS tỉnh tặng giấy khen vì thành tích") == ["Giấy khen 19 tập thể", "Giấy khen 25 cá nhân"])
        // Not counts: "một" (as often "a"), an ordinal.
        #expect(summary("đây là một Huân chương cao quý").isEmpty)
        // A generic title before a number: "Huy hiệu 50 năm tuổi Đảng" is the Party's badge (the
        // gold's "Huy hiệu Đảng", fixtures/real/dongthap-thanhnien-20250828); another number is not a name.
        #expect(summary("126 đảng viên được trao Huy hiệu 50 năm tuổi Đảng") == ["Huy hiệu Đảng 126 đảng viên"])
        #expect(summary("126 đảng viên được trao Huy hiệu 50 năm công tác") == ["Huy hiệu 126 đảng viên"])
    }
}
