// SolieuGen: realistic generated bulletins for scale tests and benchmarks.
//
// `BulletinGenerator` writes bulletins (HTML pages in portal shapes and scraped text) for many
// provinces, sites and dates, with numbers varied and kept arithmetically true (totals equal their
// parts, percentages their ratios), recombined from the language of the sample corpus: templates
// of the award, total-and-parts, ratio, money and document-reference sentences these reports use,
// mixed with sentences taken from the corpus itself. Deterministic for a given seed.
import Foundation

/// SplitMix64: small, fast, reproducible.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

public struct GeneratedBulletin: Sendable {
    /// Relative path ("kiengiang.gov.vn/2018/bulletin-000042.html").
    public var path: String
    public var content: String
    public var province: String
}

public struct BulletinGenerator: Sendable {
    /// Bumped whenever the same seed writes different bulletins, so cached corpora are rebuilt
    /// (scripts/bench-index names its corpus folder with it). 2: article lengths follow the
    /// real bulletins'.
    public static let version = 2

    /// Provinces with the host form their sites use ("Kiên Giang", "kiengiang").
    public var provinces: [(name: String, host: String)]
    /// Sentences from real bulletins, mixed into the generated ones.
    public var corpusSentences: [String]
    /// Lengths (characters) of the real articles: each generated article draws its length from
    /// them (within ±20%), so the corpus's sizes and its share of figures per character follow
    /// the real bulletins', not the templates'.
    public var articleLengths: [Int]

    public init(provinces: [(name: String, host: String)], corpusSentences: [String], articleLengths: [Int] = []) {
        self.provinces = provinces
        self.corpusSentences = corpusSentences
        self.articleLengths = articleLengths
    }

    /// A generator that recombines the given real article texts.
    public init(provinces: [(name: String, host: String)], corpus texts: [String]) {
        self.init(provinces: provinces, corpusSentences: Self.sentences(fromCorpus: texts), articleLengths: texts.map(\.count))
    }

    /// The `i`-th bulletin of a corpus generated with `seed`. Every 25th bulletin republishes the
    /// previous one on a newspaper site (the same article under another page).
    public func bulletin(_ i: Int, seed: UInt64 = 1) -> GeneratedBulletin {
        var rng = SeededRandom(seed: seed &* 1_000_003 &+ UInt64(i / 25 * 25 + (i % 25 == 24 ? 23 : i % 25)))
        let republished = i % 25 == 24
        let province = provinces[Int.random(in: 0..<provinces.count, using: &rng)]
        let year = Int.random(in: 2015...2024, using: &rng)
        let month = Int.random(in: 1...12, using: &rng)
        let day = Int.random(in: 1...28, using: &rng)
        let article = self.article(province: province.name, year: year, month: month, day: day, rng: &rng)
        let html = republished || Int.random(in: 0..<10, using: &rng) < 6
        let site = republished ? "bao\(province.host).vn" : ["\(province.host).gov.vn", "sonoivu.\(province.host).gov.vn", "tdkt.\(province.host).gov.vn"][Int.random(in: 0..<3, using: &rng)]
        let name = String(format: "bulletin-%06d", i)
        let content = html ? page(article, site: site, rng: &rng) : text(article, rng: &rng)
        return GeneratedBulletin(path: "\(site)/\(year)/\(name).\(html ? "html" : "txt")", content: content, province: province.name)
    }

    struct Article {
        var title: String
        var dateLine: String
        var paragraphs: [String]
    }

