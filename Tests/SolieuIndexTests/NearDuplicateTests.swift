import Foundation
import GRDB
@testable import SolieuIndex
import SolieuIngest
import SolieuTestSupport
import SolieuText
import Testing

/// Near-identical copies of one article are one document with several sources, so its awards
/// are counted once; distinct bulletins, and bulletins that differ by a number, stay apart.
@Suite(.serialized) struct NearDuplicateTests {
    static let real = "fixtures/real/quangnam-baoquangnam-20170315.txt"

    /// The real bulletin republished by another portal: another byline, the portal's menu and
    /// share line, one sentence reworded without touching its numbers.
    static func republished(_ text: String) -> String {
        var paragraphs = text.components(separatedBy: "\n\n")
        paragraphs[1] = "Theo Báo Quảng Nam điện tử"
        paragraphs[2] = paragraphs[2].replacingOccurrences(of: "tổ chức lễ", with: "đã long trọng tổ chức lễ")
        return (["Trang chủ | Tin tức | Thi đua khen thưởng"] + paragraphs + ["Chia sẻ: Facebook Zalo In bài"]).joined(separator: "\n\n")
    }

    static func signature(_ text: String) -> [UInt32] { NearDuplicates.signature(key: VietnameseFold.searchKey(text)) }

    @Test func similarityOfCopiesAndOfDistinctBulletins() throws {
        let text = try Ingest.article(file: Project.path(Self.real)).text
        #expect(NearDuplicates.similarity(Self.signature(text), Self.signature(text)) == 1)
        let copy = NearDuplicates.similarity(Self.signature(text), Self.signature(Self.republished(text)))
        #expect(copy >= NearDuplicates.threshold && copy < 1)
        let other = try Ingest.article(file: Project.path("fixtures/real/ninhthuan-baoninhthuan-00000000.txt")).text
        #expect(NearDuplicates.similarity(Self.signature(text), Self.signature(other)) < 0.2)
        // The signature is of words: case, diacritics and spacing aside.
        #expect(Self.signature("Tặng Bằng khen cho 12 tập thể và 30 cá nhân") == Self.signature("tang  bang KHEN cho 12 tap the va 30 ca nhan"))
        // An empty text has no keys, so it is nobody's copy.
        #expect(NearDuplicates.keys(signature: Self.signature(""), key: "").isEmpty)
    }

    @Test func whatDiffersIsNamed() {
        let d = NearDuplicates.difference(copy: "Menu\n\nMột hai ba.\n\nBốn năm.", document: "Một hai  ba.\n\nBốn năm.\n\nSáu bảy.")
        #expect(d.onlyInCopy == ["Menu"])
        #expect(d.missing == 1)
    }

    /// A republished copy becomes a source of the article, with its similarity and what only it
    /// says; its awards are not counted twice.
    @Test func aRepublishedCopyIsOneMoreSource() throws {
        let s = Scratch()
        defer { s.cleanup() }
        let text = Project.text(Self.real)
        let original = s.write("baoquangnam/a.txt", text)
        let copy = s.write("portal/b.txt", Self.republished(text))
        let alone = try SolieuDatabase(path: s.path("alone.db"))
        _ = try BatchIngest(database: alone, jobs: 1).run(paths: [original])
        let db = try SolieuDatabase(path: s.path("x.db"))
        let p = try BatchIngest(database: db, jobs: 1).run(paths: [original, copy]).progress
        #expect(p.added == 1 && p.nearCopies == 1)
        let doc = try db.document("a.txt")
        #expect(doc.sources.count == 2)
        let c = try #require(doc.copies.first)
        #expect(doc.copies.count == 1 && c.path.hasSuffix("portal/b.txt"))
        #expect(c.similarity >= NearDuplicates.threshold && c.similarity < 1)
        // The portal's menu and share line are furniture the article leaves out; the new byline
        // and the reworded paragraph are what only the copy says, the old two what it lacks.
        let paragraphs = text.components(separatedBy: "\n\n")
        #expect(c.onlyHere == ["Theo Báo Quảng Nam điện tử", paragraphs[2].replacingOccurrences(of: "tổ chức lễ", with: "đã long trọng tổ chức lễ")])
        #expect(c.missing == 2)
        var awards = FigureFilter()
        awards.kinds = [.award]
        let once = try alone.stats(awards, groupBy: ["recipient"])
        #expect(!once.isEmpty)
        #expect(try db.stats(awards, groupBy: ["recipient"]).map(\.sum) == once.map(\.sum))
        // Ingested again, both files are unchanged.
        let again = try BatchIngest(database: db, jobs: 1).run(paths: [original, copy]).progress
        #expect(again.unchanged == 2)
        #expect(try db.integrityCheck() == "ok")
    }

