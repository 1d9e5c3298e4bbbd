import Foundation
import CSolieuShim

/// An element that starts or holds blocks: what the content finder scores.
struct Node {
    var tag: String
    var parent: Int32
    /// Class and id tokens, lower-cased.
    var tokens: [Substring]
    /// Class/id say navigation, sidebar, related news, share widget, footer, ... (or the tag does)
    var boilerplate: Bool
    /// The tag alone made it furniture (`<form>`, `<nav>`, `<header>`...), no class or id did.
    var boilerplateByTag: Bool = false
    /// Class/id say article content ("content", "detail", "noidung", ...).
    var contentHint: Bool
    var hidden: Bool
    /// Blocks of this node's subtree are `firstBlock..<endBlock` (document order).
    var firstBlock: Int32
    var endBlock: Int32
}

/// A run of text that a reader sees as one paragraph, line, caption, heading or table row.
struct Block {
    enum Kind: UInt8 { case paragraph, heading, listItem, tableRow, caption, title }
    var text: String
    var kind: Kind
    var headingLevel: UInt8
    /// Innermost element holding the block.
    var node: Int32
    /// Characters of the block inside links.
    var linkChars: Int
    /// Unicode scalars (not bytes) of the text.
    var chars: Int
}

/// What the HTML head says about the page.
struct PageMeta {
    var titleTag: String?
    var meta: [String: String] = [:]  // lower-cased name/property/itemprop → content
    var canonical: String?
    var lang: String?
    var timeDatetimes: [String] = []
}

/// Builds nodes and blocks from the shim's SAX event buffer in one pass.
struct BlockTree {
    var nodes: [Node] = []
    var blocks: [Block] = []
    var meta = PageMeta()
    /// Link bytes of data cells waiting for their row.
    var linkCarry = 0
    var cellBytes = 0

    /// `cutRawText`: cut the text of comments, scripts and styles out before libxml2 reads the
    /// page (the same blocks, sooner); off only to test that.
    static func build(html: String, cutRawText: Bool = true) throws(IngestError) -> BlockTree {
        var copy = html
        let result = copy.withUTF8 { buffer in
            Result { () throws(IngestError) -> BlockTree in try build(utf8: buffer, cutRawText: cutRawText) }
        }
        return try result.get()
    }

    /// The same from the page's bytes, which must be valid UTF-8 in NFC.
    static func build(utf8 buffer: UnsafeBufferPointer<UInt8>, cutRawText: Bool = true) throws(IngestError) -> BlockTree {
        var out: UnsafeMutablePointer<UInt8>? = nil
        var length = 0
        let rc = buffer.withMemoryRebound(to: CChar.self) {
            solieu_html_events_cut($0.baseAddress, $0.count, cutRawText ? 1 : 0, &out, &length)
        }
        guard rc == 0, let out else { throw IngestError(file: "", reason: .parser(rc)) }
        defer { solieu_free(out) }
        var builder = Builder(bytes: buffer.count)
        builder.run(UnsafeRawBufferPointer(start: out, count: length))
        return builder.tree
    }
}

// MARK: - Tags and attributes

/// Tag ids as the shim sends them (its table in html.c is the one list of the tags this stage
/// tells apart); a tag outside it gets an id past the table's, per page.
enum Tag {
    /// Names by id; index 0 is unused.
    static let names: [String] = {
        var out = [""]
        var id: Int32 = 1
        while let name = solieu_html_tag_name(id) { out.append(String(cString: name)); id += 1 }
        return out
    }()

    static func id(_ name: String) -> Int {
        let id = Int(solieu_html_tag_id(name))
        precondition(id > 0, "tag \(name) is missing from the shim's table")
        return id
    }

    // The ids of the tags this stage names, as literals (a computed global is checked for
    // initialization on every use); `TagTableTests` checks each against the shim's table.
    static let html = 9
    static let head = 10
    static let title = 11
    static let meta = 12
    static let link = 13
    static let body = 14
    static let time = 15
    static let br = 95
    static let hr = 43
    static let a = 66
    static let td = 55
    static let th = 57
    static let tr = 59
    static let table = 53
    static let li = 44
    static let dt = 29
    static let dd = 23
    static let figcaption = 31
    static let caption = 21
    static let article = 18
    static let main = 45
    static let header = 41
    static let footer = 33
    static let h1 = 35
    static let h6 = 40

