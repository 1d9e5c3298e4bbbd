// Files: paths as the system gives them, read safely.
//
// Brief overview
// - `RawPath` carries a file name that is not valid UTF-8 inside a Swift `String` without loss:
//   each byte that is not part of valid UTF-8 becomes one private-use scalar (U+10FF00 + byte),
//   turned back into the byte when the file is opened. `RawPath.display` shows such a name
//   escaped ("caf\xE9.txt", control characters as "\n", "\u{1B}"), so a name can never forge a
//   message line or drive the terminal.
// - `RawPath.arguments()` reads argv as bytes (Swift's `CommandLine.arguments` replaces bad bytes
//   with U+FFFD, and such a file is then "not found").
// - `FileWalk.expand` turns files and folders into the files to read: folders recursively (sorted,
//   hidden entries skipped, directory symlinks not followed), with dangling symlinks, unreadable
//   folders and files of other types reported, and files skipped for their extension counted.
// - `Ingest.read(file:)` opens without following into FIFOs or devices (it refuses anything that is
//   not a regular file before reading a byte) and reads at most the size limit.
import Foundation

public enum RawPath {
    static let base: UInt32 = 0x10FF00

    /// The `String` for a path given as bytes (lossless, see the overview).
    public static func string(_ bytes: some Sequence<UInt8>) -> String {
        let array = Array(bytes)
        if let s = String(validating: array, as: UTF8.self), !s.unicodeScalars.contains(where: { $0.value >= base }) { return s }
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < array.count {
            let b = array[i]
            let length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
            if length > 0, i + length <= array.count,
               let s = String(validating: array[i..<i + length], as: UTF8.self), let scalar = s.unicodeScalars.first,
               s.unicodeScalars.count == 1, scalar.value < base {
                scalars.append(scalar)
                i += length
            } else {
                scalars.append(Unicode.Scalar(base + UInt32(b))!)
                i += 1
            }
        }
        return String(scalars)
    }

    /// The bytes to hand to the system for a path made by `string(_:)`.
    public static func bytes(_ path: String) -> [UInt8] {
        guard path.unicodeScalars.contains(where: { $0.value >= base && $0.value <= base + 0xFF }) else { return Array(path.utf8) }
        var out: [UInt8] = []
        for s in path.unicodeScalars {
            if s.value >= base && s.value <= base + 0xFF { out.append(UInt8(s.value - base)) } else { out.append(contentsOf: String(s).utf8) }
        }
        return out
    }

    /// The path as a person should see it in a message: undecodable bytes as \xHH, control
    /// characters escaped, everything else as it is.
    public static func display(_ path: String) -> String {
        var out = ""
        for s in path.unicodeScalars {
            switch s.value {
            case base...(base + 0xFF): out += String(format: "\\x%02X", s.value - base)
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{\(String(s.value, radix: 16, uppercase: true))}"
            case 0x5C: out += "\\\\"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// The process's arguments, decoded losslessly (see `string(_:)`).
    public static func arguments() -> [String] {
        (0..<Int(CommandLine.argc)).map { i in
            guard let p = CommandLine.unsafeArgv[i] else { return "" }
            return string(cString: p)
        }
    }

    /// The `String` for a C string of path bytes (see `string(_:)`).
    public static func string(cString p: UnsafePointer<CChar>) -> String {
        string(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
    }

    /// `realpath(3)` on the path's own bytes: absolute, symlinks resolved; nil when it fails.
    public static func realPath(_ path: String) -> String? {
        guard let real = withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(real) }
        return string(cString: real)
    }

    /// `stat(2)` of a path (following symlinks unless `link`), or the errno.
    public static func status(_ path: String, link: Bool = false) -> Result<stat, Errno> {
        var st = stat()
        let rc = bytes(path).withUnsafeBufferPointer { b -> Int32 in
            let c = Array(b) + [0]
            return c.withUnsafeBufferPointer { p in
                p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: c.count) { link ? lstat($0, &st) : stat($0, &st) }
            }
        }
        return rc == 0 ? .success(st) : .failure(Errno(errno))
    }

    /// Calls `body` with the path as a C string of its bytes.
    public static func withCString<T>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        let c = bytes(path) + [0]
        return try c.withUnsafeBufferPointer { p in
            try p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: c.count) { try body($0) }
        }
    }
}

/// An errno value with the system's text for it.
public struct Errno: Error, Equatable, CustomStringConvertible, Sendable {
    public var code: Int32
    public init(_ code: Int32) { self.code = code }
    public var description: String { String(cString: strerror(code)) }
}

