/// OpenDocument text (ODT): content.xml's paragraphs and headings, lists with the numbers their
/// list styles print (content.xml's automatic styles and styles.xml), tables as rows, frames'
/// text boxes, notes after the body. Annotations, tracked deletions, tables of contents and
/// declarations are left out; headers and footers live in styles.xml and are not read.
enum ODT {
    static let mimeType = "application/vnd.oasis.opendocument.text"

    static func matches(_ zip: inout ZipArchive) -> Bool {
        if let m = try? zip.read("mimetype", limit: 256) {
            return String(decoding: m, as: UTF8.self).hasPrefix(mimeType)
        }
        return zip.entry("content.xml") != nil && zip.entry("META-INF/manifest.xml") != nil
    }

    static func read(_ zip: inout ZipArchive, limit: Int) throws(OfficeFailure) -> OfficeText {
        guard let content = try DOCX.events("content.xml", &zip, limit: limit) else { throw .missingPart("content.xml") }
        var styles = ListStyles()
        if let s = try DOCX.events("styles.xml", &zip, limit: limit) { styles.read(s) }
        styles.read(content)
        var reader = BodyReader(styles: styles)
        reader.read(content)
        var out = OfficeText(paragraphs: reader.finish())
        if let meta = try DOCX.events("meta.xml", &zip, limit: limit) {
            var field: String?
            var title = ""
            var created = ""
            for e in meta {
                switch e {
                case .start(.dc, "title", _): field = "title"
                case .start(.meta, "creation-date", _): field = "created"
                case .end: field = nil
                case .text(let s):
                    if field == "title" { title += s } else if field == "created" { created += s }
                default: break
                }
            }
            let t = OfficeTextBuilder.collapse(title)
            out.title = t.isEmpty ? nil : t
            out.created = DOCX.isoDay(created)
        }
        return out
    }

    /// Each list style's levels: a number format with its prefix and suffix and how many
    /// levels it shows ("1.2."), or a bullet.
    struct ListStyles {
        struct Level { var format = "1"; var prefix = ""; var suffix = ""; var display = 1; var start = 1; var bullet = false }
        var styles: [String: [Int: Level]] = [:]
        /// Paragraph styles that carry a list style (style:list-style-name).
        var paragraphLists: [String: String] = [:]

        mutating func read(_ events: [XMLEvent]) {
            var style: String?
            for e in events {
                switch e {
                case .start(.text, "list-style", let a): style = a.value(.style, "name")
                case .end(.text, "list-style"): style = nil
                case .start(.text, let kind, let a) where style != nil && (kind == "list-level-style-number" || kind == "list-level-style-bullet"):
                    guard let style, let level = a.value(.text, "level").flatMap({ Int($0) }) else { break }
                    var l = Level()
                    l.bullet = kind == "list-level-style-bullet"
                    l.format = a.value(.style, "num-format") ?? "1"
                    l.prefix = a.value(.style, "num-prefix") ?? ""
                    l.suffix = a.value(.style, "num-suffix") ?? ""
                    l.display = a.value(.text, "display-levels").flatMap { Int($0) } ?? 1
                    l.start = a.value(.text, "start-value").flatMap { Int($0) } ?? 1
                    styles[style, default: [:]][level] = l
                case .start(.style, "style", let a):
                    if let name = a.value(.style, "name"), let list = a.value(.style, "list-style-name") { paragraphLists[name] = list }
                default: break
                }
            }
        }
    }

    struct BodyReader {
        var styles: ListStyles
        var body = OfficeTextBuilder()
        var notes = OfficeTextBuilder()
        /// Counters per list style and level.
        var counters: [String: [Int: Int]] = [:]

        init(styles: ListStyles) { self.styles = styles }

        mutating func finish() -> [String] { body.finish() + notes.finish() }