    private static func table(_ list: [String]) -> [Bool] {
        var out = [Bool](repeating: false, count: names.count)
        for name in list { out[id(name)] = true }
        return out
    }
    static let isInline = table([
        "a", "b", "strong", "i", "em", "u", "span", "font", "small", "big", "sub", "sup", "label", "abbr", "mark", "s",
        "strike", "ins", "del", "cite", "q", "time", "o:p", "tt", "var", "dfn", "kbd", "samp", "nobr", "acronym",
    ])
    /// Elements that hold no text and mark a word boundary.
    static let isEmpty = table(["img", "input", "wbr", "col", "area", "base", "param", "source", "track", "embed"])
    /// End tags with nothing to close.
    static let endIgnored = table(["br", "img", "meta", "link", "hr", "input", "wbr", "col", "area", "base", "param",
                                   "source", "track", "embed"])
    static let isBoilerplate = table(["nav", "aside", "form", "menu", "button", "iframe", "dialog"])

    static func isHeading(_ tag: Int) -> Bool { tag >= h1 && tag <= h6 }
}

/// Attribute ids as the shim sends them (literals, checked against the shim by `TagTableTests`).
enum Attribute {
    static func id(_ name: String) -> UInt8 {
        var id: Int32 = 1
        while let n = solieu_html_attribute_name(id) {
            if String(cString: n) == name { return UInt8(id) }
            id += 1
        }
        preconditionFailure("attribute \(name) is missing from the shim's table")
    }
    static let identifier: UInt8 = 1
    static let `class`: UInt8 = 2
    static let property: UInt8 = 3
    static let name: UInt8 = 4
    static let content: UInt8 = 5
    static let itemprop: UInt8 = 6
    static let href: UInt8 = 7
    static let rel: UInt8 = 8
    static let httpEquiv: UInt8 = 9
    static let datetime: UInt8 = 10
    static let style: UInt8 = 11
    static let hidden: UInt8 = 12
    static let role: UInt8 = 13
    static let lang: UInt8 = 14
    static let ariaHidden: UInt8 = 15
}

/// Class/id tokens (after splitting on -, _, space) that mark page furniture.
private let boilerplateTokens: Set<String> = [
    "nav", "navbar", "navigation", "menu", "menutop", "topmenu", "mainmenu", "submenu", "breadcrumb", "breadcrumbs",
    "footer", "foot", "sidebar", "aside", "related", "relate", "relation", "lienquan", "tinlienquan", "tinkhac",
    "othernews", "other", "morenews", "more", "samecate", "cungchuyenmuc", "share", "sharing", "social",
    "toolbar", "tools", "fontsize", "comment", "comments", "binhluan", "ads", "advert", "advertisement", "banner",
    "quangcao", "qc", "tags", "tag", "keyword", "keywords", "subscribe", "newsletter", "counter", "thongke",
    "visitor", "visitors", "login", "search", "popup", "modal", "hotline", "lienhe", "contact", "copyright",
    "vanbanmoi", "tinmoi", "newest", "latest", "mostview", "xemnhieu", "mostread", "hotnews", "widget", "weblink",
    "lienket", "poll", "binhchon", "rating", "pagination", "paging", "pager", "sitemap", "logo", "slider",
    "marquee", "audio", "player", "video", "facebook", "zalo", "twitter", "rss", "hitcounter", "online",
]
private let contentTokens: Set<String> = [
    "content", "article", "detail", "details", "noidung", "chitiet", "body", "entry", "post", "story", "main",
    "maincontent", "newsdetail", "newscontent", "articlebody", "journal", "rtestate", "fck", "ckeditor", "text",
]

/// Prefixes of run-together class names ("tagdetail", "tincungmucdetail", "sharemxh").
private let boilerplatePrefixes: [String] = [
    "tag", "share", "social", "relate", "comment", "breadcrumb", "sidebar", "banner", "footer", "menu", "navbar",
    "tincungmuc", "tinlienquan", "tinkhac", "tinmoi", "xemnhieu", "quangcao", "advert", "copylink", "linksource",
    "vanbanmoi", "othernew", "morenew", "mostview", "hotnew", "bottomnew", "newsother", "newsrelate", "listnew",
    "ykien", "guiykien", "binhluan", "phanhoi", "lienket", "thongke",
]

