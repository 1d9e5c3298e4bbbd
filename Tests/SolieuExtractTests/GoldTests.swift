import Foundation
import SolieuExtract
import SolieuIngest
import SolieuTestSupport
import Testing

/// Extraction against the seed gold (issue 4: F1 ≥ 0.97 overall, ≥ 0.95 per kind with ≥ 10 gold
/// figures), and exact spans over every corpus and fixture article.
struct GoldTests {
    static let seeds = Project.files(in: "fixtures/seeds", suffix: ".gold.json").map { String($0.dropLast(".gold.json".count)) }

    func score() throws -> GoldScore {
        var score = GoldScore()
        for id in Self.seeds {
            let article = try Ingest.article(file: Project.path("corpus/\(id).txt"))
            let data = try #require(FileManager.default.contents(atPath: Project.path("fixtures/seeds/\(id).gold.json")))
            let gold = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            score.add(predicted: Extractor.extract(article.text, published: article.published), gold: gold, document: id)
        }
        return score
    }

    @Test func seedGoldF1() throws {
        #expect(Self.seeds.count == 5)
        let score = try score()
        #expect(score.overall.f1 >= 0.97, "overall F1 \(score.overall.f1); missed \(score.missed); spurious \(score.spurious)")
        for (kind, c) in score.byKind where c.gold >= 10 {
            #expect(c.f1 >= 0.95, "\(kind): F1 \(c.f1)")
        }
    }

    @Test func spansAreExact() throws {
        var files = Project.files(in: "corpus", suffix: ".txt").map { "corpus/" + $0 }
        files += Project.files(in: "fixtures/html", suffix: ".html").map { "fixtures/html/" + $0 }
        files += Project.files(in: "fixtures/portal", suffix: ".html").map { "fixtures/portal/" + $0 }
        var checked = 0
        for file in files {
            let article = try Ingest.article(file: Project.path(file))
            let scalars = Array(article.text.unicodeScalars)
            for f in Extractor.extract(article.text, published: article.published) {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[f.start..<f.end])
                #expect(String(view) == f.text, "\(file) \(f.start)..<\(f.end)")
                checked += 1
            }
        }
        #expect(checked > 400)
    }

    @Test func recordsEncodeWithGoldFieldNames() throws {
        let f = try #require(Extractor.extract("Quyết định số 32/QĐ-UBND ngày 17/01/2017 của UBND tỉnh.").first)
        let json = String(decoding: try JSONEncoder().encode(f), as: UTF8.self)
        #expect(json.contains("\"number\":\"32\\/QĐ-UBND\"") || json.contains("\"number\":\"32/QĐ-UBND\""))
        #expect(json.contains("\"type\":\"Quyết định\""))
        #expect(json.contains("\"date\":\"2017-01-17\""))
    }
}
