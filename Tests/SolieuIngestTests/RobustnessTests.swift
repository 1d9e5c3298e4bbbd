import Foundation
@testable import SolieuIngest
import SolieuTestSupport
import Testing

/// Bad input gets a clear per-file error or a recovered article, never a crash or a hang.
struct RobustnessTests {
    func html(_ s: String) throws -> Article {
        try Ingest.article(bytes: Array(s.utf8), name: "t.html", format: .html)
    }

    /// Paragraphs are cut from the one stored text: the same strings, in order, and the same
    /// after a JSON round trip.
    @Test func paragraphsAreCutFromTheText() throws {
        let a = Article(source: "p.txt", title: nil, published: nil, site: nil, url: nil, language: "vi",
                        paragraphs: ["Tỉnh Cà Mau khen thưởng", "", "\u{1B}[2JHuân chương Lao động: 02 tập thể", "Đoạn ba có dấu “ngoặc”"],
                        warnings: [])
        #expect(a.paragraphs == ["Tỉnh Cà Mau khen thưởng", "Huân chương Lao động: 02 tập thể", "Đoạn ba có dấu “ngoặc”"])
        #expect(a.paragraphs.joined(separator: "\n\n") == a.text)
        #expect(a.paragraphs(first: 2) == Array(a.paragraphs.prefix(2)))
        #expect(a.paragraphs(first: 9) == a.paragraphs)
        let back = try JSONDecoder().decode(Article.self, from: JSONEncoder().encode(a))
        #expect(back == a && back.paragraphs == a.paragraphs)
    }

    @Test func emptyFile() {
        #expect(throws: IngestError(file: "e.html", reason: .empty)) { try Ingest.article(bytes: [], name: "e.html") }
        #expect(throws: IngestError(file: "e.txt", reason: .empty)) { try Ingest.article(bytes: Array(" \n\t\n".utf8), name: "e.txt") }
    }

    @Test func binaryFile() {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        bytes += (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        // Told by its first bytes: a PNG whatever its name says (read by OCR; this one is damaged).
        #expect(throws: IngestError(file: "x.png.html", reason: .unreadableDocument(format: "PNG", why: "its header cannot be read (damaged or not an image)"))) {
            try Ingest.article(bytes: bytes, name: "x.png.html")
        }
        // Bytes of no known kind are binary.
        bytes[0] = 0x01
        #expect(throws: IngestError(file: "x.bin.html", reason: .binary)) { try Ingest.article(bytes: bytes, name: "x.bin.html") }
    }

    @Test func errorNamesTheFile() {
        let error = IngestError(file: "a/b.html", reason: .noArticleFound)
        #expect(error.description == "a/b.html: no article text found")
        #expect(throws: IngestError.self) { try Ingest.article(file: "/nonexistent/x.html") }
    }

