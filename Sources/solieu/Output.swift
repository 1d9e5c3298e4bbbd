import ArgumentParser
import Foundation
import SolieuIngest

/// Writing to stdout/stderr with the system's own `write(2)`, so a failed write is an error
/// message, not a crash:
/// - stdout closed by the reader (`solieu figures | head`): the command ends quietly, status 0;
/// - any other failure (a full disk, `> /dev/full`, an I/O error): one line with the OS reason on
///   stderr and exit status 2.
/// On a terminal, text is cleaned of control characters (`Terminal.clean`) before it is shown.
enum Output {
    static let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
    static let stderrIsTerminal = isatty(STDERR_FILENO) == 1

    static func print(_ line: String, terminator: Bool = true) {
        let text = stdoutIsTerminal ? Terminal.clean(line) : Terminal.plain(line)
        if let failure = writeAll(STDOUT_FILENO, Array((terminator ? text + "\n" : text).utf8)) { stdoutFailed(failure) }
    }

    static func error(_ line: String) {
        let text = stderrIsTerminal ? Terminal.clean(line) : Terminal.plain(line)
        _ = writeAll(STDERR_FILENO, Array(("solieu: " + text + "\n").utf8))
    }

    /// Bytes to stderr as they are (the progress bar's own escape sequences); failures ignored.
    static func rawError(_ text: String) {
        _ = writeAll(STDERR_FILENO, Array(text.utf8))
    }

    /// Writes every byte, retrying on EINTR and short writes; nil when done, else the errno.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Errno? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return Errno(errno)
            }
            offset += n
        }
        return nil
    }

    static func stdoutFailed(_ failure: Errno) -> Never {
        if failure.code == EPIPE { exit(0) }
        error("cannot write to standard output: \(failure)")
        exit(2)
    }

    static func json<T: Encodable>(_ value: T, pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// What may reach a terminal. Stored text is cleaned at ingest, but a database written by an
/// older version, a file name or a query may still carry escape sequences; none of them may
/// clear the screen, set the title or colour the output. The commands' own highlighting is
/// written as private-use marks (`bold`, `underline`, `reset`) that only `clean` turns into
/// escape sequences.
enum Terminal {
    static let bold = "\u{E000}", underline = "\u{E001}", reset = "\u{E002}"

    /// Whether output to `fd` may be styled and redrawn: a terminal, not a dumb one, and no
    /// NO_COLOR in the environment (no-color.org).
    static func styled(_ fd: Int32) -> Bool {
        let env = ProcessInfo.processInfo.environment
        return isatty(fd) == 1 && (env["NO_COLOR"] ?? "").isEmpty && env["TERM"] != "dumb"
    }
    static let stdoutStyled = styled(STDOUT_FILENO)
    static let stderrStyled = styled(STDERR_FILENO)

    /// C0 and C1 controls (but tab and newline), DEL and bidi overrides removed; marks → SGR.
    static func clean(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: needsWork) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case "\u{E000}": out.append(contentsOf: "\u{1B}[1m".unicodeScalars)
            case "\u{E001}": out.append(contentsOf: "\u{1B}[4;36m".unicodeScalars)
            case "\u{E002}": out.append(contentsOf: "\u{1B}[0m".unicodeScalars)
            case _ where isControl(u): continue
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// Not a terminal: the text as it is, less the highlighting marks.
    static func plain(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value >= 0xE000 && $0.value <= 0xE002 }) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.filter { !($0.value >= 0xE000 && $0.value <= 0xE002) }))
    }

    /// What article text may not hold (`Article.isControl`), and the bidi overrides and
    /// isolates that would reorder a terminal line.
    static func isControl(_ u: Unicode.Scalar) -> Bool {
        Article.isControl(u) || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value)
    }

    static func needsWork(_ u: Unicode.Scalar) -> Bool { isControl(u) || (u.value >= 0xE000 && u.value <= 0xE002) }
}

/// A file a command writes its whole output to (`--out`): checked before any work is done, written
/// under a temporary name beside it, and renamed into place only when complete, so a full disk or
/// an interrupted run never leaves a partial report where the last good one was.
final class OutFile {
    let path: String
    let temporary: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var committed = false

