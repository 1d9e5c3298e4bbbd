import Foundation
@testable import SolieuIngest
import SolieuTestSupport
import Testing

/// Files that are not bulletins are named as such; every bulletin of the project passes.
struct BulletinCheckTests {
    func article(_ text: String, name: String = "x.txt") throws -> Article { try Ingest.article(bytes: Array(text.utf8), name: name) }

    @Test func everyBulletinOfTheProjectPasses() throws {
        var checked = 0
        for dir in ["corpus", "fixtures/real", "fixtures/seeds", "fixtures/portal", "fixtures/audit"] {
            for name in Project.files(in: dir, suffix: "") where (name.hasSuffix(".txt") && !name.hasSuffix(".article.txt")) || name.hasSuffix(".html") {
                let a = try Ingest.article(file: Project.path("\(dir)/\(name)"))
                #expect(BulletinCheck.problem(a) == nil, "\(dir)/\(name): \(BulletinCheck.problem(a) ?? "")")
                checked += 1
            }
        }
        #expect(checked > 90)
    }

    @Test func notBulletins() throws {
        let licence = String(repeating: "Permission is hereby granted, free of charge, to any person obtaining a copy of this software. ", count: 5)
        #expect(BulletinCheck.problem(try article(licence))?.hasPrefix("not Vietnamese") == true)
        let words = (0..<60).map { ["thi đua", "khen thưởng", "tập thể", "cá nhân", "huân chương"][$0 % 5] + " \($0)" }.joined(separator: "\n")
        #expect(BulletinCheck.problem(try article(words))?.hasPrefix("a word list") == true)
        #expect(BulletinCheck.problem(try article("Tổng kết thi đua năm 2018"))?.hasPrefix("no sentence") == true)
        let bulletin = "UBND tỉnh Gia Lai tặng Bằng khen cho 12 tập thể và 30 cá nhân có thành tích xuất sắc trong phong trào thi đua."
        #expect(BulletinCheck.problem(try article(bulletin)) == nil)
    }
}