    @Test func pageWithOnlyFurnitureHasNoArticle() {
        #expect(throws: IngestError.self) {
            try html("<html><body><ul><li><a href='/'>Trang chủ</a></li></ul><p>Số lần đọc: 5</p></body></html>")
        }
    }

    /// Word-exported pages wrap list markers in downlevel conditionals; they are markup, never text.
    @Test func wordDownlevelConditionalsNeverReachTheText() throws {
        let page = """
            <html><head><meta charset="utf-8"><title>Tổng kết thi đua</title></head><body><div class="content">
            <h1>Tổng kết công tác thi đua, khen thưởng năm 2023</h1>
            <p class=MsoListParagraph><![if !supportLists]><span>-<span>&nbsp;&nbsp; </span></span><![endif]>Cờ thi đua của UBND tỉnh: 12 tập thể; Tập thể Lao động xuất sắc: 40 tập thể, kết quả đáng ghi nhận của toàn tỉnh.</p>
            <p class=MsoListParagraph><![IF !supportLists]><span>2.<span>&nbsp; </span></span><![ENDIF]>Bằng khen của Chủ tịch UBND tỉnh: 73 tập thể và 158 cá nhân có thành tích xuất sắc trong phong trào thi đua.</p>
            <!--[if gte mso 9]><xml><w:WordDocument>Normal</w:WordDocument></xml><![endif]-->
            </div></body></html>
            """
        let article = try html(page)
        #expect(!article.text.contains("<!["))
        #expect(!article.text.contains("endif") && !article.text.contains("supportLists") && !article.text.contains("ENDIF"))
        #expect(article.text.contains("- Cờ thi đua của UBND tỉnh: 12 tập thể"))
        #expect(article.text.contains("2. Bằng khen của Chủ tịch UBND tỉnh: 73 tập thể"))
    }

    /// A text whose title comes back as a photo caption after the lead keeps the lead.
    @Test func titleRepeatedAsACaptionKeepsTheLead() throws {
        let text = "Đón nhận phần thưởng cao quý\n07:56 | 13/03/2014\nNgày 12-3, UBND tỉnh trang trọng tổ chức Lễ trao tặng Huân chương Độc lập cho thân nhân của 73 gia đình liệt sĩ.\nĐón nhận phần thưởng cao quý\nCác gia đình được Chủ tịch nước phong tặng Huân chương Độc lập lần này gồm nhiều gia đình có công.\n"
        let article = try Ingest.article(bytes: Array(text.utf8), name: "t.txt", format: .text)
        #expect(article.text.contains("73 gia đình liệt sĩ"))
        // A title printed twice with only a category line between still loses the repeat.
        let twice = try Ingest.article(bytes: Array("Tỉnh tổng kết thi đua\nThời sự\nTỉnh tổng kết thi đua\nChiều 5/1, tỉnh tổ chức hội nghị tổng kết công tác thi đua khen thưởng năm 2023 với nhiều kết quả.\n".utf8), name: "t.txt", format: .text)
        #expect(twice.paragraphs.first == "Tỉnh tổng kết thi đua" && !twice.text.contains("Thời sự"))
    }

    @Test func truncatedPageRecovers() throws {
        let page = Project.text("fixtures/portal/dnn-easydnnnews.html")
        let cut = String(decoding: Array(page.utf8.prefix(page.utf8.count * 2 / 3)), as: UTF8.self)
        let article = try html(cut)
        #expect(article.title == "Kết quả thực hiện phong trào thi đua Cả nước chung sức xây dựng nông thôn mới")
        #expect(article.paragraphs.count >= 3)
    }

    @Test func deeplyNestedTags() throws {
        let depth = 100_000
        let page = "<html><body>" + String(repeating: "<div>", count: depth)
            + "<p>Năm 2019, toàn tỉnh có 52/118 xã đạt chuẩn nông thôn mới, tăng 9 xã so với năm 2018, chiếm 44,1% tổng số xã trên địa bàn.</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let article = try html(page)
        #expect(article.text.contains("52/118 xã"))
    }

    @Test func unclosedTagsEverywhere() throws {
        let article = try html("<html><body><h1>Tiêu đề bài viết về thi đua<p>Đoạn thứ nhất của bài viết, có đủ dài để được coi là nội dung chính của trang này.<p>Đoạn thứ hai của bài viết, cũng đủ dài để được coi là nội dung chính của trang.<table><tr><td>a<td>b</table>")
        #expect(article.paragraphs.contains("Đoạn thứ hai của bài viết, cũng đủ dài để được coi là nội dung chính của trang."))
    }

    /// An empty cell of a page's table keeps its place, as in DOCX, ODT and PDF tables: the 3
    /// stays under "Cá nhân", not "Tập thể". A row with one filled cell is no table row.
    @Test func emptyTableCellsKeepTheirPlace() throws {
        let intro = "<p>Tỉnh tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2019 và trao các danh hiệu cao quý cho tập thể, cá nhân.</p>"
        let rows = "<tr><td>Hình thức</td><td>Tập thể</td><td>Cá nhân</td></tr><tr><td>Bà mẹ Việt Nam anh hùng</td><td></td><td>3</td></tr>"
            + "<tr><td>Bằng khen</td><td>5</td><td> </td></tr><tr><td></td><td>Ghi chú: số liệu đến tháng 12</td><td></td></tr>"
        let article = try html("<html><body><h1>Tổng kết thi đua khen thưởng năm 2019</h1>\(intro)<table>\(rows)</table>\(intro)</body></html>")
        #expect(article.paragraphs.contains("Bà mẹ Việt Nam anh hùng | | 3"), "\(article.paragraphs)")
        #expect(article.paragraphs.contains("Bằng khen | 5"))
        #expect(!article.paragraphs.contains { $0.contains("| Ghi chú") })
    }

    @Test func siteSuffixIsStrippedFromThePageTitle() {
        #expect(HTMLArticle.stripSiteSuffix("Sơ kết thi đua 6 tháng đầu năm - Cổng thông tin tỉnh Kiên Giang") == "Sơ kết thi đua 6 tháng đầu năm")
        // The last separator: a dash inside the title stays.
        #expect(HTMLArticle.stripSiteSuffix("Khen thưởng 2018 - 2019 của tỉnh | Sở Nội vụ") == "Khen thưởng 2018 - 2019 của tỉnh")
        // A head too short to be a title: the title is kept whole.
        #expect(HTMLArticle.stripSiteSuffix("Tin tức - Cổng thông tin") == "Tin tức - Cổng thông tin")
        #expect(HTMLArticle.stripSiteSuffix("Không có hậu tố nào") == "Không có hậu tố nào")
    }

    @Test func titleOverlapCountsSharedWords() {
        let m = OverlapMatcher("khen thuong nam 2019 cua tinh")
        #expect(m.overlap("khen thuong nam 2019 cua tinh", atLeast: 0.6) == 1)
        #expect(m.overlap("khen  thuong nam 2019 cua", atLeast: 0.6) == 5.0 / 6.0)
        #expect(m.overlap("khen thuong", atLeast: 0.6) == 0)          // 2 of 6 words: under the threshold
        #expect(m.overlap("thi dua yeu nuoc toan dan", atLeast: 0.1) == 0)
        #expect(m.overlap("nam nam nam 2019 tinh tinh", atLeast: 0.1) == 3.0 / 6.0)  // each word counts once
    }

    @Test func blocksHiddenByInlineStyleAreDropped() throws {
        let body = "Đoạn nội dung chính của bài viết về công tác thi đua, khen thưởng năm 2019 của tỉnh, đủ dài để là bài."
        for style in ["display:none", "DISPLAY : NONE", "color:red; visibility: hidden"] {
            let article = try html("<html><body><h1>Khen thưởng năm 2019</h1><p>\(body)</p><div style=\"\(style)\"><p>Khối ẩn không được đọc vào bài viết này dù nó dài như một đoạn văn.</p></div></body></html>")
            #expect(!article.text.contains("Khối ẩn"), "\(style)")
            #expect(article.text.contains(body))
        }
        let shown = try html("<html><body><h1>Khen thưởng năm 2019</h1><p style=\"display:block; font-size: 12px\">\(body)</p></body></html>")
        #expect(shown.text.contains(body))
    }

    @Test func inlineMarkupDoesNotGlueWords() throws {
        let article = try html("<html><body><h1>Khen thưởng năm 2019</h1><p>Chủ tịch UBND tỉnh tặng Bằng<b>khen</b> cho 12 tập thể và <i>Giấy</i><i>khen</i> cho 25 cá nhân có thành tích xuất sắc trong năm 2019.</p></body></html>")
        #expect(article.text.contains("Bằng khen cho 12 tập thể và Giấy khen cho 25 cá nhân"))
    }

    @Test func lineBreakInsideParagraphKeepsTheLines() throws {
        let article = try html("<html><body><h1>Danh sách khen thưởng năm 2019</h1><p>Huân chương Lao động hạng Ba: 02 tập thể<br>Bằng khen của Thủ tướng Chính phủ: 05 cá nhân<br/>Cờ thi đua của UBND tỉnh: 16 tập thể, được trao tại hội nghị tổng kết năm.</p></body></html>")
        #expect(article.paragraphs.contains("Huân chương Lao động hạng Ba: 02 tập thể"))
        #expect(article.paragraphs.contains("Bằng khen của Thủ tướng Chính phủ: 05 cá nhân"))
    }

    /// Comments, scripts and styles are cut out before libxml2 reads the page; what stays must be
    /// exactly what libxml2 alone gives (the cuts end where its parser ends them).
    @Test(arguments: [
        """
        <html><head><title>T</title><style type="text/css">p > b { color: red }</style>
        <SCRIPT type='text/javascript' data-x="a>b">var s = "<p>không phải</p>"; if (a < b) {}</SCRIPT></head>
        <body><p>Một<!-- ghi chú <p>ẩn</p> -->hai</p>
        <script>document.write('<div>ẩn</div>'); // </scr' + 'ipt> còn</script>
        <p>Ba <script></script>bốn</p><style>/* <!-- */ .a{}</style><p>năm <!-- không đóng</p>
        """,
        "<p>Trước</p><script>var x = 1; <p>sau</p>",
        "<p>Một</p><scripts>hai</scripts><styles>ba</styles><p>bốn<!---->năm<!-- a -- b -->sáu</p>",
        "<p>a</p><script src=x / ><p>b</p></script ><p>c</p><style\n>d</STYLE\n><p>e</p>",
        "<div><!--[if IE]><p>IE</p><![endif]--><p>Nội dung</p><script>'</script><p>x</p>",
        "<p>a</p><svg viewBox='0 0 1 1'><g><svg><text>ẩn</text></svg><text>ẩn IE</text></g></svg><p>b</p>",
        "<p>a</p><SVG/><p>b</p><svg class=x /><p>c</p><svgs>d</svgs><svg><path d='M0 0'/></svg ><p>e</p>",
        "<div><p>a</p><svg><path/></div><p>b</p><svg><text>ẩn</text></svg>",
        "<p>a<svg><foreignObject><div>ẩn</div></foreignObject></svg>b</p><svg><style>.c{}</style></svg><p>c</p>",
        "<p>a</p><svg><!-- </svg> --><text>ẩn</text></svg><p>b</p><svg><text>ẩn",
        // Attribute values nobody reads are cut too; the tags must end where libxml2 ends them.
        "<div class=a title=\"x > y\"><a href='/t?a=1&b=2'title=\"t\"data-x='{\"k\":\"<p>ẩn</p>\"}'>Liên kết</a> văn bản</div>",
        "<p data-a=\"1\" data-b = '2' onclick=\"f('>')\" hidden>một</p><p style=\"display:none\" src=x>hai</p><p>hiện</p>",
        "<p>a</p><p title=\"không đóng>ẩn IE</p><p>b</p>",
        "<html lang=vi><head><link rel=\"canonical\" href=\"https://x.vn/a\"><meta name=\"title\" content=\"T\"></head><body><p><img alt=\"ảnh\" src=\"/a.jpg\">Chữ</p></body></html>",
    ])
    func rawTextIsCutWhereTheParserEndsIt(page: String) throws {
        let cutTree = try BlockTree.build(html: page), wholeTree = try BlockTree.build(html: page, cutRawText: false)
        let cut = cutTree.blocks.map(\.text)
        #expect(cut == wholeTree.blocks.map(\.text))
        #expect(cutTree.blocks.map(\.linkChars) == wholeTree.blocks.map(\.linkChars))
        #expect(cutTree.nodes.map(\.hidden) == wholeTree.nodes.map(\.hidden))
        #expect(cutTree.meta.meta == wholeTree.meta.meta && cutTree.meta.canonical == wholeTree.meta.canonical)
        #expect(!cut.isEmpty)
        #expect(!cut.joined().contains("ẩn") && !cut.joined().contains("IE") && !cut.joined().contains("color"))
    }

    /// Pages that would make the svg cut look for an end again and again (unclosed svgs, svgs
    /// that an HTML end tag far below closes) finish, and give what libxml2 alone gives.
    @Test func svgCutIsNotQuadratic() throws {
        let unclosed = "<p>Mở đầu</p>" + String(repeating: "<svg><path d='M0 0'/>", count: 100_000) + "<p>Kết thúc</p>"
        let blocked = "<div><p>Mở đầu</p>" + String(repeating: "<svg><g>", count: 50_000) + "</div><p>Kết thúc</p>"
        for page in [unclosed, blocked] {
            let cut = try BlockTree.build(html: page).blocks.map(\.text)
            #expect(cut == (try BlockTree.build(html: page, cutRawText: false).blocks.map(\.text)))
            #expect(cut.first == "Mở đầu")
        }
    }

    /// Pages stitched at random from the pieces the cut treats specially (comments, scripts,
    /// styles, svgs, quoted and unquoted attributes, stray quotes and brackets) give the same
    /// blocks and metadata with and without it.
    @Test func rawTextCutOnRandomPages() throws {
        let pieces = [
            "<p>Đoạn văn", "</p>", "<div class=\"a b\" title='x>y'>", "</div>", "<a href=\"/t?a=1&b=2\">liên kết</a>",
            "<!-- chú thích <p>ẩn</p> -->", "<!--", "-->", "<script>var s='</div>';</script>", "<script>", "</script>",
            "<style>p>b{}</style>", "<svg><g><path d='M0'/></g></svg>", "<svg>", "</svg>", "<img src=\"a.jpg\" alt=\"ảnh\">",
            "<span data-x='{\"k\":1}' onclick=\"f('>')\">chữ</span>", "\"", "'", "<", ">", " văn bản ", "<br>",
            "<p title=\"không đóng>", "<meta name=\"description\" content=\"mô tả\">", "<link rel=\"canonical\" href=\"https://x.vn/a\">",
            "<td align=center valign=top>ô</td>", "<table><tr>", "</tr></table>", "<h1 class=title>Tiêu đề</h1>", "<p hidden>ẩn</p>",
        ]
        var rng = SeededGenerator(seed: 20261122)
        for _ in 0..<1000 {
            let page = (0..<Int.random(in: 1...25, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let cut = try BlockTree.build(html: page), whole = try BlockTree.build(html: page, cutRawText: false)
            #expect(cut.blocks.map(\.text) == whole.blocks.map(\.text), "\(page)")
            #expect(cut.blocks.map(\.linkChars) == whole.blocks.map(\.linkChars), "\(page)")
            #expect(cut.meta.meta == whole.meta.meta && cut.meta.canonical == whole.meta.canonical, "\(page)")
        }
    }

    @Test func rawTextCutKeepsEveryFixturePage() throws {
        let pages = try FileManager.default.subpathsOfDirectory(atPath: Project.path("fixtures"))
            .filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 20)
        for page in pages {
            let bytes = try #require(FileManager.default.contents(atPath: Project.path("fixtures/" + page)))
            let html = String(decoding: bytes, as: UTF8.self)
            let cut = try BlockTree.build(html: html)
            let whole = try BlockTree.build(html: html, cutRawText: false)
            #expect(cut.blocks.map(\.text) == whole.blocks.map(\.text), "\(page)")
            #expect(cut.blocks.map(\.linkChars) == whole.blocks.map(\.linkChars), "\(page)")
            #expect(cut.nodes.count == whole.nodes.count, "\(page)")
            #expect(cut.nodes.map(\.tokens) == whole.nodes.map(\.tokens), "\(page)")
            #expect(cut.nodes.map(\.hidden) == whole.nodes.map(\.hidden), "\(page)")
            #expect(cut.meta.meta == whole.meta.meta && cut.meta.canonical == whole.meta.canonical, "\(page)")
            #expect(cut.meta.titleTag == whole.meta.titleTag && cut.meta.lang == whole.meta.lang, "\(page)")
            #expect(cut.meta.timeDatetimes == whole.meta.timeDatetimes, "\(page)")
        }
    }

    @Test(arguments: [
        ("Ngày: 18.07.2018", "2018-07-18"),
        ("(ngày đăng bài: 30/01/2018)", "2018-01-30"),
        ("07:37 07/08/2018", "2018-08-07T07:37"),
        ("Thứ Hai, 12/03/2019 - 08:15", "2019-03-12T08:15"),
        ("Thứ Hai, 12/03/2019 – 08h15", "2019-03-12T08:15"),
        ("Cập nhật ngày 5/3/2020", "2020-03-05"),
        ("ngày 26 tháng 10 năm 2020", "2020-10-26"),
        ("Hà Nội, ngày 3 tháng 2 năm 2021 | 10:20", "2021-02-03"),
    ])
    func datelines(line: String, iso: String) {
        #expect(Dateline.parse(line) == iso)
        #expect(Dateline.isDateLine(line, chars: line.unicodeScalars.count))
    }

    @Test func countersAndLabelsLeaveTheDateLine() {
        #expect(Dateline.withoutTrailingLabels("Ngày cập nhật: 27/07/2020 Lượt xem: 1.024") == "Ngày cập nhật: 27/07/2020")
        #expect(Dateline.withoutTrailingLabels("07-03-2026 - 00:01 AM | Thị trường chứng khoán") == "07-03-2026 - 00:01 AM")
        #expect(Dateline.withoutTrailingLabels("Thứ Hai, 12/07/2021 | 10:20") == "Thứ Hai, 12/07/2021 | 10:20")
    }

    /// A <form> is furniture (a search box, a comment form) unless it wraps the page, as ASP.NET's does.
    @Test func formWrappingThePageIsNotFurniture() throws {
        let prose = (1...4).map { "<p>Đoạn \($0): UBND tỉnh đã tặng Bằng khen cho 45 tập thể, 68 cá nhân có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2020.</p>" }.joined()
        let wrapped = try html("<html><body><form id=aspnetForm><h1>Tổng kết thi đua</h1>\(prose)<p>Thống kê truy cập</p></form></body></html>")
        #expect(wrapped.paragraphs.count == 5)
        let search = try html("<html><body><form class=x><p>Nhập từ khóa cần tìm trên toàn bộ trang thông tin điện tử của tỉnh</p></form><h1>Tổng kết thi đua</h1>\(prose)</body></html>")
        #expect(!search.text.contains("từ khóa"))
        #expect(search.paragraphs.count == 5)
    }

    /// Three or more sibling items of two to four short blocks with a link are a listing (a feed,
    /// a document list), whatever their classes; an article's own sections and link-free lists stay.
    @Test func listingsAreFurnitureWhateverTheirClass() throws {
        let prose = (1...3).map { "<p>Đoạn \($0): UBND tỉnh đã tặng Bằng khen cho 45 tập thể, 68 cá nhân có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2020, góp phần hoàn thành các chỉ tiêu.</p>" }.joined()
        let items = (1...3).map { "<div class=it><div>Quyết định số 12\($0)/QĐ-UBND về việc ban hành quy chế thi đua, khen thưởng trên địa bàn tỉnh, áp dụng từ năm 2021 cho các cơ quan, đơn vị.</div><div>Ngày ban hành: 0\($0)/04/2021</div><a href=#>Tải về</a></div>" }.joined()
        let page = try html("<html><body><div class=w><div class=a><h1>Tổng kết thi đua</h1>\(prose)</div><div class=b>\(items)</div></div></body></html>")
        #expect(!page.text.contains("Quyết định số"))
        #expect(page.paragraphs.count == 4)
        // The same items without links are the article's (a list of awards, say).
        let own = (1...3).map { "<div class=it><div><b>Anh hùng Lao động thời kỳ đổi mới số \($0)</b></div><div>Ông Nguyễn Văn \($0), nguyên Giám đốc Sở.</div></div>" }.joined()
        let kept = try html("<html><body><div class=a><h1>Tổng kết thi đua</h1>\(prose)\(own)</div></body></html>")
        #expect(kept.text.contains("Anh hùng Lao động thời kỳ đổi mới số 3"))
    }

    /// VnExpress prints the date above the headline, inside the breadcrumb bar: it is the
    /// article's date line and follows the title in the text; the breadcrumb is not kept.
    @Test func dateLineAboveTheTitleFollowsIt() throws {
        let prose = (1...3).map { "<p class=Normal>Đoạn \($0): UBND tỉnh đã tặng Bằng khen cho 45 tập thể, 68 cá nhân có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2020.</p>" }.joined()
        let page = try html("""
            <html><head><title>Tặng Bằng khen cho 45 tập thể - VnExpress</title></head><body><div class=sidebar-1>
            <div class=header-content><ul class=breadcrumb><li><a href=/thoi-su>Thời sự</a></li></ul><span class=date>Thứ năm, 4/11/2021, 17:12 (GMT+7)</span></div>
            <h1 class=title-detail>Tặng Bằng khen cho 45 tập thể</h1><p class=description>Lời dẫn của bài viết về thi đua, khen thưởng.</p>
            <article class=fck_detail>\(prose)</article></div></body></html>
            """)
        #expect(Array(page.paragraphs.prefix(3)) == ["Tặng Bằng khen cho 45 tập thể", "Thứ năm, 4/11/2021, 17:12 (GMT+7)", "Lời dẫn của bài viết về thi đua, khen thưởng."])
        #expect(page.published == "2021-11-04T17:12")
        #expect(!page.text.contains("Thời sự"))
        // VietNamNet: the date sits in the breadcrumb bar's class.
        let vnn = try html("""
            <html><body><div class=bread-crumb-detail><a href=/>Thời sự</a><div class=bread-crumb-detail__time>Thứ Bảy, 07/03/2026 - 07:00</div></div>
            <h1 class=content-detail-title>Tặng Bằng khen cho 45 tập thể</h1><div class=maincontent>\(prose)</div></body></html>
            """)
        #expect(Array(vnn.paragraphs.prefix(2)) == ["Tặng Bằng khen cho 45 tập thể", "Thứ Bảy, 07/03/2026 - 07:00"])
    }

    @Test func notDatelines() {
        for line in ["31/02/2019", "Số 12/2019/QĐ-UBND", "ngày 26 tháng 10", "12/03/20199", "12/03/2019٣", "Quý I/2019 tăng 5%"] {
            #expect(Dateline.parse(line) == nil, "\(line)")
        }
        #expect(!Dateline.isDateLine("Ngày 12/03/2019, UBND tỉnh tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2018 và triển khai", chars: 110))
    }

    @Test func tableRowsAreLines() throws {
        let article = try Ingest.article(file: Project.path("fixtures/portal/award-table-bootstrap.html"))
        #expect(article.paragraphs.contains("1 | Huân chương Lao động hạng Ba | 02 | 05"))
    }

    @Test func entitiesAreDecoded() throws {
        let article = try Ingest.article(file: Project.path("fixtures/portal/legacy-entities-unclosed.html"))
        #expect(article.title == "Phát động phong trào thi đua chào mừng Đại hội Đảng bộ tỉnh lần thứ XI")
    }

    @Test func windows1258IsConvertedAndRecomposed() throws {
        let article = try Ingest.article(file: Project.path("fixtures/portal/word-export-cp1258.html"))
        #expect(article.text.contains("Kế hoạch số 98/KH-UBND"))
        #expect(article.text.unicodeScalars.allSatisfy { !(0x300...0x36F).contains($0.value) })
        #expect(article.warnings.isEmpty)
    }

    /// Older pages and documents: VNI bytes in a text file, a VNI page declared windows-1252, and a
    /// page whose UTF-8 was read as windows-1252 before it was saved.
    @Test func legacyEncodingsAreDetectedAndConverted() throws {
        let vni = "Quyeát ñònh soá 32/QÑ-UBND veà coâng taùc thi ñua, khen thöôûng naêm 2018 cuûa UÛy ban nhaân daân tænh"
        let expected = "Quyết định số 32/QĐ-UBND về công tác thi đua, khen thưởng năm 2018 của Ủy ban nhân dân tỉnh"
        let vniBytes = Array(vni.unicodeScalars.map { UInt8($0.value) })  // all of it is Latin-1
        let text = try Ingest.article(bytes: vniBytes, name: "vni.txt")
        #expect(text.text == expected)
        #expect(text.warnings.contains { $0.contains("VNI") })

        let page = "<html><head><meta charset=\"windows-1252\"><title>t</title></head><body><p>" + vni + "</p></body></html>"
        let declared = try Ingest.article(bytes: Array(page.unicodeScalars.map { UInt8($0.value) }), name: "vni.html")
        #expect(declared.text.contains(expected))

        let utf8 = Array(expected.utf8)
        let garbled = "<html><head><meta charset=\"utf-8\"></head><body><p>" + String(utf8.map { Character(Unicode.Scalar($0)) }.map { c -> String in
            let v = c.unicodeScalars.first!.value
            return v >= 0x80 && v < 0xA0 ? ["\u{20AC}", "\u{81}", "\u{201A}", "\u{192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}", "\u{2C6}", "\u{2030}", "\u{160}", "\u{2039}", "\u{152}", "\u{8D}", "\u{17D}", "\u{8F}", "\u{90}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}", "\u{2DC}", "\u{2122}", "\u{161}", "\u{203A}", "\u{153}", "\u{9D}", "\u{17E}", "\u{178}"][Int(v - 0x80)] : String(c)
        }.joined()) + "</p></body></html>"
        let repaired = try html(garbled)
        #expect(repaired.text.contains(expected))
        #expect(repaired.warnings.contains { $0.contains("repaired") })
    }

    @Test func decomposedInputBecomesNFC() throws {
        let nfd = "Thi đua khen thưởng năm 2019".decomposedStringWithCanonicalMapping
        let article = try Ingest.article(bytes: Array((nfd + "\nNội dung bài viết.").utf8), name: "a.txt")
        #expect(article.title == "Thi đua khen thưởng năm 2019")
        #expect(article.title?.unicodeScalars.count == "Thi đua khen thưởng năm 2019".unicodeScalars.count)
    }

    @Test func charsetThatLies() throws {
        // Declares windows-1252 but the bytes are UTF-8.
        let article = try html("<html><head><meta charset=\"windows-1252\"><title>Thi đua</title></head><body><h1>Tổng kết thi đua năm 2019</h1><p>Chủ tịch UBND tỉnh tặng Bằng khen cho 12 tập thể có thành tích xuất sắc trong công tác thi đua, khen thưởng.</p></body></html>")
        #expect(article.title == "Tổng kết thi đua năm 2019")
        #expect(article.warnings.contains { $0.contains("valid UTF-8") })
    }

    @Test func invalidUTF8BecomesReplacementCharacter() throws {
        var bytes = Array("Tiêu đề bài viết\nNội dung có một byte hỏng: ".utf8)
        bytes += [0xFF, 0xC3]
        bytes += Array(" rồi tiếp tục bình thường cho đến hết câu.".utf8)
        let article = try Ingest.article(bytes: bytes, name: "bad.txt")
        #expect(article.text.contains("\u{FFFD}"))
        #expect(!article.warnings.isEmpty)
    }

    @Test func utf8BOMIsDropped() throws {
        let article = try Ingest.article(bytes: [0xEF, 0xBB, 0xBF] + Array("Tiêu đề\nNội dung bài.".utf8), name: "bom.txt")
        #expect(article.title == "Tiêu đề")
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let page = """
        <!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><h1>Tiêu đề thử nghiệm an toàn</h1>
        <p>Nội dung &xxe; của bài viết thử nghiệm, đủ dài để được coi là nội dung chính của trang này nhé.</p></body></html>
        """
        let article = try html(page)
        #expect(!article.text.contains("root:"))
    }

    @Test func largePageIsHandled() throws {
        // About 8 MB of real page repeated; a 50 MB page is the last line of scripts/bench-ingest (release).
        let one = Project.text("fixtures/html/vn-nld.html")
        var page = ""
        while page.utf8.count < 8_000_000 { page += one }
        _ = try html(page)
    }

    @Test func tooLargeInputIsRefused() {
        let bytes = [UInt8](repeating: 0x61, count: Ingest.maximumInputBytes + 1)
        #expect(throws: IngestError(file: "big.txt", reason: .tooLarge(bytes: bytes.count, limit: Ingest.maximumInputBytes))) {
            try Ingest.article(bytes: bytes, name: "big.txt")
        }
    }
}

