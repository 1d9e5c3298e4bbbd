import Foundation
import CSolieuShim

/// An element that starts or holds blocks: what the content finder scores.
struct Node {
    var tag: String
    var parent: Int32
    /// Class and id tokens, lower-cased.
    var tokens: [Substring]
    /// Class/id say navigation, sidebar, related news, share widget, footer, ...
    var boilerplate: Bool
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

    static func build(html: String) throws(IngestError) -> BlockTree {
        var copy = html
        var out: UnsafeMutablePointer<UInt8>? = nil
        var length = 0
        let rc = copy.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { solieu_html_events($0.baseAddress, $0.count, &out, &length) }
        }
        guard rc == 0, let out else { throw IngestError(file: "", reason: .parser(rc)) }
        defer { solieu_free(out) }
        var builder = Builder()
        builder.run(UnsafeRawBufferPointer(start: out, count: length))
        return builder.tree
    }
}

// MARK: - Tag classes

private enum TagClass { case block, inline, lineBreak, ignoredBlock, other }

private let blockTags: Set<String> = [
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "frameset", "frame", "legend", "option", "optgroup",
]
private let inlineTags: Set<String> = [
    "a", "b", "strong", "i", "em", "u", "span", "font", "small", "big", "sub", "sup", "label", "abbr", "mark", "s",
    "strike", "ins", "del", "cite", "q", "time", "o:p", "tt", "var", "dfn", "kbd", "samp", "nobr", "acronym",
]
private let boilerplateTags: Set<String> = ["nav", "aside", "form", "menu", "button", "iframe", "dialog"]

/// Class/id tokens (after splitting on -, _, space) that mark page furniture.
private let boilerplateTokens: Set<String> = [
    "nav", "navbar", "navigation", "menu", "menutop", "topmenu", "mainmenu", "submenu", "breadcrumb", "breadcrumbs",
    "footer", "foot", "sidebar", "aside", "related", "relate", "relation", "lienquan", "tinlienquan", "tinkhac",
    "othernews", "other", "morenews", "more", "samecate", "cungchuyenmuc", "share", "sharing", "social", "print",
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
]

private let boilerplatePrefixBytes: [[UInt8]] = boilerplatePrefixes.map { Array($0.utf8) }

/// Whether an inline style hides its element ("display: none", "visibility:hidden"), read over
/// the bytes with white space dropped and ASCII lower-cased.
func styleHides(_ style: String) -> Bool {
    var compact: [UInt8] = []
    compact.reserveCapacity(style.utf8.count)
    for b in style.utf8 where b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
        compact.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
    }
    func has(_ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard compact.count >= n else { return false }
        return needle.withUTF8Buffer { p in
            (0...(compact.count - n)).contains { i in (0..<n).allSatisfy { compact[i + $0] == p[$0] } }
        }
    }
    return has("display:none") || has("visibility:hidden")
}

/// What a class or id value says: its tokens, and whether one marks furniture or content.
struct Verdict: Sendable {
    var tokens: [Substring]
    var boilerplate: Bool
    var content: Bool
}

/// Values computed from a page's strings, shared by every page and thread: a portal repeats its
/// class names, menus and footers on every page, so after the first pages almost every lookup
/// hits. Cleared when it holds `limit` entries, so odd pages cannot grow it without bound.
final class SharedCache<Value: Sendable>: @unchecked Sendable {
    let limit: Int
    private let lock = NSLock()
    private var entries: [String: Value] = [:]  // guarded by `lock`

    init(limit: Int = 50_000) { self.limit = limit }

    func value(for key: String, _ make: () -> Value) -> Value {
        if let v = lock.withLock({ entries[key] }) { return v }
        let v = make()
        lock.withLock {
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[key] = v
        }
        return v
    }
}

/// Class/id verdicts by attribute value.
let verdictCache = SharedCache<Verdict>()

private func isBoilerplateToken(_ token: Substring) -> Bool {
    let string = String(token)
    if boilerplateTokens.contains(string) { return true }
    let bytes = Array(string.utf8)
    for p in boilerplatePrefixBytes where bytes.count >= p.count && bytes[0] == p[0] && bytes.starts(with: p) { return true }
    return false
}

private func splitTokens(_ value: String) -> [Substring] {
    value.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" || $0 == ":" || $0 == "." })
}

// MARK: - Builder

private struct Open {
    var tag: String
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

    init() {
        buffer.reserveCapacity(4096)
        tree.nodes.reserveCapacity(1024)
        tree.blocks.reserveCapacity(512)
    }

