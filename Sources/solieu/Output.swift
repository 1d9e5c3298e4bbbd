import Foundation

/// Writing to stdout/stderr; a closed pipe ends quietly.
enum Output {
    static func print(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data(("solieu: " + line + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T, pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Files named on the command line, folders walked recursively (sorted, hidden files skipped).
struct InputFiles {
    var paths: [String] = []
    var problems: [String] = []

    static let extensions: Set<String> = ["html", "htm", "xhtml", "txt", "aspx", "asp", "php", "jsp"]

    static func expand(_ inputs: [String]) -> InputFiles {
        var result = InputFiles()
        let fm = FileManager.default
        for input in inputs {
            if input == "-" { result.paths.append(input); continue }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDirectory) else {
                result.problems.append("\(input): no such file or directory")
                continue
            }
            if !isDirectory.boolValue { result.paths.append(input); continue }
            guard let walker = fm.enumerator(atPath: input) else {
                result.problems.append("\(input): cannot list folder")
                continue
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { continue }
                let ext = (name as NSString).pathExtension.lowercased()
                guard extensions.contains(ext) else { continue }
                let full = (input as NSString).appendingPathComponent(relative)
                var dir: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue { found.append(full) }
            }
            result.paths.append(contentsOf: found.sorted())
        }
        return result
    }
}