private let boilerplatePrefixBytes: [[UInt8]] = boilerplatePrefixes.map { Array($0.utf8) }

/// Whether an inline style hides its element ("display: none", "visibility:hidden"), read over
/// the bytes with white space dropped and ASCII lower-cased.
func styleHides(_ style: UnsafeRawBufferPointer) -> Bool {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: style.count) { compact -> Bool in
        var count = 0
        for b in style where b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
            compact[count] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            count += 1
        }
        func has(_ needle: StaticString) -> Bool {
            let n = needle.utf8CodeUnitCount
            guard count >= n else { return false }
            return needle.withUTF8Buffer { p in
                (0...(count - n)).contains { i in (0..<n).allSatisfy { compact[i + $0] == p[$0] } }
            }
        }
        return has("display:none") || has("visibility:hidden")
    }
}

/// What a class or id value says: its tokens, and whether one marks furniture or content.
struct Verdict: Sendable {
    var tokens: [Substring]
    var boilerplate: Bool
    var content: Bool
}

/// Values computed from a page's strings, memoized per thread by the strings' bytes: a portal
/// repeats its class names, menus and footers on every page, so after the first pages almost
/// every lookup hits, without a lock and without making a string. Each table is cleared when it
/// holds `limit` values (per thread: class values are short, block texts up to 400 characters),
/// so odd pages cannot grow it without bound.
final class ThreadMemo {
    struct Entry<Value> {
        var key: [UInt8]
        var value: Value
    }
    /// Class/id verdicts by attribute value.
    private var verdicts: [UInt64: Entry<Verdict>] = [:]
    /// Search keys and furniture verdicts of short blocks, by text.
    private var shortBlocks: [UInt64: Entry<ShortBlock>] = [:]
    static let verdictLimit = 50_000
    static let shortBlockLimit = 20_000

    func verdict(_ value: UnsafeRawBufferPointer) -> Verdict {
        Self.lookup(&verdicts, value, limit: Self.verdictLimit) {
            let string = String(decoding: value, as: UTF8.self)
            let tokens = splitTokens(string)
            // Each class name also as one word: Vietnamese names are written with hyphens
            // ("y-kien-ban-doc", "tin-lien-quan", "noi-dung") and read as words only together.
            let compact = compactNames(string)
            return Verdict(tokens: tokens,
                           boilerplate: tokens.contains(where: isBoilerplateToken) || compact.contains(where: isBoilerplateToken),
                           content: tokens.contains { contentTokens.contains(String($0)) } || compact.contains { contentTokens.contains(String($0)) })
        }
    }

    func shortBlock(_ text: String, _ make: () -> ShortBlock) -> ShortBlock {
        var copy = text
        return copy.withUTF8 { Self.lookup(&shortBlocks, UnsafeRawBufferPointer($0), limit: Self.shortBlockLimit, make) }
    }

    private static func lookup<Value>(_ table: inout [UInt64: Entry<Value>], _ key: UnsafeRawBufferPointer, limit: Int,
                                      _ make: () -> Value) -> Value {
        let h = Self.hash(key)
        if let e = table[h], e.key.count == key.count,
           e.key.withUnsafeBytes({ key.count == 0 || memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }) {
            return e.value
        }
        let v = make()
        if table.count >= limit { table.removeAll(keepingCapacity: true) }
        table[h] = Entry(key: Array(key), value: v)
        return v
    }