    mutating func verdict(_ value: String) -> Verdict {
        verdictCache.value(for: value) {
            let tokens = splitTokens(value)
            return Verdict(tokens: tokens, boilerplate: tokens.contains(where: isBoilerplateToken),
                           content: tokens.contains { contentTokens.contains(String($0)) })
        }
    }

    /// The attributes `start` looks at.
    static let readAttributes: Set<String> = ["class", "id", "role", "itemprop", "style", "hidden", "aria-hidden", "name", "property",
                                              "http-equiv", "content", "rel", "href", "lang", "datetime"]

    mutating func run(_ events: UnsafeRawBufferPointer) {
        var p = 0
        let n = events.count
        while p < n {
            let kind = events[p]
            p += 1
            switch kind {
            case UInt8(SOLIEU_EV_START):
                let nameLength = Int(events.loadUnaligned(fromByteOffset: p, as: UInt16.self))
                p += 2
                let name = String(decoding: UnsafeRawBufferPointer(rebasing: events[p..<p + nameLength]), as: UTF8.self)
                p += nameLength
                let count = Int(events[p])
                p += 1
                var attributes: [(String, String)] = []
                attributes.reserveCapacity(count)
                for _ in 0..<count {
                    let an = Int(events.loadUnaligned(fromByteOffset: p, as: UInt16.self))
                    p += 2
                    let aname = String(decoding: UnsafeRawBufferPointer(rebasing: events[p..<p + an]), as: UTF8.self)
                    p += an
                    let av = Int(events.loadUnaligned(fromByteOffset: p, as: UInt32.self))
                    p += 4
                    // Only the attributes `start` reads become strings; a link's address only on <link>.
                    if Self.readAttributes.contains(aname) {
                        let wanted = aname != "href" || name == "link"
                        let avalue = wanted ? String(decoding: UnsafeRawBufferPointer(rebasing: events[p..<p + av]), as: UTF8.self) : ""
                        attributes.append((aname, avalue))
                    }
                    p += av
                }
                start(name, attributes)
            case UInt8(SOLIEU_EV_END):
                let nameLength = Int(events.loadUnaligned(fromByteOffset: p, as: UInt16.self))
                p += 2
                let name = String(decoding: UnsafeRawBufferPointer(rebasing: events[p..<p + nameLength]), as: UTF8.self)
                p += nameLength
                end(name)
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

    mutating func start(_ tag: String, _ attributes: [(String, String)]) {
        switch tag {
        case "head": inHead = true; return
        case "title" where inHead || tree.meta.titleTag == nil && stack.isEmpty:
            inTitle = true; titleBytes.removeAll(); return
        case "meta":
            var key: String?
            var content: String?
            for (k, v) in attributes {
                switch k {
                case "name", "property", "itemprop", "http-equiv": key = v.lowercased()
                case "content": content = v
                default: break
                }
            }
            if let key, let content, tree.meta.meta[key] == nil { tree.meta.meta[key] = content }
            return
        case "link":
            if attributes.contains(where: { $0.0 == "rel" && $0.1.lowercased() == "canonical" }),
               let href = attributes.first(where: { $0.0 == "href" })?.1 {
                tree.meta.canonical = href
            }
            return
        case "html":
            if let lang = attributes.first(where: { $0.0 == "lang" })?.1, !lang.isEmpty { tree.meta.lang = lang }
        case "time":
            if let dt = attributes.first(where: { $0.0 == "datetime" })?.1 { tree.meta.timeDatetimes.append(dt) }
        case "br":
            flush(); return
        case "img", "input", "wbr", "col", "area", "base", "param", "source", "track", "embed":
            pendingBoundary = true
            return
        case "hr":
            flush(); return
        default: break
        }
        if inHead && tag != "body" { return }
        if tag == "body" { inHead = false }

        if inlineTags.contains(tag) {
            pendingBoundary = true
            // An inline widget ("<span class=tools>In bài | Gửi email</span>") is furniture too.
            for (k, v) in attributes where k == "class" || k == "id" {
                if verdict(v).boilerplate { suppressDepth += 1; suppressTags.append(stack.count) }
            }
            let isLink = tag == "a" && attributes.contains(where: { $0.0 == "href" })
            if isLink { linkDepth += 1 }
            stack.append(Open(tag: tag, node: -1, isLink: isLink, startBlocks: tree.blocks.count, cells: []))
            return
        }
        // Block (or unknown) element: a node.
        flush()
        var tokens: [Substring] = []
        var hidden = false
        var boilerplate = boilerplateTags.contains(tag)
        var contentHint = tag == "article" || tag == "main"
        for (k, v) in attributes {
            switch k {
            case "class", "id", "role", "itemprop":
                let v = verdict(v)
                tokens.append(contentsOf: v.tokens)
                boilerplate = boilerplate || v.boilerplate
                contentHint = contentHint || v.content
            case "style":
                if styleHides(v) { hidden = true }
            case "hidden": hidden = true
            case "aria-hidden": if v.lowercased() == "true" { hidden = true }
            default: break
            }
        }
        if tag == "header" || tag == "footer" { boilerplate = true }
        let parent = currentNode
        let index = Int32(tree.nodes.count)
        tree.nodes.append(Node(tag: tag, parent: parent, tokens: tokens, boilerplate: boilerplate,
                               contentHint: contentHint, hidden: hidden,
                               firstBlock: Int32(tree.blocks.count), endBlock: -1))
        currentNode = index
        stack.append(Open(tag: tag, node: index, isLink: false, startBlocks: tree.blocks.count, cells: []))
    }

    mutating func end(_ tag: String) {
        switch tag {
        case "head": inHead = false; return
        case "title" where inTitle:
            inTitle = false
            tree.meta.titleTag = collapse(titleBytes)
            return
        case "br", "img", "meta", "link", "hr", "input", "wbr", "col", "area", "base", "param", "source", "track", "embed":
            return
        default: break
        }
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
        if tag == "td" || tag == "th" {
            // A cell holding only inline text is a data cell: keep it for the row.
            // Word wraps each cell's text in one <p>: a single short paragraph is still a data cell.
            if tree.blocks.count == open.startBlocks + 1, buffer.isEmpty, stack.count >= 2,
               stack[stack.count - 2].tag == "tr", let only = tree.blocks.last, only.chars <= 150,
               only.kind == .paragraph, !tree.nodes[Int(open.node) ..< tree.nodes.count].contains(where: { $0.tag == "table" }) {
                tree.blocks.removeLast()
                stack[stack.count - 2].cells.append(only.text)
                stack[stack.count - 2].cellNodes.append(open.node)
                tree.linkCarry += only.linkChars
                tree.cellBytes += only.chars
            } else if tree.blocks.count == open.startBlocks, stack.count >= 2, stack[stack.count - 2].tag == "tr" {
                let cell = collapse(buffer)
                if !cell.isEmpty {
                    stack[stack.count - 2].cells.append(cell)
                    stack[stack.count - 2].cellNodes.append(open.node)
                }
                tree.linkCarry += bufferLinkBytes
                tree.cellBytes += bufferTextBytes
                buffer.removeAll(keepingCapacity: true)
                bufferLinkBytes = 0
                bufferTextBytes = 0
            } else {
                flush()
            }
        } else if tag == "tr" {
            flush()
            if !open.cells.isEmpty {
                let text = open.cells.joined(separator: " | ")
                let chars = scalarCount(text)
                let linkChars = tree.cellBytes > 0 ? min(chars, chars * tree.linkCarry / tree.cellBytes) : 0
                tree.linkCarry = 0
                tree.cellBytes = 0
                // A one-cell row is a line of a layout table: it belongs to its cell (and its class).
                let single = open.cells.count == 1
                appendBlock(text, kind: single ? .paragraph : .tableRow, node: single ? open.cellNodes[0] : open.node,
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
            switch open.tag {
            case "h1", "h2", "h3", "h4", "h5", "h6":
                kind = .heading
                level = UInt8(open.tag.utf8.last! - UInt8(ascii: "0"))
            case "li", "dt", "dd": kind = .listItem
            case "figcaption", "caption": kind = .caption
            default: break
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
    var out = [UInt8]()
    out.reserveCapacity(bytes.count)
    var space = false
    var i = 0
    let n = bytes.count
    while i < n {
        let b = bytes[i]
        if isSpace(b) || b == 0x0B {
            space = true
            i += 1
            continue
        }
        // U+00A0 (C2 A0), U+2000–U+200A, U+202F, U+205F, U+3000 (E2 80 80–8A, E2 80 AF, E2 81 9F, E3 80 80)
        if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 { space = true; i += 2; continue }
        if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, (bytes[i + 2] >= 0x80 && bytes[i + 2] <= 0x8A) || bytes[i + 2] == 0xAF {
            space = true; i += 3; continue
        }
        if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x8B { i += 3; continue }  // zero-width space
        if b == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { space = true; i += 3; continue }
        if space && !out.isEmpty { out.append(0x20) }
        space = false
        out.append(b)
        i += 1
    }
    return String(decoding: out, as: UTF8.self)
}
