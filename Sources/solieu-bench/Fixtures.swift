import Foundation

/// Input files with their gold article text, found under the project root.
struct GoldPair {
    var input: String
    var gold: String
    var group: String
}

enum FixtureSet {
    static func pairs(root: String) -> [GoldPair] {
        let fm = FileManager.default
        var result: [GoldPair] = []
        for (dir, group) in [("fixtures/html", "real page"), ("fixtures/portal", "portal-style")] {
            let path = (root as NSString).appendingPathComponent(dir)
            for name in ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted() where name.hasSuffix(".html") {
                let gold = (path as NSString).appendingPathComponent(String(name.dropLast(5)) + ".article.txt")
                if fm.fileExists(atPath: gold) {
                    result.append(GoldPair(input: (path as NSString).appendingPathComponent(name), gold: gold, group: group))
                }
            }
        }
        let corpus = (root as NSString).appendingPathComponent("corpus")
        for name in ((try? fm.contentsOfDirectory(atPath: corpus)) ?? []).sorted() where name.hasSuffix(".txt") {
            let gold = (root as NSString).appendingPathComponent("fixtures/seeds/" + String(name.dropLast(4)) + ".article.txt")
            if fm.fileExists(atPath: gold) {
                result.append(GoldPair(input: (corpus as NSString).appendingPathComponent(name), gold: gold, group: "seed (text)"))
            }
        }
        return result
    }

    static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
}

/// Peak and current resident set size from /proc/self/status, in MB.
enum Memory {
    static func value(_ key: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(key) {
            let digits = line.split(separator: " ").compactMap { Double($0) }
            if let kb = digits.first { return kb / 1024 }
        }
        return 0
    }
    static var peakMB: Double { value("VmHWM:") }
    static var currentMB: Double { value("VmRSS:") }
}

enum Stopwatch {
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
func fmt(_ v: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", v) }
