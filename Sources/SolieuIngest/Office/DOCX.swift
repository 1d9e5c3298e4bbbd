/// Word documents (DOCX, OOXML): the main part's paragraphs, lists with the numbers Word prints
/// (word/numbering.xml, through the paragraph's own numbering or its style's), tables as rows,
/// text boxes once, footnotes and endnotes after the body. Headers and footers are other parts
/// and are not read; deleted and moved-away revisions, field codes and the fallback copy of
/// drawings are left out.
enum DOCX {
    /// Whether a ZIP archive is a Word document: it has a main part, word/…document.xml.
    static func matches(_ zip: ZipArchive) -> Bool {
        zip.entries.contains { $0.name.hasPrefix("word/") && $0.name.hasSuffix("document.xml") }
    }

    static func read(_ zip: inout ZipArchive, limit: Int) throws(OfficeFailure) -> OfficeText {
        let main = try mainPart(&zip, limit: limit)
        guard let documentBytes = try OfficeFailure.part(main, { () throws(ZipArchive.Failure) in try zip.read(main, limit: limit) }) else {
            throw .missingPart(main)
        }
        let folder = main.split(separator: "/").dropLast().joined(separator: "/")
        let prefix = folder.isEmpty ? "" : folder + "/"
        let styles = try Styles(events: try events("\(prefix)styles.xml", &zip, limit: limit))
        let numbering = try Numbering(events: try events("\(prefix)numbering.xml", &zip, limit: limit))
        var reader = BodyReader(styles: styles, numbering: numbering)
        reader.read(try OfficeFailure.xml(main, documentBytes))
        for part in ["footnotes.xml", "endnotes.xml"] {
            if let notes = try events(prefix + part, &zip, limit: limit) { reader.readNotes(notes) }
        }
        var out = OfficeText(paragraphs: reader.builder.finish())
        if let core = try events("docProps/core.xml", &zip, limit: limit) {
            (out.title, out.created) = Core.read(core)
        }
        return out
    }

    /// The main part named by the package relationships (`_rels/.rels`), or word/document.xml.
    static func mainPart(_ zip: inout ZipArchive, limit: Int) throws(OfficeFailure) -> String {
        if let rels = try events("_rels/.rels", &zip, limit: limit) {
            for case .start(.relationships, "Relationship", let a) in rels {
                if let type = a.value(.other, "Type"), type.hasSuffix("/officeDocument"), var target = a.value(.other, "Target") {
                    while target.hasPrefix("/") { target.removeFirst() }
                    if zip.entry(target) != nil { return target }
                }
            }
        }
        return "word/document.xml"
    }

    static func events(_ name: String, _ zip: inout ZipArchive, limit: Int) throws(OfficeFailure) -> [XMLEvent]? {
        guard let bytes = try OfficeFailure.part(name, { () throws(ZipArchive.Failure) in try zip.read(name, limit: limit) }) else { return nil }
        return try OfficeFailure.xml(name, bytes)
    }

    /// What a style gives a paragraph: its numbering, by way of the styles it is based on.
    struct Styles {
        struct Style { var basedOn: String?; var numId: String?; var level: Int?; var name: String? }
        var styles: [String: Style] = [:]

        init(events: [XMLEvent]?) throws(OfficeFailure) {
            guard let events else { return }
            var id: String?
            var style = Style()
            for e in events {
                switch e {
                case .start(.w, "style", let a): id = a.value(.w, "styleId"); style = Style()
                case .start(.w, "basedOn", let a) where id != nil: style.basedOn = a.value(.w, "val")
                case .start(.w, "name", let a) where id != nil: style.name = a.value(.w, "val")
                case .start(.w, "numId", let a) where id != nil: style.numId = a.value(.w, "val")
                case .start(.w, "ilvl", let a) where id != nil: style.level = a.value(.w, "val").flatMap { Int($0) }
                case .end(.w, "style"):
                    if let id { styles[id] = style }
                    id = nil
                default: break
                }
            }
        }

        /// The numbering (numId, level) a paragraph of `id` has from its style chain.
        func numbering(_ id: String?) -> (String, Int)? {
            var id = id
            var seen = 0
            while let s = id.flatMap({ styles[$0] }), seen < 20 {
                if let n = s.numId { return (n, s.level ?? 0) }
                id = s.basedOn
                seen += 1
            }
            return nil
        }
    }