    func pick<T>(_ items: [T], _ rng: inout SeededRandom) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }

    func vn(_ n: Int) -> String {
        let s = String(n)
        guard n >= 1000 else { return s }
        var out = ""
        for (k, c) in s.enumerated() {
            if k > 0 && (s.count - k) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return out
    }

    func decimal(_ x: Double, _ places: Int = 1) -> String {
        String(format: "%.\(places)f", x).replacingOccurrences(of: ".", with: ",")
    }

    func article(province: String, year: Int, month: Int, day: Int, rng: inout SeededRandom) -> Article {
        let half = month <= 6 ? "6 tháng đầu năm \(year)" : "năm \(year - (month <= 2 ? 1 : 0))"
        let titles = [
            "Hội nghị tổng kết công tác thi đua, khen thưởng \(half) tỉnh \(province)",
            "\(province): sơ kết công tác thi đua, khen thưởng \(half)",
            "Khen thưởng các tập thể, cá nhân có thành tích xuất sắc \(half)",
            "Kết quả phong trào thi đua yêu nước \(half) của tỉnh \(province)",
            "Trao tặng Huân chương Lao động cho các tập thể, cá nhân tỉnh \(province)",
        ]
        let title = pick(titles, &rng)
        let dateLine = pick(["Ngày: \(String(format: "%02d.%02d.%d", day, month, year))", "(ngày đăng bài: \(String(format: "%02d/%02d/%d", day, month, year)))",
                              "Cập nhật ngày \(day)/\(month)/\(year)", "\(String(format: "%02d:%02d %02d/%02d/%d", Int.random(in: 7...17, using: &rng), Int.random(in: 0...59, using: &rng), day, month, year))"], &rng)
        var paragraphs: [String] = []
        let a = Int.random(in: 5...120, using: &rng)
        let b = Int.random(in: 5...200, using: &rng)
        let lead = "Ngày \(max(1, day - 2))/\(month)/\(year), UBND tỉnh \(province) tổ chức hội nghị tổng kết công tác thi đua, khen thưởng \(half) và triển khai nhiệm vụ thời gian tới."
        paragraphs.append(lead)
        var sentences: [String] = []
        sentences.append("Chủ tịch UBND tỉnh đã tặng Bằng khen cho \(vn(a)) tập thể, \(vn(b)) cá nhân có thành tích xuất sắc.")
        let c = Int.random(in: 2...40, using: &rng), d = Int.random(in: 2...60, using: &rng)
        sentences.append("Tổng số \(vn(c + d)) tập thể, cá nhân được khen thưởng cấp Nhà nước, trong đó \(vn(c)) tập thể và \(vn(d)) cá nhân.")
        let total = Int.random(in: 20...160, using: &rng), part = Int.random(in: 5...total, using: &rng)
        sentences.append("Toàn tỉnh có \(part)/\(total) xã đạt chuẩn nông thôn mới, chiếm \(decimal(Double(part) * 100 / Double(total), 2))%.")
        let money = Double(Int.random(in: 1000...90000, using: &rng)) / 10
        sentences.append("Thu ngân sách trên địa bàn đạt \(decimal(money)) tỷ đồng, tăng \(decimal(Double(Int.random(in: 10...250, using: &rng)) / 10))% so với cùng kỳ.")
        let n = Int.random(in: 1...3000, using: &rng)
        sentences.append("Thực hiện Quyết định số \(n)/QĐ-UBND ngày \(Int.random(in: 1...28, using: &rng))/\(Int.random(in: 1...12, using: &rng))/\(year) của UBND tỉnh, các ngành đã triển khai kế hoạch thi đua giai đoạn 2016 - 2020.")
        let h3 = Int.random(in: 1...9, using: &rng), h2 = Int.random(in: 1...5, using: &rng)
        sentences.append("Chủ tịch nước tặng Huân chương Lao động hạng Ba cho \(String(format: "%02d", h3)) tập thể; Huân chương Lao động hạng Nhì cho \(String(format: "%02d", h2)) cá nhân.")
        sentences.append("Thủ tướng Chính phủ tặng Bằng khen cho \(Int.random(in: 2...30, using: &rng)) tập thể và Cờ thi đua của Chính phủ cho \(Int.random(in: 1...5, using: &rng)) đơn vị.")
        let plan = Int.random(in: 5...40, using: &rng), done = plan + Int.random(in: -3...8, using: &rng)
        sentences.append("Số trường đạt chuẩn quốc gia là \(done)/\(plan) trường, bằng \(Int((Double(done) * 100 / Double(plan)).rounded()))%KH.")
        sentences.shuffle(using: &rng)
        let keep = Int.random(in: 4...sentences.count, using: &rng)
        var body = Array(sentences.prefix(keep))
        // Sentences of the corpus fill the article to a length drawn from the real ones (at
        // least three of them when no lengths are known).
        let target = articleLengths.isEmpty ? 0 : Int(Double(pick(articleLengths, &rng)) * Double.random(in: 0.8...1.2, using: &rng))
        var length = lead.count + body.reduce(0) { $0 + $1.count + 1 }
        var added = 0
        while !corpusSentences.isEmpty && (added < 3 || length < target) {
            let s = pick(corpusSentences, &rng)
            body.insert(s, at: Int.random(in: 0...body.count, using: &rng))
            length += s.count + 1
            added += 1
        }
        var k = 0
        while k < body.count {
            let take = Int.random(in: 1...3, using: &rng)
            paragraphs.append(body[k..<min(body.count, k + take)].joined(separator: " "))
            k += take
        }
        paragraphs.append(pick(["Phát biểu tại hội nghị, đồng chí Phó Chủ tịch UBND tỉnh đề nghị các cấp, các ngành tiếp tục đổi mới nội dung, hình thức tổ chức các phong trào thi đua.",
                                "Hội nghị thống nhất các nhiệm vụ, giải pháp trọng tâm để đẩy mạnh công tác thi đua, khen thưởng trong thời gian tới."], &rng))
        return Article(title: title, dateLine: dateLine, paragraphs: paragraphs)
    }

    func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    func page(_ a: Article, site: String, rng: inout SeededRandom) -> String {
        let nav = ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Thi đua - Khen thưởng", "Văn bản", "Liên hệ"]
            .enumerated().map { "<li><a href=\"/muc/\($0.offset)\">\($0.element)</a></li>" }.joined()
        let related = (0..<Int.random(in: 3...8, using: &rng)).map { _ in
            "<li><a href=\"/tin/\(Int.random(in: 1000...99999, using: &rng))\">\(escape(pick(corpusSentences.isEmpty ? ["Tin khác"] : corpusSentences, &rng).prefix(80).description))</a></li>"
        }.joined()
        let body = a.paragraphs.map { "<p>\(escape($0))</p>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>\(escape(a.title))</title>
            <meta property="og:site_name" content="\(site)"><meta property="og:url" content="https://\(site)/tin-tuc/\(Int.random(in: 1...999999, using: &rng))">
            <style>body{font-family:Arial}</style><script>var _gaq=[];</script></head>
            <body><div class="header"><ul class="menu">\(nav)</ul></div>
            <div class="main"><div class="article-detail"><h1 class="title">\(escape(a.title))</h1>
            <div class="date">\(escape(a.dateLine))</div>
            <div class="content">
            \(body)
            </div><div class="share">Chia sẻ: Facebook | Twitter | In bài | Gửi email</div></div>
            <div class="related"><h3>Tin liên quan</h3><ul>\(related)</ul></div></div>
            <div class="sidebar"><div class="counter">Lượt truy cập: \(Int.random(in: 10000...9999999, using: &rng))</div></div>
            <div class="footer">Bản quyền thuộc \(site). Điện thoại: 0297.3\(Int.random(in: 100000...999999, using: &rng)). Email: vanthu@\(site)</div>
            </body></html>
            """
    }

    func text(_ a: Article, rng: inout SeededRandom) -> String {
        ([a.title, a.dateLine] + a.paragraphs + ["Số lần đọc: \(Int.random(in: 10...999, using: &rng))"]).joined(separator: "\n\n") + "\n"
    }

    /// Sentences of the given article texts that are long enough to read as prose.
    public static func sentences(fromCorpus texts: [String]) -> [String] {
        var out: [String] = []
        for text in texts {
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                var current = ""
                for c in trimmed {
                    current.append(c)
                    if c == "." || c == ";" {
                        let s = current.trimmingCharacters(in: .whitespaces)
                        if s.count >= 60 && s.count <= 400 && s.first?.isUppercase == true { out.append(s) }
                        current = ""
                    }
                }
            }
        }
        return out
    }
}