/// The tag and attribute ids the Swift side names are the shim's.
struct TagTableTests {
    @Test func tagIdsMatchTheShim() {
        let named: [(String, Int)] = [
            ("html", Tag.html), ("head", Tag.head), ("title", Tag.title), ("meta", Tag.meta), ("link", Tag.link),
            ("body", Tag.body), ("time", Tag.time), ("br", Tag.br), ("hr", Tag.hr), ("a", Tag.a), ("td", Tag.td),
            ("th", Tag.th), ("tr", Tag.tr), ("table", Tag.table), ("li", Tag.li), ("dt", Tag.dt), ("dd", Tag.dd),
            ("figcaption", Tag.figcaption), ("caption", Tag.caption), ("article", Tag.article), ("main", Tag.main),
            ("header", Tag.header), ("footer", Tag.footer), ("h1", Tag.h1), ("h6", Tag.h6),
        ]
        for (name, id) in named { #expect(Tag.id(name) == id, "\(name)") }
        // Headings are consecutive: the level is the distance from h1.
        for level in 1...6 { #expect(Tag.id("h\(level)") == Tag.h1 + level - 1) }
        #expect(Tag.names[Tag.h6] == "h6")
    }

    @Test func attributeIdsMatchTheShim() {
        let named: [(String, UInt8)] = [
            ("id", Attribute.identifier), ("class", Attribute.class), ("property", Attribute.property), ("name", Attribute.name),
            ("content", Attribute.content), ("itemprop", Attribute.itemprop), ("href", Attribute.href), ("rel", Attribute.rel),
            ("http-equiv", Attribute.httpEquiv), ("datetime", Attribute.datetime), ("style", Attribute.style),
            ("hidden", Attribute.hidden), ("role", Attribute.role), ("lang", Attribute.lang), ("aria-hidden", Attribute.ariaHidden),
        ]
        for (name, id) in named { #expect(Attribute.id(name) == id, "\(name)") }
    }
}

/// The content hash is SHA-256 (FIPS 180-4 test vectors, and every padding length around a block).
struct SHA256Tests {
    @Test func knownVectors() {
        #expect(Ingest.sha256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Ingest.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Ingest.sha256(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(Ingest.sha256(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(Ingest.sha256(Array("Thi đua khen thưởng".utf8)) == "2f1b91c9fef2524afdb0c6abaa8a5012fb6d06b886fa0813f94f697ec6115fed")
        // Messages of 55, 56, 63, 64, 119 and 120 bytes (one or two padding blocks), from sha256sum.
        let expected = [
            55: "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072",
            56: "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e",
            63: "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2",
            64: "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c",
            119: "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c",
            120: "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98",
        ]
        for (n, hex) in expected { #expect(Ingest.sha256(Array(repeating: UInt8(ascii: "x"), count: n)) == hex, "\(n)") }
    }
}

/// A small deterministic generator (SplitMix64), so random tests fail the same way every time.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