    /// word/numbering.xml: each list's levels (start, format, text such as "%1." or "%1.%2").
    struct Numbering {
        struct Level { var start = 1; var format = "decimal"; var text = "%1." }
        var abstract: [String: [Int: Level]] = [:]
        var instances: [String: (abstract: String, starts: [Int: Int])] = [:]
        /// Counters per list instance and level.
        var counters: [String: [Int: Int]] = [:]

        init(events: [XMLEvent]?) throws(OfficeFailure) {
            guard let events else { return }
            var abstractId: String?
            var level: Int?
            var current = Level()
            var numId: String?
            var overrideLevel: Int?
            for e in events {
                switch e {
                case .start(.w, "abstractNum", let a): abstractId = a.value(.w, "abstractNumId")
                case .end(.w, "abstractNum"): abstractId = nil
                case .start(.w, "lvl", let a) where abstractId != nil && numId == nil:
                    level = a.value(.w, "ilvl").flatMap { Int($0) }; current = Level()
                case .start(.w, "start", let a) where level != nil: current.start = a.value(.w, "val").flatMap { Int($0) } ?? 1
                case .start(.w, "numFmt", let a) where level != nil: current.format = a.value(.w, "val") ?? "decimal"
                case .start(.w, "lvlText", let a) where level != nil: current.text = a.value(.w, "val") ?? ""
                case .end(.w, "lvl") where abstractId != nil && numId == nil:
                    if let abstractId, let level { abstract[abstractId, default: [:]][level] = current }
                    level = nil
                case .start(.w, "num", let a): numId = a.value(.w, "numId")
                case .start(.w, "abstractNumId", let a) where numId != nil:
                    if let numId, let v = a.value(.w, "val") { instances[numId] = (v, instances[numId]?.starts ?? [:]) }
                case .start(.w, "lvlOverride", let a) where numId != nil: overrideLevel = a.value(.w, "ilvl").flatMap { Int($0) }
                case .start(.w, "startOverride", let a) where numId != nil:
                    if let numId, let l = overrideLevel, let v = a.value(.w, "val").flatMap({ Int($0) }) { instances[numId]?.starts[l] = v }
                case .end(.w, "num"): numId = nil
                default: break
                }
            }
        }

        /// The label of the next item of list `numId` at `level` ("2.", "a)", "-"), counting it.
        mutating func next(_ numId: String, level: Int) -> String? {
            guard numId != "0", let instance = instances[numId], let levels = abstract[instance.abstract],
                  let lvl = levels[level] else { return nil }
            var c = counters[numId] ?? [:]
            c[level] = (c[level] ?? ((instance.starts[level] ?? lvl.start) - 1)) + 1
            for deeper in c.keys where deeper > level { c[deeper] = nil }
            counters[numId] = c
            if lvl.format == "bullet" { return ListNumber.bullet }
            if lvl.format == "none" { return lvl.text.contains("%") ? nil : (lvl.text.isEmpty ? nil : lvl.text) }
            var label = ""
            let chars = Array(lvl.text)
            var i = 0
            while i < chars.count {
                if chars[i] == "%", i + 1 < chars.count, let d = chars[i + 1].wholeNumberValue, d >= 1 {
                    let l = d - 1
                    let fmt = levels[l]?.format ?? "decimal"
                    let n = c[l] ?? (instance.starts[l] ?? levels[l]?.start ?? 1)
                    label += ListNumber.format(n, fmt == "bullet" ? "decimal" : fmt)
                    i += 2
                } else {
                    label.append(chars[i])
                    i += 1
                }
            }
            return label.isEmpty ? nil : label
        }
    }

    /// Walks word/document.xml (and the notes) into paragraphs.
    struct BodyReader {
        var styles: Styles
        var numbering: Numbering
        var builder = OfficeTextBuilder()

        init(styles: Styles, numbering: Numbering) {
            self.styles = styles
            self.numbering = numbering
        }

        mutating func read(_ events: [XMLEvent]) { walk(events, notes: false) }

        mutating func readNotes(_ events: [XMLEvent]) { walk(events, notes: true) }

