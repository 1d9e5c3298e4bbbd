import Foundation
import SolieuAudit
import SolieuIndex
import SolieuTestSupport
import Testing

/// The audit on the seeds (every relation of fixtures/seeds/checks.json found and holding,
/// nothing failing) and on the altered bulletins of fixtures/audit (each alteration fails, and
/// nothing else does).
@Suite(.serialized) struct AuditTests {
    struct Check: Decodable {
        var doc: String
        var relation: String
        var total: Double
        var parts: [Double]
        var percent: Double?
        var holds: Bool
    }

    struct Expected: Decodable {
        var fails: [String]
    }

    static var seedPaths: [String] { Project.files(in: "corpus", suffix: ".txt").map { Project.path("corpus/" + $0) } }

    static func audit(_ paths: [String], scope: DocumentScope = DocumentScope()) throws -> (AuditReport, SolieuDatabase, Scratch) {
        let scratch = Scratch()
        let db = try SolieuDatabase(path: scratch.path("audit.db"))
        let ingest = try BatchIngest(database: db, jobs: 2).run(paths: paths)
        #expect(ingest.failures.isEmpty)
        return (try Auditor(database: db).run(scope: scope), db, scratch)
    }

    static func name(_ e: Finding.Evidence) -> String { ((e.source ?? "") as NSString).lastPathComponent }

    @Test func everySeedRelationIsFoundAndHolds() throws {
        let (report, _, scratch) = try Self.audit(Self.seedPaths)
        defer { scratch.cleanup() }
        let checks = try JSONDecoder().decode([Check].self, from: Data(Project.text("fixtures/seeds/checks.json").utf8))
        #expect(checks.count == 11)
        for c in checks {
            let match = report.findings.first { f in
                guard f.evidence.contains(where: { Self.name($0) == c.doc + ".txt" }) else { return false }
                switch c.relation {
                case "sum":
                    return (f.check == .sum && f.stated == c.total && f.operands.sorted() == c.parts.sorted())
                        || (f.check == .anniversary && f.stated == c.total && f.operands.sorted() == c.parts.sorted())
                default:
                    return (f.check == .ratio || f.check == .plan) && f.operands == [c.parts[0], c.total] && f.stated == c.percent
                }
            }
            #expect(match?.status == .holds, "\(c.doc) \(c.relation) \(c.parts) / \(c.total)")
        }
        #expect(report.count(.fails) == 0, "\(report.findings.filter { $0.status == .fails }.map(\.relation))")
    }

    @Test func eachAlterationFailsAndNothingElse() throws {
        let expected = try JSONDecoder().decode([String: Expected].self, from: Data(Project.text("fixtures/audit/expected.json").utf8))
        #expect(expected.count == 6)
        for (file, want) in expected.sorted(by: { $0.key < $1.key }) {
            let (report, _, scratch) = try Self.audit([Project.path("fixtures/audit/" + file)])
            defer { scratch.cleanup() }
            let failing = report.findings.filter { $0.status == .fails }.map(\.check.rawValue).sorted()
            #expect(failing == want.fails.sorted(), "\(file)")
        }
    }

    @Test func aSecondBulletinThatDisagreesIsACrossDocumentFailure() throws {
        let (report, _, scratch) = try Self.audit(Self.seedPaths + [Project.path("fixtures/audit/kiengiang-newspaper-2018.txt")],
                                                  scope: DocumentScope(province: "Kiên Giang"))
        defer { scratch.cleanup() }
        let failing = report.findings.filter { $0.status == .fails }
        #expect(failing.count == 1)
        let f = try #require(failing.first)
        #expect(f.check == .crossDocument)
        #expect(Set(f.evidence.map(Self.name)) == ["000_d273c28c48bdecee.txt", "kiengiang-newspaper-2018.txt"])
        #expect(f.difference == 2)
        #expect(f.relation.contains("Kiên Giang (now An Giang)"))
        // The agreeing list (81, 62 cá nhân in both) holds.
        #expect(report.findings.contains { $0.check == .crossDocument && $0.status == .holds && $0.operands == [81, 62, 81, 62] })
    }

