import Foundation
import SolieuIngest
import SolieuTestSupport
import Testing

/// Every fixture's clean article against its gold (issue 2: F1 ≥ 0.97 on each seed and real page,
/// ≥ 0.97 on average over the portal-style pages).
struct FixtureTests {
    static let seeds = Project.files(in: "corpus", suffix: ".txt").map { String($0.dropLast(4)) }
    static let realPages = Project.files(in: "fixtures/html", suffix: ".html").map { String($0.dropLast(5)) }
    static let portalPages = Project.files(in: "fixtures/portal", suffix: ".html").map { String($0.dropLast(5)) }

    @Test func fixturesArePresent() {
        #expect(Self.seeds.count == 5)
        #expect(Self.realPages.count == 4)
        #expect(Self.portalPages.count >= 15)
    }

    @Test(arguments: seeds)
    func seedArticle(_ name: String) throws {
        let article = try Ingest.article(file: Project.path("corpus/\(name).txt"))
        let score = BagOfWordsScore(predicted: article.text, gold: Project.text("fixtures/seeds/\(name).article.txt"))
        #expect(score.f1 >= 0.97, "\(name): F1 \(score.f1)")
    }

    @Test(arguments: realPages)
    func realPage(_ name: String) throws {
        let article = try Ingest.article(file: Project.path("fixtures/html/\(name).html"))
        let score = BagOfWordsScore(predicted: article.text, gold: Project.text("fixtures/html/\(name).article.txt"))
        #expect(score.f1 >= 0.97, "\(name): F1 \(score.f1)")
    }

    @Test func portalPagesAverage() throws {
        var total = 0.0
        for name in Self.portalPages {
            let article = try Ingest.article(file: Project.path("fixtures/portal/\(name).html"))
            let score = BagOfWordsScore(predicted: article.text, gold: Project.text("fixtures/portal/\(name).article.txt"))
            #expect(score.f1 >= 0.9, "\(name): F1 \(score.f1)")
            total += score.f1
        }
        #expect(total / Double(Self.portalPages.count) >= 0.97)
    }

    @Test func articleStartsWithTitleAndDateLine() throws {
        for name in Self.portalPages {
            let article = try Ingest.article(file: Project.path("fixtures/portal/\(name).html"))
            let gold = Project.text("fixtures/portal/\(name).article.txt").components(separatedBy: "\n\n")
            #expect(article.paragraphs.first == gold[0], "\(name) title")
            #expect(article.title == gold[0], "\(name) title field")
        }
    }