        private mutating func walk(_ events: [XMLEvent], notes: Bool) {
            var skip = SubtreeSkip()  // a subtree whose text is not the document's
            var inText = false    // inside w:t
            var inPPr = false
            var style: String?
            var numId: String?
            var level: Int?
            var started = false   // the paragraph's number has been written
            var depth = 0         // open w:p elements
            var span = 1          // grid columns the open cell covers (w:gridSpan)
            for e in events {
                if skip.consume(e) { continue }
                switch e {
                case .start(.w, let name, let a):
                    switch name {
                    case "p":
                        builder.startParagraph()
                        depth += 1
                        style = nil; numId = nil; level = nil; started = false
                    case "pPr": inPPr = true
                    case "pStyle" where inPPr: style = a.value(.w, "val")
                    case "numId" where inPPr: numId = a.value(.w, "val")
                    case "ilvl" where inPPr: level = a.value(.w, "val").flatMap { Int($0) }
                    case "r", "hyperlink", "fldSimple", "smartTag", "ins", "sdtContent", "customXml", "moveTo":
                        if depth > 0, !started { writeNumber(style: style, numId: numId, level: level); started = true }
                    case "t": inText = true
                    case "tab" where !inPPr && depth > 0, "ptab" where depth > 0: builder.append(" ")
                    case "br", "cr": builder.lineBreak()
                    case "noBreakHyphen" where depth > 0: builder.append("-")
                    case "tbl": break
                    case "tr": builder.startRow()
                    case "tc": builder.startCell(); span = 1
                    case "gridSpan": span = a.value(.w, "val").flatMap { Int($0) } ?? 1
                    case "footnote" where notes, "endnote" where notes:
                        let type = a.value(.w, "type")
                        if type == "separator" || type == "continuationSeparator" || type == "continuationNotice" { skip.start() }
                    // Revisions taken out, field instructions, properties: no text of the document.
                    case "del", "moveFrom", "instrText", "delText", "rPr", "sectPr", "sdtPr", "tblPr", "trPr", "pPrChange", "rPrChange":
                        skip.start()
                    default: break
                    }
                case .start(.mc, "Fallback", _):
                    // Drawings come twice (mc:Choice and a VML fallback): their text once.
                    skip.start()
                case .start:
                    break
                case .end(.w, let name):
                    switch name {
                    case "p":
                        builder.endParagraph()
                        depth = max(0, depth - 1)
                        started = false
                    case "pPr":
                        inPPr = false
                    case "t": inText = false
                    case "tc": builder.endCell(span: span)
                    case "tr": builder.endRow()
                    default: break
                    }
                case .end:
                    break
                case .text(let s):
                    if inText { builder.append(s) }
                }
            }
        }

        /// The list number of the paragraph, written before its first run.
        private mutating func writeNumber(style: String?, numId: String?, level: Int?) {
            let fromStyle = styles.numbering(style)
            guard let n = numId ?? fromStyle?.0 else { return }
            let l = level ?? (numId == nil ? fromStyle?.1 : nil) ?? 0
            if let label = numbering.next(n, level: l) { builder.append(label + " ") }
        }
    }

    /// docProps/core.xml: dc:title and dcterms:created.
    enum Core {
        static func read(_ events: [XMLEvent]) -> (String?, String?) {
            var field: String?
            var title: String?
            var created: String?
            for e in events {
                switch e {
                case .start(.dc, "title", _): field = "title"
                case .start(.dcterms, "created", _): field = "created"
                case .end: field = nil
                case .text(let s):
                    if field == "title" { title = (title ?? "") + s }
                    if field == "created" { created = (created ?? "") + s }
                default: break
                }
            }
            let t = title.map(OfficeTextBuilder.collapse).flatMap { $0.isEmpty ? nil : $0 }
            return (t, created.flatMap(isoDay))
        }
    }

    /// "2024-01-07T08:00:00Z" → "2024-01-07".
    static func isoDay(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespaces)
        let day = String(t.prefix(10))
        let parts = day.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), y > 1900, let m = Int(parts[1]), (1...12).contains(m),
              let d = Int(parts[2]), (1...31).contains(d) else { return nil }
        return day
    }
}