    /// A 64-bit hash of some bytes, eight at a time (entries keep their key, so a collision
    /// costs a miss, never a wrong value).
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        var i = 0
        while i + 8 <= key.count {
            h = (h ^ key.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < key.count { tail |= UInt64(key[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }

    /// This thread's memo.
    static func current() -> ThreadMemo {
        if let p = pthread_getspecific(key) { return Unmanaged<ThreadMemo>.fromOpaque(p).takeUnretainedValue() }
        let memo = ThreadMemo()
        pthread_setspecific(key, Unmanaged.passRetained(memo).toOpaque())
        return memo
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { p in
            if let p { Unmanaged<ThreadMemo>.fromOpaque(p).release() }
        }
        return key
    }()
}

private func isBoilerplateToken(_ token: Substring) -> Bool {
    let string = String(token)
    if boilerplateTokens.contains(string) { return true }
    let bytes = Array(string.utf8)
    for p in boilerplatePrefixBytes where bytes.count >= p.count && bytes[0] == p[0] && bytes.starts(with: p) { return true }
    return false
}

/// The class names of a value, lower-cased, with "-", "_", ":" and "." dropped ("y-kien-ban-doc" → "ykienbandoc").
private func compactNames(_ value: String) -> [Substring] {
    value.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { name in
        let word = name.filter { $0 != "-" && $0 != "_" && $0 != ":" && $0 != "." }
        return word.count == name.count ? nil : Substring(word)
    }
}

private func splitTokens(_ value: String) -> [Substring] {
    value.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" || $0 == ":" || $0 == "." })
}

// MARK: - Builder

private struct Open {
    var tag: Int
    var node: Int32       // -1 for inline elements
    var isLink: Bool
    var startBlocks: Int  // blocks.count when opened (for td cells)
    var cells: [String]   // for tr: cells collected
    var cellNodes: [Int32] = []
}

private struct Builder {
    var tree = BlockTree()
    var stack: [Open] = []
    var buffer: [UInt8] = []
    var bufferLinkBytes = 0
    /// Non-space bytes in `buffer` (link shares are measured without white space).
    var bufferTextBytes = 0
    var linkDepth = 0
    var pendingBoundary = false
    /// > 0 inside an inline element whose class marks it as a widget; its text is dropped.
    var suppressDepth = 0
    var suppressTags: [Int] = []
    var inHead = false
    var inTitle = false
    var titleBytes: [UInt8] = []
    var currentNode: Int32 = -1
    /// Tags outside the shim's table, by name, and their names by id - Tag.names.count.
    var otherTags: [String: Int] = [:]
    var otherNames: [String] = []

    /// `bytes`: the page's size, which bounds how many elements and blocks it can have (a short
    /// portal page should not pay for a long one's arrays).
    init(bytes: Int) {
        buffer.reserveCapacity(min(4096, bytes))
        tree.nodes.reserveCapacity(min(1024, bytes / 64 + 16))
        tree.blocks.reserveCapacity(min(512, bytes / 128 + 16))
    }

    let memo = ThreadMemo.current()
    /// The shim's tables, held here: a global's lazy-initialization check on every event added up.
    let isInline = Tag.isInline, isEmpty = Tag.isEmpty, endIgnored = Tag.endIgnored, isBoilerplateTag = Tag.isBoilerplate
    let tagCount = Tag.names.count

    func name(of tag: Int) -> String { tag < Tag.names.count ? Tag.names[tag] : otherNames[tag - Tag.names.count] }

    /// Reads a tag at `p`: its id, or the interned id of a name outside the table.
    mutating func readTag(_ events: UnsafeRawBufferPointer, _ p: inout Int) -> Int {
        let id = Int(events[p])
        p += 1
        if id != 0 { return id }
        let length = Int(events.loadUnaligned(fromByteOffset: p, as: UInt16.self))
        p += 2
        let name = String(decoding: UnsafeRawBufferPointer(rebasing: events[p..<p + length]), as: UTF8.self)
        p += length
        if let known = otherTags[name] { return known }
        let new = Tag.names.count + otherNames.count
        otherTags[name] = new
        otherNames.append(name)
        return new
    }

    mutating func run(_ events: UnsafeRawBufferPointer) {
        var p = 0
        let n = events.count
        var attributes: [(UInt8, UnsafeRawBufferPointer)] = []
        while p < n {
            let kind = events[p]
            p += 1
            switch kind {
            case UInt8(SOLIEU_EV_START):
                let tag = readTag(events, &p)
                let count = Int(events[p])
                p += 1
                attributes.removeAll(keepingCapacity: true)
                for _ in 0..<count {
                    let attribute = events[p]
                    let length = Int(events.loadUnaligned(fromByteOffset: p + 1, as: UInt32.self))
                    p += 5
                    attributes.append((attribute, UnsafeRawBufferPointer(rebasing: events[p..<p + length])))
                    p += length
                }
                start(tag, attributes)
            case UInt8(SOLIEU_EV_END):
                end(readTag(events, &p))
            case UInt8(SOLIEU_EV_TEXT):
                let length = Int(events.loadUnaligned(fromByteOffset: p, as: UInt32.self))
                p += 4
                text(UnsafeRawBufferPointer(rebasing: events[p..<p + length]))
                p += length
            default:
                return
            }
        }
        flush()
        // Close nodes left open (truncated pages).
        let end = Int32(tree.blocks.count)
        for i in tree.nodes.indices where tree.nodes[i].endBlock < 0 { tree.nodes[i].endBlock = end }
    }

    // MARK: events

    /// An attribute's value as a string.
    private func string(_ raw: UnsafeRawBufferPointer) -> String { String(decoding: raw, as: UTF8.self) }

    private func value(_ attributes: [(UInt8, UnsafeRawBufferPointer)], _ name: UInt8) -> String? {
        attributes.first(where: { $0.0 == name }).map { string($0.1) }
    }

    /// ASCII case-insensitive comparison of a value with a lower-case word.
    private func equalsLower(_ raw: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        guard raw.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { w in (0..<raw.count).allSatisfy { (raw[$0] >= 0x41 && raw[$0] <= 0x5A ? raw[$0] | 0x20 : raw[$0]) == w[$0] } }
    }

    mutating func start(_ tag: Int, _ attributes: [(UInt8, UnsafeRawBufferPointer)]) {
        switch tag {
        case Tag.head: inHead = true; return
        case Tag.title where inHead || tree.meta.titleTag == nil && stack.isEmpty:
            inTitle = true; titleBytes.removeAll(); return
        case Tag.meta:
            var key: String?
            var content: String?
            for (k, v) in attributes {
                switch k {
                case Attribute.name, Attribute.property, Attribute.itemprop, Attribute.httpEquiv: key = string(v).lowercased()
                case Attribute.content: content = string(v)
                default: break
                }
            }
            if let key, let content, tree.meta.meta[key] == nil { tree.meta.meta[key] = content }
            return
        case Tag.link:
            if attributes.contains(where: { $0.0 == Attribute.rel && equalsLower($0.1, "canonical") }),
               let href = value(attributes, Attribute.href) {
                tree.meta.canonical = href
            }
            return
        case Tag.html:
            if let lang = value(attributes, Attribute.lang), !lang.isEmpty { tree.meta.lang = lang }
        case Tag.time:
            if let dt = value(attributes, Attribute.datetime) { tree.meta.timeDatetimes.append(dt) }
        case Tag.br, Tag.hr:
            flush(); return
        default:
            if tag < tagCount && isEmpty[tag] {
                pendingBoundary = true
                return
            }
        }
        if inHead && tag != Tag.body { return }
        if tag == Tag.body { inHead = false }

        if tag < tagCount && isInline[tag] {
            pendingBoundary = true
            // An inline widget ("<span class=tools>In bài | Gửi email</span>") is furniture too.
            for (k, v) in attributes where k == Attribute.class || k == Attribute.identifier {
                if memo.verdict(v).boilerplate { suppressDepth += 1; suppressTags.append(stack.count) }
            }
            let isLink = tag == Tag.a && attributes.contains(where: { $0.0 == Attribute.href })
            if isLink { linkDepth += 1 }
            stack.append(Open(tag: tag, node: -1, isLink: isLink, startBlocks: tree.blocks.count, cells: []))
            return
        }
        // Block (or unknown) element: a node.
        flush()
        var tokens: [Substring] = []
        var hidden = false
        let byTag = tag < tagCount && isBoilerplateTag[tag] || tag == Tag.header || tag == Tag.footer
        var boilerplate = false
        var contentHint = tag == Tag.article || tag == Tag.main
        for (k, v) in attributes {
            switch k {
            case Attribute.class, Attribute.identifier, Attribute.role, Attribute.itemprop:
                let v = memo.verdict(v)
                if tokens.isEmpty { tokens = v.tokens } else { tokens.append(contentsOf: v.tokens) }
                boilerplate = boilerplate || v.boilerplate
                contentHint = contentHint || v.content
            case Attribute.style:
                if styleHides(v) { hidden = true }
            case Attribute.hidden: hidden = true
            case Attribute.ariaHidden: if equalsLower(v, "true") { hidden = true }
            default: break
            }
        }
        let parent = currentNode
        let index = Int32(tree.nodes.count)
        tree.nodes.append(Node(tag: name(of: tag), parent: parent, tokens: tokens, boilerplate: boilerplate || byTag,
                               boilerplateByTag: byTag && !boilerplate, contentHint: contentHint, hidden: hidden,
                               firstBlock: Int32(tree.blocks.count), endBlock: -1))
        currentNode = index
        stack.append(Open(tag: tag, node: index, isLink: false, startBlocks: tree.blocks.count, cells: []))
    }

    mutating func end(_ tag: Int) {
        if tag == Tag.head { inHead = false; return }
        if tag == Tag.title && inTitle {
            inTitle = false
            tree.meta.titleTag = collapse(titleBytes)
            return
        }
        if tag < tagCount && endIgnored[tag] { return }
        // Find the element on the stack (libxml2 balances, but be safe).
        guard let position = stack.lastIndex(where: { $0.tag == tag }) else { return }
        while stack.count > position + 1 { closeTop() }
        closeTop()
    }

    private mutating func closeTop() {
        let open = stack[stack.count - 1]
        if open.node < 0 {
            if let last = suppressTags.last, last == stack.count - 1 {
                suppressTags.removeLast()
                suppressDepth -= 1
            }
            stack.removeLast()
            pendingBoundary = true
            if open.isLink { linkDepth -= 1 }
            return
        }
        let tag = open.tag
        if tag == Tag.td || tag == Tag.th {
            // A cell holding only inline text is a data cell: keep it for the row.
            // Word wraps each cell's text in one <p>: a single short paragraph is still a data cell.
            if tree.blocks.count == open.startBlocks + 1, buffer.isEmpty, stack.count >= 2,
               stack[stack.count - 2].tag == Tag.tr, let only = tree.blocks.last, only.chars <= 150,
               only.kind == .paragraph, !tree.nodes[Int(open.node) ..< tree.nodes.count].contains(where: { $0.tag == "table" }) {
                tree.blocks.removeLast()
                stack[stack.count - 2].cells.append(only.text)
                stack[stack.count - 2].cellNodes.append(open.node)
                tree.linkCarry += only.linkChars
                tree.cellBytes += only.chars
            } else if tree.blocks.count == open.startBlocks, stack.count >= 2, stack[stack.count - 2].tag == Tag.tr {
                // An empty cell keeps its place: the count after it stays under its own column's
                // heading ("Bà mẹ Việt Nam anh hùng | | 3"), as in DOCX, ODT and PDF tables.
                let cell = collapse(buffer)
                stack[stack.count - 2].cells.append(cell)
                stack[stack.count - 2].cellNodes.append(open.node)
                tree.linkCarry += bufferLinkBytes
                tree.cellBytes += bufferTextBytes
                buffer.removeAll(keepingCapacity: true)
                bufferLinkBytes = 0
                bufferTextBytes = 0
            } else {
                flush()
            }
        } else if tag == Tag.tr {
            flush()
            let filled = open.cells.indices.filter { !open.cells[$0].isEmpty }
            if !filled.isEmpty {
                // One filled cell is a line of a layout table, whatever empty cells stand by it.
                let single = filled.count == 1
                let text = single ? open.cells[filled[0]] : OfficeTextBuilder.row(open.cells)
                let chars = scalarCount(text)
                let linkChars = tree.cellBytes > 0 ? min(chars, chars * tree.linkCarry / tree.cellBytes) : 0
                tree.linkCarry = 0
                tree.cellBytes = 0
                // A one-cell row is a line of a layout table: it belongs to its cell (and its class).
                appendBlock(text, kind: single ? .paragraph : .tableRow, node: single ? open.cellNodes[filled[0]] : open.node,
                            linkChars: linkChars, chars: chars)
            }
        } else {
            flush()
        }
        stack.removeLast()
        tree.nodes[Int(open.node)].endBlock = Int32(tree.blocks.count)
        currentNode = tree.nodes[Int(open.node)].parent
    }

    mutating func text(_ bytes: UnsafeRawBufferPointer) {
        if inTitle { titleBytes.append(contentsOf: bytes); return }
        if inHead || suppressDepth > 0 { return }
        guard !bytes.isEmpty else { return }
        if pendingBoundary {
            pendingBoundary = false
            // Inline markup between two word pieces: "Bằng<b>khen</b>" must not glue into one word.
            if let last = buffer.last, !isSpace(last), let first = bytes.first, !isSpace(first),
               trailingLetterRun(buffer) >= 2 || isDigit(last), leadingLetterRun(bytes) >= 2 {
                buffer.append(0x20)
            }
        }
        buffer.append(contentsOf: bytes)
        var solid = 0
        for b in bytes where !isSpace(b) { solid += 1 }
        bufferTextBytes += solid
        if linkDepth > 0 { bufferLinkBytes += solid }
    }

    // MARK: blocks

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        let text = collapse(buffer)
        let linkBytes = bufferLinkBytes
        let totalBytes = bufferTextBytes
        buffer.removeAll(keepingCapacity: true)
        bufferLinkBytes = 0
        bufferTextBytes = 0
        guard !text.isEmpty else { return }
        let chars = scalarCount(text)
        let linkChars = totalBytes > 0 ? min(chars, chars * linkBytes / totalBytes) : 0
        var kind = Block.Kind.paragraph
        var level: UInt8 = 0
        // The innermost block element decides the kind.
        for open in stack.reversed() where open.node >= 0 {
            let tag = open.tag
            if Tag.isHeading(tag) {
                kind = .heading
                level = UInt8(tag - Tag.h1 + 1)
            } else if tag == Tag.li || tag == Tag.dt || tag == Tag.dd {
                kind = .listItem
            } else if tag == Tag.figcaption || tag == Tag.caption {
                kind = .caption
            }
            break
        }
        appendBlock(text, kind: kind, node: currentNode, linkChars: linkChars, chars: chars, level: level)
    }

    private mutating func appendBlock(_ text: String, kind: Block.Kind, node: Int32, linkChars: Int, chars: Int, level: UInt8 = 0) {
        tree.blocks.append(Block(text: text, kind: kind, headingLevel: level, node: node, linkChars: linkChars, chars: chars))
    }
}


// MARK: - Byte helpers

/// Unicode scalars in `text`, counted over its UTF-8 (every byte but continuation bytes).
func scalarCount(_ text: String) -> Int {
    text.utf8.withContiguousStorageIfAvailable { $0.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } } ?? text.unicodeScalars.count
}

@inline(__always) private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

@inline(__always) private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C }

/// Letters at the end of `bytes` (a UTF-8 lead byte ≥ 0xC0 counts as one letter; digits end the run).
private func trailingLetterRun(_ bytes: [UInt8]) -> Int {
    var count = 0
    var i = bytes.count - 1
    while i >= 0 {
        let b = bytes[i]
        if b >= 0x80 {
            if b >= 0xC0 { count += 1 }
        } else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
            count += 1
        } else { break }
        i -= 1
        if count >= 2 { return count }
    }
    return count
}