    /// Titles and published dates stated by each fixture.
    @Test(arguments: [
        ("corpus/000_d273c28c48bdecee.txt", "5 nhiệm vụ, giải pháp đẩy mạnh công tác thi đua, khen thưởng 6 tháng cuối năm 2018", "2018-07-18"),
        ("corpus/001_55b5679f7e2e7ff6.txt", "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2017 và ký kết giao ước thi đua năm 2018 - Cụm Thi đua số 2 tỉnh Gia Lai.", "2018-01-30"),
        ("corpus/002_848630548fecf612.txt", "UBND tỉnh: Phát động đợt thi đua đặc biệt lập thành tích chào mừng Đại hội Đảng các cấp nhiệm kỳ 2020 - 2025", "2019-09-18"),
        ("corpus/003_543cc5bd10c723bc.txt", "HỘI NGHỊ SƠ KẾT GIAO ƯỚC THI ĐUA 6 THÁNG ĐẦU NĂM VÀ TRIỂN KHAI NHIỆM VỤ 6 THÁNG CUỐI NĂM 2018 CÁC TỈNH TÂY NAM BỘ", "2018-08-07"),
        ("fixtures/html/vn-cafef.html", "Thời điểm nâng hạng cận kề, MBS điểm tên 30 cổ phiếu Việt Nam có khả năng lọt rổ chỉ số FTSE", "2026-03-07"),
        ("fixtures/html/vn-nld.html", "Những sai sót hộ kinh doanh thường gặp khi thực hiện quy định mới về thuế", "2026-03-07"),
        ("fixtures/portal/aspnet-table-layout.html", "Tổng kết công tác thi đua, khen thưởng năm 2019 huyện Châu Thành", "2020-01-15"),
        ("fixtures/portal/sharepoint-rtestate.html", "Phát động phong trào thi đua chào mừng Đại hội Đảng bộ tỉnh lần thứ XI", "2020-06-05"),
        ("fixtures/portal/word-export-cp1258.html", "Phát động phong trào thi đua chào mừng Đại hội Đảng bộ tỉnh lần thứ XI", "2020-06-05"),
        ("fixtures/portal/dnn-easydnnnews.html", "Kết quả thực hiện phong trào thi đua Cả nước chung sức xây dựng nông thôn mới", "2018-12-28"),
        ("fixtures/portal/gov-vnpt-portal.html", "Kết quả thực hiện phong trào thi đua Cả nước chung sức xây dựng nông thôn mới", "2018-12-28"),
        ("fixtures/portal/liferay-asset-left.html", "Trao Huân chương Lao động cho các tập thể, cá nhân tỉnh Bến Tre", "2019-03-21"),
        ("fixtures/portal/gov-joomla.html", "UBND tỉnh khen thưởng các đơn vị xuất sắc trong phòng chống dịch", "2020-04-02"),
        ("fixtures/portal/drupal-node.html", "Quảng Ninh: Tổng kết phong trào thi đua \"Dân vận khéo\" giai đoạn 2016 - 2020", "2020-10-22T09:45"),
        ("fixtures/portal/bootstrap-cards.html", "Đồng Tháp khen thưởng 120 điển hình tiên tiến năm 2021", "2021-12-28T14:05"),
        ("fixtures/portal/webforms-form-wrapper.html", "Huyện Cần Giờ đạt chuẩn huyện nông thôn mới", "2022-01-06"),
        ("fixtures/portal/inline-related-links.html", "Trao tặng danh hiệu Bà mẹ Việt Nam anh hùng cho 12 mẹ", "2020-07-27"),
        ("fixtures/portal/print-view.html", "Sơ kết 6 tháng công tác thi đua khối các cơ quan Đảng", "2022-07-15"),
        ("fixtures/portal/comments-prose.html", "Bình Định tuyên dương 100 doanh nhân tiêu biểu năm 2022", "2022-10-14T16:30"),
        ("fixtures/portal/unmarked-doc-sidebar.html", "Hậu Giang sơ kết 3 năm thực hiện Chỉ thị 34-CT/TW", "2021-03-03"),
        ("fixtures/portal/logo-h1-generic-title.html", "Kon Tum: 95% hộ gia đình đạt danh hiệu Gia đình văn hóa", "2022-11-21T09:15"),
        ("fixtures/portal/amp-page.html", "Bạc Liêu: Trao Huy hiệu 50 năm tuổi Đảng cho 126 đảng viên", "2023-02-02T08:00"),
        ("fixtures/portal/related-before-body.html", "Hội nghị tập huấn nghiệp vụ thi đua, khen thưởng năm 2023", "2023-04-18"),
        ("fixtures/portal/news-tuoitre-shape.html", "TP.HCM khen thưởng 200 tập thể, cá nhân tiêu biểu trong phong trào thi đua", "2026-03-07T07:05"),
        ("fixtures/portal/news-dantri-shape.html", "Hà Tĩnh có thêm 15 xã đạt chuẩn nông thôn mới nâng cao", "2026-03-07T06:00"),
        ("fixtures/portal/news-baochinhphu-shape.html", "Chính phủ ban hành Nghị định mới về thi đua, khen thưởng", "2026-03-07T08:00"),
        ("fixtures/portal/table-listing-generic-title.html", "Huyện Phú Tân tổng kết công tác thi đua, khen thưởng năm 2022", "2023-01-10"),
        ("fixtures/portal/no-heading-generic-title.html", "Tuyên dương 63 gương người tốt, việc tốt năm 2022", "2022-12-22"),
        ("fixtures/portal/linked-docrefs-category-h1.html", "Triển khai Luật Thi đua, khen thưởng năm 2022 trên địa bàn tỉnh", "2023-06-20"),
    ])
    func titleAndDate(_ file: String, _ title: String, _ date: String) throws {
        let article = try Ingest.article(file: Project.path(file))
        #expect(article.title == title)
        #expect(article.published?.hasPrefix(date) == true, "published \(article.published ?? "nil")")
    }

    @Test func seedWithoutDateLineHasNoDate() throws {
        let article = try Ingest.article(file: Project.path("corpus/004_0774504c82276881.txt"))
        #expect(article.published == nil)
    }

    @Test func metadataFromMetaTags() throws {
        let article = try Ingest.article(file: Project.path("fixtures/html/vn-nld.html"))
        #expect(article.published == "2026-03-07T08:06:00+07:00")
        #expect(article.site == "Báo Người Lao Động Online")
        #expect(article.language == "vi")
        #expect(article.url?.hasPrefix("https://nld.com.vn/") == true)
        #expect(article.hash.count == 64)
    }
}