    /// The same short bulletin with one count changed is another report, not a copy, however
    /// similar its words.
    @Test func aCopyWithOtherNumbersIsAnotherDocument() throws {
        let s = Scratch()
        defer { s.cleanup() }
        let text = Project.text(Self.real)
        let a = s.write("a.txt", text)
        let b = s.write("b.txt", Self.republished(text).replacingOccurrences(of: "35 tập thể, 97 cá nhân", with: "36 tập thể, 97 cá nhân"))
        let db = try SolieuDatabase(path: s.path("x.db"))
        let p = try BatchIngest(database: db, jobs: 1).run(paths: [a, b]).progress
        #expect(p.added == 2 && p.nearCopies == 0)
    }

    /// A page and the same article saved as text are one document (fixtures/html, fixtures/portal).
    @Test func pagesAndTheirArticleTextAreOneDocument() throws {
        let s = Scratch()
        defer { s.cleanup() }
        var paths: [String] = []
        for dir in ["fixtures/html", "fixtures/portal"] {
            for html in Project.files(in: dir, suffix: ".html") {
                paths.append(Project.path("\(dir)/\(html)"))
                paths.append(Project.path("\(dir)/\(html.dropLast(5)).article.txt"))
            }
        }
        let db = try SolieuDatabase(path: s.path("x.db"))
        let p = try BatchIngest(database: db, jobs: 2, force: true).run(paths: paths).progress
        #expect(p.failed == 0)
        #expect(try db.summary().sources == paths.count)
        // Each pair is one article: the same text (one more source) or a near copy of it.
        for i in stride(from: 0, to: paths.count, by: 2) {
            let page = try db.document(paths[i]), text = try db.document(paths[i + 1])
            #expect(page.id == text.id, "\(paths[i])")
        }
        #expect(p.nearCopies > 0)
    }

    /// Distinct real bulletins are never merged: fixtures/real's texts give one document per
    /// distinct text.
    @Test func distinctBulletinsStayApart() throws {
        let s = Scratch()
        defer { s.cleanup() }
        let paths = Project.files(in: "fixtures/real", suffix: ".txt").map { Project.path("fixtures/real/" + $0) }
        let hashes = Set(try paths.map { try Ingest.article(file: $0).hash })
        let db = try SolieuDatabase(path: s.path("x.db"))
        let p = try BatchIngest(database: db, jobs: 2).run(paths: paths).progress
        #expect(p.nearCopies == 0)
        #expect(try db.summary().documents == hashes.count)
    }

    /// Replacing or deleting a document takes its signature and keys with it.
    @Test func signaturesFollowTheirDocument() throws {
        let s = Scratch()
        defer { s.cleanup() }
        let text = Project.text(Self.real)
        let a = s.write("a.txt", text)
        let db = try SolieuDatabase(path: s.path("x.db"))
        _ = try BatchIngest(database: db, jobs: 1).run(paths: [a])
        // The file changes into another bulletin: its old document goes, with its keys.
        _ = s.write("a.txt", Project.text("fixtures/real/ninhthuan-baoninhthuan-00000000.txt"))
        let p = try BatchIngest(database: db, jobs: 1).run(paths: [a]).progress
        #expect(p.replaced == 1)
        let queue = try DatabaseQueue(path: s.path("x.db"))
        defer { try? queue.close() }
        let counts = try queue.read { db in
            try ["SELECT count(DISTINCT document_id) FROM document_bands", "SELECT count(DISTINCT document_id) FROM document_bands",
                 "SELECT count(*) FROM document_bands WHERE document_id NOT IN (SELECT id FROM documents)"].map { try Int.fetchOne(db, sql: $0) ?? -1 }
        }
        #expect(counts == [1, 1, 0])
        // A slightly edited file replaces its own document rather than becoming its copy.
        _ = s.write("a.txt", Project.text("fixtures/real/ninhthuan-baoninhthuan-00000000.txt") + "\n\nNguồn: Báo Ninh Thuận")
        let edited = try BatchIngest(database: db, jobs: 1).run(paths: [a]).progress
        #expect(edited.replaced == 1 && edited.nearCopies == 0)
        #expect(try db.summary().documents == 1)
    }
}
