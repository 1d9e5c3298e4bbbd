import Foundation

/// Word 97–2003 documents (.doc, an OLE compound file), through antiword (Debian's `antiword`)
/// run as a subprocess under `timeout`, so a damaged file cannot hang a batch.
///
/// Why antiword: it is small, fast (milliseconds a document) and prints a table's rows as
/// `|cell|cell|` lines, so the header and award tables survive. LibreOffice headless was tried
/// first (DOC → DOCX for the DOCX reader, which would keep Word's list numbers): on the fixtures
/// its DOC import ran the award table's cells into one paragraph ("Tập thểCá nhân…8"), and it
/// needs 200 MB and a second a file. catdoc separates cells by tabs and a cell's lines by line
/// ends, so rows cannot be told. What antiword loses: the numbers of automatically numbered
/// lists ("1. Tình hình chung" comes out as "Tình hình chung").
enum LegacyWord {
    /// Seconds one conversion may take.
    static let timeLimit = 60

    /// The antiword binary: `$SOLIEU_ANTIWORD`, else `antiword` on the PATH.
    static func antiword() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let s = env["SOLIEU_ANTIWORD"], !s.isEmpty { return FileManager.default.isExecutableFile(atPath: s) ? s : nil }
        for dir in (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/antiword") {
            return "\(dir)/antiword"
        }
        return nil
    }

    static func read(_ bytes: [UInt8], name: String, limit: Int) throws(IngestError) -> Article {
        func fail(_ why: String) -> IngestError { IngestError(file: name, reason: .unreadableDocument(format: "DOC", why: why)) }
        guard let antiword = antiword() else {
            throw IngestError(file: name, reason: .unsupported("a Word 97–2003 document (DOC), which needs antiword to read (apt install antiword)"))
        }
        let fm = FileManager.default
        let work = NSTemporaryDirectory() + "solieu-doc-\(UUID().uuidString)"
        do { try fm.createDirectory(atPath: work, withIntermediateDirectories: true) } catch { throw fail("cannot make a temporary folder: \(error.localizedDescription)") }
        defer { try? fm.removeItem(atPath: work) }
        let input = work + "/input.doc", output = work + "/output.txt", errors = work + "/errors.txt"
        guard fm.createFile(atPath: input, contents: Data(bytes)), fm.createFile(atPath: output, contents: nil),
              fm.createFile(atPath: errors, contents: nil),
              let out = FileHandle(forWritingAtPath: output), let err = FileHandle(forWritingAtPath: errors) else {
            throw fail("cannot write a temporary copy")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        // -w 0: no wrapping (a paragraph is a line); -m UTF-8.txt: UTF-8 out.
        process.arguments = ["-k", "5", String(timeLimit), antiword, "-w", "0", "-m", "UTF-8.txt", input]
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw fail("cannot run antiword (\(antiword)): \(error.localizedDescription)") }
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let status = process.terminationStatus
        if status == 124 || status == 137 { throw fail("antiword did not finish within \(timeLimit) s") }
        let message = (fm.contents(atPath: errors).map { String(decoding: $0, as: UTF8.self) } ?? "")
            .split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard status == 0, let data = fm.contents(atPath: output), data.count <= limit else {
            throw fail("antiword could not read it" + (message.isEmpty ? " (exit status \(status))" : ": \(message)"))
        }
        let text = OfficeText(paragraphs: paragraphs(String(decoding: data, as: UTF8.self)))
        guard !text.paragraphs.isEmpty else { throw IngestError(file: name, reason: .noArticleFound) }
        return try OfficeArticle.article(text, format: .doc, name: name)
    }

    /// antiword's text: one paragraph a line (with -w 0), table rows as `|cell|cell|`.
    static func paragraphs(_ text: String) -> [String] {
        var out: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("|"), line.hasSuffix("|"), line.count > 1 {
                let cells = line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                    .map { OfficeTextBuilder.collapse(String($0)) }
                let row = OfficeTextBuilder.row(cells)
                if !row.isEmpty { out.append(row) }
                continue
            }
            let p = PDFText.dashBullet(OfficeTextBuilder.collapse(line))
            if !p.isEmpty { out.append(p) }
        }
        return out
    }
}
