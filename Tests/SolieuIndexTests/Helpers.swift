import Foundation
import SolieuIndex
import SolieuTestSupport

/// Gold figures of a seed (fixtures/seeds/NAME.gold.json).
struct Gold: Decodable {
    struct Figure: Decodable {
        var kind: String
        var award: String?
        var recipient: String?
        var count: Int?
        var uncertain: Bool?
    }
    var province: String?
    var published: String?
    var figures: [Figure]

    static func load(_ name: String) -> Gold {
        let data = FileManager.default.contents(atPath: Project.path("fixtures/seeds/\(name).gold.json")) ?? Data()
        return (try? JSONDecoder().decode(Gold.self, from: data)) ?? Gold(province: nil, published: nil, figures: [])
    }
}

enum Seeds {
    static var names: [String] { Project.files(in: "corpus", suffix: ".txt").map { String($0.dropLast(4)) } }
    static var paths: [String] { Project.files(in: "corpus", suffix: ".txt").map { Project.path("corpus/" + $0) } }
}