private func leadingLetterRun(_ bytes: UnsafeRawBufferPointer) -> Int {
    var count = 0
    for b in bytes {
        if b >= 0x80 {
            if b >= 0xC0 { count += 1 }
        } else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
            count += 1
        } else { break }
        if count >= 2 { return count }
    }
    return count
}

/// Collapses white space (including NBSP and other Unicode spaces) to single spaces and trims.
func collapse(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { collapse($0) }
}

func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let n = bytes.count
    guard n > 0 else { return "" }
    return String(unsafeUninitializedCapacity: n) { out in
        var w = 0
        var space = false
        var i = 0
        while i < n {
            let b = bytes[i]
            // Most bytes: printable ASCII, continuation bytes, and lead bytes that start no space.
            if (b > 0x20 && b < 0xC2) || (b > 0xC2 && b < 0xE2) || b > 0xE3 {
                if space && w > 0 { out[w] = 0x20; w += 1 }
                space = false
                out[w] = b
                w += 1
                i += 1
                continue
            }
            if isSpace(b) || b == 0x0B {
                space = true
                i += 1
                continue
            }
            if b >= 0xC2 {
                // U+00A0 (C2 A0), U+2000–U+200A, U+202F, U+205F, U+3000 (E2 80 80–8A, E2 80 AF, E2 81 9F, E3 80 80)
                if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 { space = true; i += 2; continue }
                if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, (bytes[i + 2] >= 0x80 && bytes[i + 2] <= 0x8A) || bytes[i + 2] == 0xAF {
                    space = true; i += 3; continue
                }
                if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x8B { i += 3; continue }  // zero-width space
                if b == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { space = true; i += 3; continue }
            }
            if space && w > 0 { out[w] = 0x20; w += 1 }
            space = false
            out[w] = b
            w += 1
            i += 1
        }
        return w
    }
}
