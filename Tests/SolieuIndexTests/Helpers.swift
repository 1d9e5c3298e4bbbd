import Foundation
import SolieuIndex
import SolieuTestSupport

/// A fresh folder under the system's temporary directory, removed by `cleanup()`.
struct Scratch {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("solieu-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func write(_ name: String, _ text: String) -> String {
        let p = path(name)
        try? FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }
    func write(_ name: String, bytes: [UInt8]) -> String {
        let p = path(name)
        FileManager.default.createFile(atPath: p, contents: Data(bytes))
        return p
    }
    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

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

/// The `solieu` executable built next to the test bundle.
enum SolieuBinary {
    static var path: String? {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [here.appendingPathComponent("solieu").path]
        // swift-testing may run from inside the .xctest bundle folder
        candidates.append(here.deletingLastPathComponent().appendingPathComponent("solieu").path)
        candidates.append(Project.path(".build/debug/solieu"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs solieu to completion (killed, and reported as status -9, after `timeout` seconds:
    /// a hang must fail the test, not stall the suite); returns (status, stdout, stderr).
    @discardableResult
    static func run(_ arguments: [String], timeout: Double = 180) throws -> (Int32, String, String) {
        guard let path else { throw IndexError("solieu executable not found") }
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let outPath = scratch.write("out", ""), errPath = scratch.write("err", "")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        p.standardOutput = FileHandle(forWritingAtPath: outPath)
        p.standardError = FileHandle(forWritingAtPath: errPath)
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        var status: Int32
        if p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            status = -9
        } else {
            status = p.terminationStatus
        }
        return (status, Project.textAt(outPath), Project.textAt(errPath))
    }
}

extension Project {
    static func textAt(_ absolute: String) -> String {
        String(decoding: FileManager.default.contents(atPath: absolute) ?? Data(), as: UTF8.self)
    }
}
