import Foundation

/// A fresh folder under the system's temporary directory, removed by `cleanup()`.
public struct Scratch {
    public let url: URL
    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("solieu-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    public func write(_ name: String, _ text: String) -> String {
        let p = path(name)
        try? FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }
    public func write(_ name: String, bytes: [UInt8]) -> String {
        let p = path(name)
        FileManager.default.createFile(atPath: p, contents: Data(bytes))
        return p
    }
    public func cleanup() { try? FileManager.default.removeItem(at: url) }
}

/// The `solieu` executable built next to the test bundle.
public enum SolieuBinary {
    public static var path: String? {
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
    public static func run(_ arguments: [String], timeout: Double = 180) throws -> (Int32, String, String) {
        guard let path else { throw NotFound() }
        return try runProcess(path, arguments, timeout: timeout)
    }

    /// Runs an executable to completion (killed after `timeout` seconds, status -9), its
    /// output captured in files; returns (status, stdout, stderr).
    static func runProcess(_ executable: String, _ arguments: [String], in dir: String? = nil, environment: [String: String]? = nil,
                           timeout: Double) throws -> (Int32, String, String) {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let outPath = scratch.write("out", ""), errPath = scratch.write("err", "")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let dir { p.currentDirectoryURL = URL(fileURLWithPath: dir) }
        if let environment { p.environment = environment }
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
    public static func textAt(_ absolute: String) -> String {
        String(decoding: FileManager.default.contents(atPath: absolute) ?? Data(), as: UTF8.self)
    }
}

/// The solieu executable was not built next to the tests.
public struct NotFound: Error {}

extension SolieuBinary {
    /// Runs a shell script with `$SOLIEU` set to the binary (for redirections to /dev/full, file
    /// size limits, FIFOs and racing processes); returns (status, stdout, stderr).
    @discardableResult
    public static func shell(_ script: String, in dir: String, timeout: Double = 180) throws -> (Int32, String, String) {
        guard let path else { throw NotFound() }
        var env = ProcessInfo.processInfo.environment
        env["SOLIEU"] = path
        env.removeValue(forKey: "SOLIEU_DB")
        return try runProcess("/bin/sh", ["-c", script], in: dir, environment: env, timeout: timeout)
    }
}