        mutating func read(_ events: [XMLEvent]) {
            var skip = SubtreeSkip()
            var inBody = false
            var paragraphs = 0
            var noteDepth = 0
            var lists: [String?] = []     // open text:list elements: their style (inherited when unnamed)
            var pendingLabel: String?     // the label of the list item whose first paragraph comes next
            var numberText: String?       // a text:number the writer stored
            var inNumber = false
            for e in events {
                if skip.consume(e) { continue }
                switch e {
                case .start(.office, "text", _): inBody = true
                case .start(.office, "annotation", _), .start(.office, "forms", _): skip.start()
                case .start(.text, let name, let a) where inBody:
                    switch name {
                    case "p", "h":
                        if noteDepth > 0 { notes.startParagraph() } else { body.startParagraph() }
                        paragraphs += 1
                        var label = numberText.map { $0 + " " } ?? pendingLabel
                        if label == nil, lists.isEmpty, let s = a.value(.text, "style-name"), let list = styles.paragraphLists[s], name == "p" {
                            label = next(list, level: 1)
                        }
                        if let label {
                            if noteDepth > 0 { notes.append(label) } else { body.append(label) }
                        }
                        pendingLabel = nil
                        numberText = nil
                    case "list":
                        let own = a.value(.text, "style-name")
                        let style = own ?? lists.last ?? nil
                        if lists.isEmpty, let style, a.value(.text, "continue-numbering") != "true", a.value(.text, "continue-list") == nil {
                            counters[style] = nil
                        }
                        lists.append(style)
                    case "list-item":
                        if let style = lists.last ?? nil { pendingLabel = next(style, level: lists.count) }
                        if let start = a.value(.text, "start-value").flatMap({ Int($0) }), let style = lists.last ?? nil {
                            counters[style, default: [:]][lists.count] = start
                            pendingLabel = label(style, level: lists.count)
                        }
                    case "list-header": pendingLabel = nil
                    case "number": inNumber = true; numberText = ""
                    case "s":
                        let n = a.value(.text, "c").flatMap { Int($0) } ?? 1
                        appendText(String(repeating: " ", count: max(1, min(n, 100))), note: noteDepth > 0)
                    case "tab": appendText(" ", note: noteDepth > 0)
                    case "line-break":
                        if noteDepth > 0 { notes.lineBreak() } else { body.lineBreak() }
                    case "note": noteDepth += 1
                    case "note-citation": skip.start()
                    case "tracked-changes", "table-of-content", "illustration-index", "alphabetical-index", "bibliography",
                         "sequence-decls", "variable-decls", "user-field-decls", "dde-connection-decls":
                        skip.start()
                    default: break
                    }
                case .start(.table, let name, _) where inBody:
                    switch name {
                    case "table-row": body.startRow()
                    case "table-cell": body.startCell()
                    // The places of a cell spanning several columns: empty cells.
                    case "covered-table-cell": body.startCell(); body.endCell()
                    default: break
                    }
                case .start(.other, _, _) where paragraphs > 0:
                    // svg:title and desc, loext: extensions inside a paragraph: not its text.
                    skip.start()
                case .end(.office, "text"): inBody = false
                case .end(.text, let name):
                    switch name {
                    case "p", "h":
                        if noteDepth > 0 { notes.endParagraph() } else { body.endParagraph() }
                        paragraphs = max(0, paragraphs - 1)
                    case "list": lists.removeLast()
                    case "number":
                        inNumber = false
                        numberText = numberText.map(OfficeTextBuilder.collapse).flatMap { $0.isEmpty ? nil : $0 }
                    case "note": noteDepth = max(0, noteDepth - 1)
                    default: break
                    }
                case .end(.table, let name):
                    switch name {
                    case "table-row": body.endRow()
                    case "table-cell": body.endCell()
                    default: break
                    }
                case .text(let s):
                    if inNumber { numberText = (numberText ?? "") + s } else if paragraphs > 0 { appendText(s, note: noteDepth > 0) }
                default: break
                }
            }
        }

        private mutating func appendText(_ s: String, note: Bool) {
            if note { notes.append(s) } else { body.append(s) }
        }

        /// Counts the next item of `style` at `level` and returns its label ("2. ", "- ").
        private mutating func next(_ style: String, level: Int) -> String? {
            guard let levels = styles.styles[style], let l = levels[level] else { return nil }
            var c = counters[style] ?? [:]
            c[level] = (c[level] ?? (l.start - 1)) + 1
            for deeper in c.keys where deeper > level { c[deeper] = nil }
            counters[style] = c
            return label(style, level: level)
        }

        private func label(_ style: String, level: Int) -> String? {
            guard let levels = styles.styles[style], let l = levels[level] else { return nil }
            if l.bullet { return ListNumber.bullet + " " }
            let c = counters[style] ?? [:]
            let shown = max(1, min(l.display, level))
            var parts: [String] = []
            for k in (level - shown + 1)...level {
                let lk = levels[k] ?? l
                parts.append(ListNumber.format(c[k] ?? lk.start, lk.format))
            }
            let text = l.prefix + parts.joined(separator: ".") + l.suffix
            return OfficeTextBuilder.collapse(text).isEmpty ? nil : text + " "
        }
    }
}