    @Test func inTheWholeSetEveryFailureInvolvesAnAlteredBulletin() throws {
        let altered = Project.files(in: "fixtures/audit", suffix: ".txt").map { Project.path("fixtures/audit/" + $0) }
        let (report, _, scratch) = try Self.audit(Self.seedPaths + altered)
        defer { scratch.cleanup() }
        let alteredNames = Set(altered.map { ($0 as NSString).lastPathComponent })
        let failing = report.findings.filter { $0.status == .fails }
        #expect(failing.count >= 6)
        for f in failing {
            #expect(f.evidence.contains { alteredNames.contains(Self.name($0)) }, "\(f.relation)")
        }
        // Each in-document alteration shows up.
        for check in ["sum", "ratio", "plan", "anniversary", "change"] {
            #expect(failing.contains { $0.check.rawValue == check }, "\(check)")
        }
    }

    @Test func reportsInThreeFormats() throws {
        let (report, _, scratch) = try Self.audit(Self.seedPaths + [Project.path("fixtures/audit/percent-off.txt")])
        defer { scratch.cleanup() }
        let json = try JSONSerialization.jsonObject(with: Data(try report.render(.json).utf8)) as? [String: Any]
        #expect(json?["checks"] as? Int == report.findings.count)
        #expect(json?["fails"] as? Int == 1)
        let html = try report.render(.html)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.contains("<mark>608/769 tập thể</mark>, chiếm <mark>79,6%</mark>"))
        #expect(!html.contains("<script"))
        // Failures in full with their ids; what holds is counted, not listed: the report grows
        // with the failures, not with the bulletins.
        let failing = try #require(report.findings.first { $0.status == .fails })
        #expect(failing.id.hasPrefix("ratio-") && failing.id.count == 14)
        #expect(html.contains("id=\"\(failing.id)\""))
        let holding = try #require(report.findings.first { $0.status == .holds })
        #expect(!html.contains(holding.id))
        let clean = try Self.audit(Self.seedPaths)
        defer { clean.2.cleanup() }
        let cleanHTML = try clean.0.render(.html)
        #expect(cleanHTML.contains("No check fails."))
        #expect(html.utf8.count - cleanHTML.utf8.count < 3000)
        let text = try report.render(.text, onlyFails: true)
        #expect(text.contains("FAILS  ratio  608 / 769"))
        #expect(text.contains("[\(failing.id)]"))
        #expect(!text.contains("HOLDS"))
        // Ids are stable: the same audit again gives the same ids in the same order.
        let again = try Self.audit(Self.seedPaths + [Project.path("fixtures/audit/percent-off.txt")])
        defer { again.2.cleanup() }
        #expect(Set(again.0.findings.map(\.id)) == Set(report.findings.map(\.id)))
        #expect(Set(report.findings.map(\.id)).count == report.findings.count)
    }

    @Test func exitStatusGatesAPipeline() throws {
        guard let binary = SolieuBinary.path else {
            Issue.record("solieu executable not found next to the tests")
            return
        }
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let db = scratch.path("x.db")
        _ = try SolieuBinary.run(["ingest", Project.path("corpus"), "--db", db, "--quiet"])
        #expect(try SolieuBinary.run(["audit", "--db", db]).0 == 0)
        _ = try SolieuBinary.run(["ingest", Project.path("fixtures/audit/plan-off.txt"), "--db", db, "--quiet"])
        let (status, out, _) = try SolieuBinary.run(["audit", "--db", db, "--only", "fails"])
        #expect(status == 1)
        #expect(out.contains("FAILS  plan  15 / 13"))
        let html = scratch.path("r.html")
        #expect(try SolieuBinary.run(["audit", "--db", db, "--format", "html", "--out", html]).0 == 1)
        #expect(FileManager.default.fileExists(atPath: html))
        _ = binary
    }

    /// The real development set: the audit never calls the texts' arithmetic wrong, and finds
    /// relations they state (fixtures/real/*.checks.json).
    @Test func realBulletinsHaveNoFalseFails() throws {
        let dir = "fixtures/real"
        let names = Project.files(in: dir, suffix: ".checks.json").map { String($0.dropLast(".checks.json".count)) }
            .filter { FileManager.default.fileExists(atPath: Project.path("\(dir)/\($0).txt")) }
        #expect(names.count >= 30)
        let (report, _, scratch) = try Self.audit(names.map { Project.path("\(dir)/\($0).txt") })
        defer { scratch.cleanup() }
        let checks = try names.map { n in
            (n, try JSONDecoder().decode([AuditScore.Check].self, from: Data(Project.text("\(dir)/\(n).checks.json").utf8)))
        }
        let score = AuditScore(report: report, checks: checks)
        #expect(score.falseFails.isEmpty, "\(score.falseFails)")
        #expect(score.found >= 7, "found \(score.found) of \(score.checks); missed \(score.missed)")
        #expect(score.agreeing == score.found)
    }

    /// Relations the extraction links, audited on built bulletins: each verdict as certain as the text.
    static func findings(_ text: String) throws -> [Finding] {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let path = scratch.write("b.txt", "Tỉnh tổng kết công tác thi đua khen thưởng năm 2023\n\n" + text + "\n")
        return try audit([path]).0.findings.filter { $0.check != .crossDocument }
    }

    @Test func partsAfterTrongĐóShortOfTheTotalAreUnverifiable() throws {
        let short = try Self.findings("Khen cấp tỉnh, tổng số 120 tập thể, cá nhân, trong đó 74 tập thể và 30 cá nhân có thành tích xuất sắc.")
        #expect(short.map(\.status) == [.unverifiable])
        let over = try Self.findings("Khen cấp tỉnh, tổng số 100 tập thể, cá nhân, trong đó 74 tập thể và 30 cá nhân có thành tích xuất sắc.")
        #expect(over.map(\.status) == [.fails])
        // A complete breakdown in parentheses that falls short fails.
        let parens = try Self.findings("Tỉnh khen thưởng cho 120 tập thể, cá nhân (74 tập thể, 30 cá nhân).")
        #expect(parens.map(\.status) == [.fails])
    }

    @Test func partsInParenthesesAfterTheTotalsNounPhrase() throws {
        // The total's noun phrase goes on before the parentheses; "3 sao" describes a part.
        let stars = try Self.findings("Toàn tỉnh có 108 sản phẩm được công nhận là sản phẩm OCOP (85 sản phẩm đạt 3 sao và 23 sản phẩm đạt 4 sao).")
        #expect(stars.filter { $0.check == .sum }.map(\.status) == [.holds])
        let farms = try Self.findings("Toàn tỉnh có 371 gia trại, trang trại (345 gia trại; 26 trang trại).")
        #expect(farms.filter { $0.check == .sum }.map(\.status) == [.holds])
        let prizes = try Self.findings("Khối tiểu học có 1.566 học sinh đoạt giải học sinh giỏi các cấp (1.024 giải cấp huyện, 537 giải cấp tỉnh, 4 giải cấp quốc gia).")
        #expect(prizes.filter { $0.check == .sum }.map(\.status) == [.fails])
        // Another figure between the total and the parentheses: not its breakdown.
        let other = try Self.findings("Có 108 sản phẩm, trong năm 2023 có 20 sản phẩm mới (12 sản phẩm 3 sao, 8 sản phẩm 4 sao).")
        #expect(!other.contains { $0.check == .sum && $0.stated == 108 })
    }

    @Test func aChangeAndItsValuesShareAClause() throws {
        // "tăng 3,3%" belongs to the first clause; "từ 8,5% xuống 8,24%" to the third: no relation.
        let apart = try Self.findings("Giữ nguyên mục tiêu khu vực nông nghiệp tăng 3,3%; điều chỉnh khu vực công nghiệp từ 11,91% lên 12,97%; điều chỉnh khu vực dịch vụ từ 8,5% xuống 8,24%.")
        #expect(apart.filter { $0.check == .change }.isEmpty)
        let together = try Self.findings("Số xã đạt chuẩn tăng từ 40 xã lên 49 xã, tăng 9 xã so với năm trước.")
        #expect(together.filter { $0.check == .change }.map(\.status) == [.holds])
    }

    @Test func awardListAgainstItsRecipientTotal() throws {
        let holds = try Self.findings("Chủ tịch nước trao 2 Huân chương Độc lập, 5 Huân chương Kháng chiến và 17 Huy chương Kháng chiến cho 24 gia đình.")
        #expect(holds.map(\.status) == [.holds])
        #expect(holds.first?.operands == [2, 5, 17] && holds.first?.stated == 24)
        let fails = try Self.findings("Chủ tịch nước trao 2 Huân chương Độc lập, 5 Huân chương Kháng chiến và 17 Huy chương Kháng chiến cho 25 gia đình.")
        #expect(fails.map(\.status) == [.fails])
    }

    @Test func amountsOfMoneyAfterTrongĐóAndTheirShares() throws {
        let text = "Vốn đầu tư trên địa bàn tỉnh đạt 14.255,1 tỷ đồng, tăng 10% so với cùng kỳ năm trước. Trong đó: khu vực nhà nước đạt 3.010,8 tỷ đồng, tăng 0,8%; khu vực ngoài nhà nước đạt 11.224,4 tỷ đồng, tăng 12,9%; khu vực có vốn đầu tư nước ngoài đạt 19,9 tỷ đồng."
        let sums = try Self.findings(text).filter { $0.check == .sum }
        #expect(sums.map(\.status) == [.holds])
        // Parts short of the total after "trong đó" say nothing; rounding within a decimal holds.
        let short = try Self.findings("Tổng thu ngân sách đạt 5.000 tỷ đồng, trong đó thu nội địa 3.000 tỷ đồng, thu xuất nhập khẩu 1.500 tỷ đồng.")
        #expect(short.filter { $0.check == .sum }.map(\.status) == [.unverifiable])
        // 3,3 + 3,3 + 3,3 = 9,9: within the rounding of four amounts given to one decimal.
        let rounded = try Self.findings("Tổng vốn đạt 10,0 tỷ đồng, trong đó vốn tỉnh 3,3 tỷ đồng, vốn huyện 3,3 tỷ đồng, vốn xã 3,3 tỷ đồng.")
        #expect(rounded.filter { $0.check == .sum }.map(\.status) == [.holds])
        let share = try Self.findings("Tổng mức bán lẻ hàng hoá tháng 9 ước đạt 4.795 tỷ đồng, tăng 13% so với cùng kỳ, trong đó, doanh thu bán lẻ hàng hóa ước đạt 3.495,5 tỷ đồng, chiếm 73%.")
        #expect(share.filter { $0.check == .ratio }.map(\.status) == [.holds])
        let wrong = try Self.findings("Tổng mức bán lẻ hàng hoá tháng 9 ước đạt 4.795 tỷ đồng, tăng 13% so với cùng kỳ, trong đó, doanh thu bán lẻ hàng hóa ước đạt 3.495,5 tỷ đồng, chiếm 75%.")
        #expect(wrong.filter { $0.check == .ratio }.map(\.status) == [.fails])
        // A share of another base is not checked against the total.
        let other = try Self.findings("Tổng mức bán lẻ đạt 4.795 tỷ đồng, trong đó, bán lẻ hàng hóa đạt 3.495,5 tỷ đồng, chiếm 5% GRDP của tỉnh.")
        #expect(other.filter { $0.check == .ratio }.isEmpty)
    }

    @Test func countsAfterTrongĐóLaterInTheSentence() throws {
        let f = try Self.findings("Đợt này sẽ có 67 tập thể, cá nhân được tuyên dương khen thưởng, trong đó cấp Nhà nước là 17 tập thể, cá nhân; cấp tỉnh là 50 tập thể, cá nhân.")
        #expect(f.filter { $0.check == .sum }.map(\.status) == [.holds])
        // Changes among the parts are not parts: no false fail.
        let g = try Self.findings("Tổng diện tích gieo trồng đạt 128.134 ha, giảm 461 ha so với năm trước; trong đó: diện tích vụ đông đạt 36.123 ha, giảm 228 ha, diện tích vụ xuân đạt 92.011 ha, giảm 230 ha.")
        #expect(g.filter { $0.check == .sum }.map(\.status) == [.holds])
        #expect(g.allSatisfy { $0.status != .fails })
    }

    @Test func twoAnniversariesOfOnePhrase() throws {
        let f = try Self.findings("Hướng tới kỷ niệm 70 năm ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 - 22/12/2014) và 110 năm thành lập TP Buôn Ma Thuột (22/11/1904 - 22/11/2014), tỉnh tổ chức lễ.")
        #expect(f.filter { $0.check == .anniversary }.map(\.relation) == ["1944 + 70 = 2014", "1904 + 110 = 2014"])
        #expect(f.allSatisfy { $0.status == .holds })
    }

    @Test func aValueAgainstItsStatedPlan() throws {
        let holds = try Self.findings("Tổng thu ngân sách năm 2023 đạt 11.000 tỷ đồng, đạt 100% dự toán được giao (kế hoạch năm 2023 là 11.000 tỷ đồng).")
        #expect(holds.filter { $0.check == .plan }.map(\.status) == [.holds])
        let fails = try Self.findings("Tổng thu ngân sách năm 2023 đạt 12.500 tỷ đồng, đạt 100% dự toán được giao (kế hoạch năm 2023 là 11.000 tỷ đồng).")
        #expect(fails.filter { $0.check == .plan }.map(\.status) == [.fails])
        // An actual stated as a bound cannot fail.
        let bound = try Self.findings("Tổng thu ngân sách năm 2023 đạt trên 12.500 tỷ đồng, đạt 100% dự toán được giao (kế hoạch năm 2023 là 11.000 tỷ đồng).")
        #expect(bound.filter { $0.check == .plan }.map(\.status) == [.unverifiable])
        // The share of what a ratio counts, past the ratio's own clause.
        let share = try Self.findings("Toàn tỉnh có 42/82 xã được công nhận đạt chuẩn nông thôn mới, chiếm tỷ lệ 51% tổng số xã.")
        #expect(share.filter { $0.check == .ratio }.map(\.status) == [.holds])
    }

    @Test func tableRowsAgainstTheirTotalRow() throws {
        let table = "Hình thức | Tập thể | Cá nhân\nBằng khen của Chủ tịch UBND tỉnh | 73 | 158\nGiấy khen | 40 | 95\nTổng cộng | 113 | 250"
        let f = try Self.findings(table)
        #expect(f.filter { $0.check == .sum }.map(\.status).sorted { $0.rawValue < $1.rawValue } == [.fails, .holds])
        // A row that names no award leaves its column without a total to check.
        let other = "Hình thức | Tập thể | Cá nhân\nBằng khen của Chủ tịch UBND tỉnh | 73 | 158\nHình thức khác | 40 | 95\nTổng cộng | 113 | 250"
        #expect(try Self.findings(other).filter { $0.check == .sum }.isEmpty)
    }

    /// A spell of years with its interval: counted either way, and an anniversary stays strict.
    @Test func yearsWithTheirInterval() throws {
        let f = try Self.findings("Hội nghị điển hình tiên tiến 5 năm (2015 – 2020) và tổng kết trong 5 năm (2010-2015) của tỉnh được tổ chức trang trọng.")
        #expect(f.filter { $0.check == .anniversary }.map(\.relation) == ["2015 + 5 = 2020", "2010 + 5 = 2015"])
        let both = try Self.findings("Kế hoạch phát triển kinh tế 5 năm (2016-2020) của tỉnh đã hoàn thành tốt đẹp.")
        #expect(both.filter { $0.check == .anniversary }.map(\.relation) == ["2016–2020 is 5 years counting both"] && both.allSatisfy { $0.status == .holds })
        let wrong = try Self.findings("Tỉnh tổng kết phong trào thi đua trong 5 năm (2010-2018) với nhiều kết quả nổi bật.")
        #expect(wrong.filter { $0.check == .anniversary }.map(\.status) == [.fails])
    }

    /// The economy's structure adds up to 100% when the sectors (and product taxes) are stated.
    @Test func sectorSharesAddUpToAHundred() throws {
        let four = try Self.findings("Khu vực I (nông, lâm nghiệp và thủy sản) chiếm tỷ trọng 2,8%; khu vực II (công nghiệp và xây dựng) chiếm 64,49%; khu vực III (dịch vụ) chiếm 24,3%; thuế sản phẩm trừ trợ cấp sản phẩm chiếm 8,41%.")
        #expect(four.filter { $0.check == .sum }.map(\.status) == [.holds])
        #expect(four.first { $0.check == .sum }?.operands == [2.8, 64.49, 24.3, 8.41])
        let three = try Self.findings("Về cơ cấu kinh tế, ngành Nông lâm nghiệp và thuỷ sản chiếm 24,3%; ngành Công nghiệp - Xây dựng chiếm 40,4%; ngành Dịch vụ chiếm 35,3%.")
        #expect(three.filter { $0.check == .sum }.map(\.status) == [.holds])
        // Short of 100 without the taxes: they may be the rest.
        let short = try Self.findings("Cơ cấu kinh tế với nông - lâm nghiệp chiếm 20,28%, công nghiệp - xây dựng 28,33% và dịch vụ chiếm 45%.")
        #expect(short.filter { $0.check == .sum }.map(\.status) == [.unverifiable])
        let over = try Self.findings("Cơ cấu kinh tế: nông, lâm nghiệp và thủy sản chiếm 30%; công nghiệp - xây dựng chiếm 40%; dịch vụ chiếm 35%.")
        #expect(over.filter { $0.check == .sum }.map(\.status) == [.fails])
        // Growth rates of the same sectors are not shares.
        let growth = try Self.findings("Khu vực nông, lâm nghiệp và thủy sản tăng 2,96%; khu vực công nghiệp - xây dựng tăng 12,5%; khu vực dịch vụ tăng 6,1%.")
        #expect(growth.filter { $0.check == .sum }.isEmpty)
    }

    /// GRDP as an amount against its sectors' amounts after it, at the rounding of each amount.
    @Test func sectorAmountsAddUpToGRDP() throws {
        let f = try Self.findings("Ước tính tổng sản phẩm (theo giá so sánh năm 2010) trên địa bàn tỉnh đạt 14.927,7 tỷ đồng, tăng 6,5% so với cùng kỳ năm trước.\n\nKhu vực nông, lâm nghiệp và thủy sản đạt 2.731 tỷ đồng, tăng 2,96%; khu vực công nghiệp và xây dựng đạt 3.998,9 tỷ đồng, tăng 7,96%; khu vực dịch vụ đạt 7.709,1 tỷ đồng, tăng 7,03%; thuế sản phẩm trừ trợ cấp sản phẩm đạt 488,7 tỷ đồng.")
        let sums = f.filter { $0.check == .sum }
        #expect(sums.map(\.status) == [.holds])
        #expect(sums.first?.relation == "2.731 tỷ đồng + 3.998,9 tỷ đồng + 7.709,1 tỷ đồng + 488,7 tỷ đồng = 14.927,7 tỷ đồng")
        // Bounds ("gần", "trên") that do not add up say nothing; without the taxes, short is unverifiable.
        let bounds = try Self.findings("GRDP của tỉnh ước đạt gần 26.680 tỷ đồng, tăng 9,3%. Khu vực nông lâm nghiệp và thủy sản ước đạt trên 6.236 tỷ đồng; khu vực công nghiệp và xây dựng ước đạt 10.295 tỷ đồng; khu vực dịch vụ ước đạt gần 8.616 tỷ đồng; thuế sản phẩm ước đạt hơn 1.529 tỷ đồng.")
        #expect(bounds.filter { $0.check == .sum }.map(\.status) == [.unverifiable])
        let wrong = try Self.findings("GRDP của tỉnh ước đạt 20.000 tỷ đồng, tăng 9,3%. Khu vực nông lâm nghiệp và thủy sản đạt 6.000 tỷ đồng; khu vực công nghiệp và xây dựng đạt 10.000 tỷ đồng; khu vực dịch vụ đạt 3.000 tỷ đồng; thuế sản phẩm đạt 2.000 tỷ đồng.")
        #expect(wrong.filter { $0.check == .sum }.map(\.status) == [.fails])
    }

    /// GRDP's growth against its sectors' contributions in percentage points; a branch's in
    /// parentheses is part of its sector's, "làm giảm" is negative.
    @Test func contributionsAddUpToGrowth() throws {
        let f = try Self.findings("GRDP trên địa bàn tỉnh ước đạt 26.677 tỷ đồng, tăng 9,30% so với cùng kỳ năm 2018. Khu vực nông lâm nghiệp và thủy sản ước đạt 6.236 tỷ đồng, giảm 2,42% so với cùng kỳ, làm giảm 0,63 điểm phần trăm vào mức tăng trưởng chung. Khu vực công nghiệp và xây dựng tăng 20,52%, đóng góp 7,18 điểm phần trăm; trong đó: ngành công nghiệp tăng 20,1% (đóng góp 4,93 điểm phần trăm). Khu vực dịch vụ tăng 6,96%, đóng góp 2,3 điểm phần trăm. Thuế sản phẩm tăng 7,84%, đóng góp 0,46 điểm phần trăm.")
        let c = f.filter { $0.check == .sum && $0.relation.contains("điểm phần trăm") }
        #expect(c.map(\.status) == [.holds])
        #expect(c.first?.operands == [-0.63, 7.18, 2.3, 0.46])
        let wrong = try Self.findings("Tổng sản phẩm trên địa bàn tăng 6,5% so với cùng kỳ. Khu vực nông, lâm nghiệp và thủy sản tăng 2,96%, đóng góp 0,62 điểm phần trăm; khu vực công nghiệp và xây dựng tăng 7,96%, đóng góp 2,33 điểm phần trăm; khu vực dịch vụ tăng 7,03%, đóng góp 4 điểm phần trăm; thuế sản phẩm trừ trợ cấp sản phẩm tăng 3%, đóng góp 0,25 điểm phần trăm.")
        #expect(wrong.filter { $0.check == .sum && $0.relation.contains("điểm phần trăm") }.map(\.status) == [.fails])
    }

    /// "Tính chung" totals the amounts of its unit in the sentence before: they add up or the
    /// reading is unverifiable, never a failure.
    @Test func tínhChungTotalsTheSentenceBefore() throws {
        let f = try Self.findings("Dự ước sản lượng lúa đạt 216,7 ngàn tấn (tăng 51,43% so với đông xuân năm trước); bắp đạt 30,2 ngàn tấn (giảm 7,43%). Tính chung sản lượng lương thực đạt 246,9 ngàn tấn (tăng 40,5% so với đông xuân năm trước).")
        #expect(f.filter { $0.check == .sum }.map(\.status) == [.holds])
        #expect(f.first { $0.check == .sum }?.relation == "216,7 ngàn tấn + 30,2 ngàn tấn = 246,9 ngàn tấn")
        let off = try Self.findings("Sản lượng lúa đạt 216,7 ngàn tấn; bắp đạt 30,2 ngàn tấn. Tính chung sản lượng lương thực đạt 250 ngàn tấn.")
        #expect(off.filter { $0.check == .sum }.map(\.status) == [.unverifiable])
    }

    /// The years since a founding date against the year of publication.
    @Test func yearsSinceFounding() throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let text = "15/09/2017 - 06:22\n\nTrường tổ chức lễ kỷ niệm\n\nNgày 14-9-2017, trường đón nhận danh hiệu. Tiền thân là Trường Canh nông thực hành Cần Thơ thành lập ngày 25-9-1957, 60 năm qua trường cung cấp hàng vạn kỹ sư cho vùng đồng bằng.\n"
        let (report, _, s) = try Self.audit([scratch.write("a.txt", text)])
        defer { s.cleanup() }
        let found = report.findings.filter { $0.check == .anniversary }
        #expect(found.map(\.status) == [.holds], "\(found.map(\.relation))")
        #expect(found.first?.relation == "1957 + 60 = 2017, the year of publication")
    }
}