    /// Refuses a path that is empty, is not a regular file, or is the database or one of its
    /// journal files; creates the temporary file (so a folder that cannot be written to is
    /// reported now, with the OS reason). Errors are printed; the command ends with status 2.
    static func open(_ path: String, database: String?) throws -> OutFile {
        do {
            return try OutFile(path: path, database: database)
        } catch let e as OutError {
            Output.error(e.message)
            throw ExitCode(2)
        }
    }

    struct OutError: Error { var message: String }

    private init(path: String, database: String?) throws {
        self.path = path
        let shown = RawPath.display(path)
        guard !path.isEmpty else { throw OutError(message: "--out: empty file name") }
        if case .success(let st) = RawPath.status(path) {
            guard st.isRegular else { throw OutError(message: "--out \(shown): not a regular file") }
        }
        if let database, Self.sameFile(path, asAnyOf: [database, database + "-wal", database + "-shm", database + "-journal"]) {
            throw OutError(message: "--out \(shown): that is the database (or one of its files); choose another file")
        }
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        temporary = (dir.isEmpty ? "" : dir + "/") + ".\(name).solieu-\(getpid())"
        fd = RawPath.withCString(temporary) { Glibc.open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        if fd < 0 { throw OutError(message: "cannot write \(shown): \(Errno(errno))") }
    }

    /// Whether `path` names one of `others`: the same inode when both exist, else the same
    /// place once the folder is resolved.
    static func sameFile(_ path: String, asAnyOf others: [String]) -> Bool {
        let mine = RawPath.status(path)
        for other in others {
            if case .success(let a) = mine, case .success(let b) = RawPath.status(other) {
                if a.st_dev == b.st_dev && a.st_ino == b.st_ino { return true }
                continue
            }
            if let x = resolved(path), let y = resolved(other), x == y { return true }
        }
        return false
    }

    static func resolved(_ path: String) -> String? {
        let dir = (path as NSString).deletingLastPathComponent
        return RawPath.realPath(dir.isEmpty ? "." : dir).map { $0 + "/" + (path as NSString).lastPathComponent }
    }

    func write(_ s: String) throws {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        if let failure = Output.writeAll(fd, buffer) { throw OutError(message: "cannot write \(RawPath.display(path)): \(failure)") }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames the file into place.
    func commit() throws {
        do {
            try flush()
            if fsync(fd) != 0 { throw OutError(message: "cannot write \(RawPath.display(path)): \(Errno(errno))") }
            close(fd)
            fd = -1
            let rc = RawPath.withCString(temporary) { t in RawPath.withCString(path) { rename(t, $0) } }
            if rc != 0 { throw OutError(message: "cannot write \(RawPath.display(path)): \(Errno(errno))") }
            committed = true
        } catch let e as OutError {
            Output.error(e.message)
            throw ExitCode(2)
        }
    }

    /// Writes, and on failure reports the error, removes the temporary file and ends with status 2.
    func writeOrExit(_ s: String) throws {
        do { try write(s) } catch let e as OutError {
            Output.error(e.message)
            throw ExitCode(2)
        }
    }

    deinit {
        if fd >= 0 { close(fd) }
        if !committed { _ = RawPath.withCString(temporary) { unlink($0) } }
    }
}

/// Buffered output of a streaming command: to an `OutFile`, else to stdout.
final class OutputSink {
    let file: OutFile?
    private var buffer: [UInt8] = []

    init(file: OutFile?) { self.file = file }

    func write(_ s: String) throws {
        if let file { try file.writeOrExit(s); return }
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flushStdout() }
    }

    private func flushStdout() {
        if let failure = Output.writeAll(STDOUT_FILENO, buffer) { Output.stdoutFailed(failure) }
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        if let file { try file.commit() } else { flushStdout() }
    }
}

/// Files named on the command line, folders walked recursively (`FileWalk`), with what was
/// skipped or could not be used reported.
typealias InputFiles = FileWalk