extension stat {
    public var isRegular: Bool { (st_mode & S_IFMT) == S_IFREG }
    public var isDirectory: Bool { (st_mode & S_IFMT) == S_IFDIR }
    public var isLink: Bool { (st_mode & S_IFMT) == S_IFLNK }
    /// "a FIFO", "a device", … for a message about a file that is not a regular one.
    var kindName: String {
        switch st_mode & S_IFMT {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a directory"
        default: return "not a regular file"
        }
    }
}

/// Files and folders given on a command line, expanded into the files to read.
public struct FileWalk: Sendable {
    /// Files to read, in order: each argument's files sorted, arguments in the order given.
    public var paths: [String] = []
    /// One line per input that could not be used (already escaped for display).
    public var problems: [String] = []
    /// Files inside folders left out because of their extension, by extension ("(none)" when
    /// the name has none).
    public var skipped: [String: Int] = [:]

    /// The extensions read when walking a folder (a file named directly is always read).
    public static let extensions: Set<String> = ["html", "htm", "xhtml", "txt", "aspx", "asp", "php", "jsp", "docx", "odt", "pdf", "doc",
                                                            "png", "jpg", "jpeg", "tif", "tiff", "bmp", "pnm", "pgm", "pbm"]

    public static func expand(_ inputs: [String], extensions: Set<String> = FileWalk.extensions) -> FileWalk {
        var walk = FileWalk()
        for input in inputs {
            if input == "-" { walk.paths.append(input); continue }
            switch RawPath.status(input) {
            case .failure(let e):
                if case .success(let l) = RawPath.status(input, link: true), l.isLink {
                    walk.problems.append("\(RawPath.display(input)): broken symbolic link")
                } else {
                    walk.problems.append("\(RawPath.display(input)): \(e.code == ENOENT ? "no such file or directory" : e.description)")
                }
            case .success(let st) where st.isDirectory:
                var found: [String] = []
                walk.walk(input, into: &found, extensions: extensions, depth: 0)
                walk.paths.append(contentsOf: found.sorted { RawPath.bytes($0).lexicographicallyPrecedes(RawPath.bytes($1)) })
            case .success:
                // A file named directly is read whatever its type; Ingest.read refuses FIFOs and devices.
                walk.paths.append(input)
            }
        }
        return walk
    }

    mutating func walk(_ dir: String, into found: inout [String], extensions: Set<String>, depth: Int) {
        guard depth < 64 else { problems.append("\(RawPath.display(dir)): folders nested over 64 deep, not walked"); return }
        guard let handle = RawPath.withCString(dir, { opendir($0) }) else {
            problems.append("\(RawPath.display(dir)): cannot list folder: \(Errno(errno))")
            return
        }
        defer { closedir(handle) }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name.first == UInt8(ascii: ".") { continue }
            names.append(name)
        }
        let prefix = RawPath.bytes(dir) + (dir.hasSuffix("/") ? [] : [UInt8(ascii: "/")])
        for name in names {
            let full = RawPath.string(prefix + name)
            guard case .success(let link) = RawPath.status(full, link: true) else { continue }
            if link.isDirectory { walk(full, into: &found, extensions: extensions, depth: depth + 1); continue }
            let ext = Self.extensionOf(name)
            let wanted = extensions.contains(ext)
            if link.isLink {
                switch RawPath.status(full) {
                case .failure:
                    if wanted { problems.append("\(RawPath.display(full)): broken symbolic link") }
                    continue
                case .success(let target):
                    // Folders reached through links are not walked (no cycles, no walking out of the tree).
                    if target.isDirectory { continue }
                    if !target.isRegular { if wanted { problems.append("\(RawPath.display(full)): \(target.kindName), not read") }; continue }
                }
            } else if !link.isRegular {
                if wanted { problems.append("\(RawPath.display(full)): \(link.kindName), not read") }
                continue
            }
            if wanted { found.append(full) } else { skipped[ext.isEmpty ? "(none)" : ext, default: 0] += 1 }
        }
    }

    static func extensionOf(_ name: [UInt8]) -> String {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return "" }
        return String(decoding: name[(dot + 1)...], as: UTF8.self).lowercased()
    }

    /// "12 skipped (.pdf 7, .docx 3, no extension 2)", or nil when nothing was skipped.
    public var skippedSummary: String? {
        let total = skipped.values.reduce(0, +)
        guard total > 0 else { return nil }
        let parts = skipped.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { ($0.key == "(none)" ? "no extension" : "." + RawPath.display($0.key)) + " \($0.value)" }
        return "\(total) file\(total == 1 ? "" : "s") in folders skipped for their type (\(parts.joined(separator: ", ")))"
    }
}
