import Foundation

/// The project root, found by walking up from this file (tests read only files inside the project).
public enum Project {
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    public static func text(_ relative: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path(relative)) ?? Data(), as: UTF8.self)
    }

    public static func files(in dir: String, suffix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(dir))) ?? []).filter { $0.hasSuffix(suffix) }.sorted()
    }
}
