import Foundation
import SolieuText

/// Picks the article's blocks out of a page's block list.
///
/// 0. Furniture elements: by class/id or tag (`BlockTree`), and listings (three or more sibling
///    items of a few short blocks with a link), except a furniture-tagged element that holds most
///    of the page's text (ASP.NET's page-wide `<form>`) or a furniture-classed one that holds most
///    of its prose and a headline (VnExpress's `<div class="sidebar-1">`).
/// 1. Every block gets a weight: its non-link text when it reads like prose, 0 for links, widgets,
///    hidden or furniture blocks.
/// 2. The content node is the element whose subtree carries the most prose weight, less half of
///    the furniture text it also holds (so `<body>` loses to the article's own container).
/// 3. The article runs from the title block (the `<h1>` that matches the page title, or the block
///    that does, never one inside a furniture-classed banner) to the end of the content node:
///    date lines, leads and bylines set between the title and the body are kept; everything
///    before the title is the page's header, except a date line just above it, kept after it.
/// 4. Inside that window, furniture is dropped by class, link density and text rules, and a
///    related-news tail is cut until prose resumes (or, when it began inside a furniture box in
///    the body, until that box ends).
struct ContentFinder {
    let tree: BlockTree
    /// Furniture by its own class, id or tag (`ownBoilerplate`), or by an ancestor's (`boilerplate`).
    var boilerplate: [Bool] = []
    var ownBoilerplate: [Bool] = []
    var hidden: [Bool] = []

    /// Furniture by a class or id (its own or an ancestor's), not by a tag alone: a page title
    /// inside such a banner is the site's name, not the article's title.
    var classFurniture: [Bool] = []
    /// Blocks of 80 characters or more with sentence punctuation (". ", ", " or a final ".").
    var punctuated: [Bool] = []

    init(tree: BlockTree) {
        self.tree = tree
        let nodes = tree.nodes
        boilerplate = [Bool](repeating: false, count: nodes.count)
        ownBoilerplate = boilerplate
        classFurniture = boilerplate
        hidden = [Bool](repeating: false, count: nodes.count)
        var chars = [Int](repeating: 0, count: tree.blocks.count + 1)
        var links = [Int](repeating: 0, count: tree.blocks.count + 1)
        var prose = [Int](repeating: 0, count: tree.blocks.count + 1)
        var headings = [Int](repeating: 0, count: tree.blocks.count + 1)
        punctuated = tree.blocks.map { $0.chars >= 80 && BoilerplateRules.hasSentencePunctuation($0.text) }
        for (i, b) in tree.blocks.enumerated() {
            chars[i + 1] = chars[i] + b.chars
            links[i + 1] = links[i] + b.linkChars
            let isProse = punctuated[i] && b.linkChars * 4 < b.chars
            prose[i + 1] = prose[i] + (isProse ? b.chars : 0)
            headings[i + 1] = headings[i] + (b.kind == .heading && b.headingLevel <= 2 ? 1 : 0)
        }
        let total = chars[tree.blocks.count]
        let totalProse = prose[tree.blocks.count]
        let feed = Self.feedItems(nodes, chars: chars, links: links)
        for i in nodes.indices {
            let n = nodes[i]
            let p = Int(n.parent)
            var own = n.boilerplate
            let a = Int(n.firstBlock), b = Int(max(n.firstBlock, n.endBlock))
            // An element that is furniture by its tag alone but holds most of the page's text wraps
            // the page (ASP.NET puts every page inside one <form>): it does not make its content
            // furniture. Nor does one whose class says so but which holds most of the page's prose
            // and a headline (VnExpress's article column is `<div class="sidebar-1">`).
            if own && n.boilerplateByTag && (chars[b] - chars[a]) * 2 > total { own = false }
            if own && totalProse > 0 && (prose[b] - prose[a]) * 2 > totalProse && headings[b] > headings[a] { own = false }
            own = own || feed[i]
            ownBoilerplate[i] = own
            boilerplate[i] = own || (p >= 0 && boilerplate[p])
            classFurniture[i] = (own && (!n.boilerplateByTag || feed[i])) || (p >= 0 && classFurniture[p])
            hidden[i] = n.hidden || (p >= 0 && hidden[p])
        }
    }

    /// Items of a listing: three or more sibling elements of the same tag and classes, each a
    /// short group of two to four blocks with a link (a title and its date, an excerpt, "Tải
    /// về"): news feeds and document lists, whatever their class names say. An article's own
    /// paragraphs, list items and table rows are one block each, and its sections are longer.
    static func feedItems(_ nodes: [Node], chars: [Int], links: [Int]) -> [Bool] {
        var feed = [Bool](repeating: false, count: nodes.count)
        var childCount = [Int](repeating: 0, count: nodes.count)
        for n in nodes where n.parent >= 0 { childCount[Int(n.parent)] += 1 }
        var groups: [Int: [Int]] = [:]  // (parent, signature) hash → members
        for (i, n) in nodes.enumerated() where n.parent >= 0 && childCount[Int(n.parent)] >= 3 {
            let blocks = Int(n.endBlock - n.firstBlock)
            guard blocks >= 2 && blocks <= 4 else { continue }
            let a = Int(n.firstBlock), b = Int(n.endBlock)
            guard chars[b] - chars[a] <= 350, links[b] > links[a] else { continue }
            var h = Hasher()
            h.combine(n.parent)
            h.combine(n.tag)
            for t in n.tokens { h.combine(t) }
            groups[h.finalize(), default: []].append(i)
        }
        for members in groups.values where members.count >= 3 {
            for m in members { feed[m] = true }
        }
        return feed
    }

    struct Selection {
        var blocks: [Int]
        var titleBlock: Int?
    }

    func select(metaTitle: String?) -> Selection {
        let blocks = tree.blocks
        guard !blocks.isEmpty else { return Selection(blocks: [], titleBlock: nil) }
        var weight = [Int](repeating: 0, count: blocks.count + 1)
        var furniture = [Int](repeating: 0, count: blocks.count + 1)
        var keys = [String](repeating: "", count: blocks.count)
        var furnitureBlock = [Bool](repeating: false, count: blocks.count)
        let memo = ThreadMemo.current()
        for (i, b) in blocks.enumerated() {
            // Keys serve title matching and furniture rules, which only look at short blocks.
            let short = b.chars <= 400 ? memo.shortBlock(b.text) {
                let key = VietnameseFold.searchKey(b.text)
                return ShortBlock(key: key, furniture: BoilerplateRules.isFurniture(key: key, chars: b.chars))
            } : ShortBlock(key: "", furniture: BoilerplateRules.isFurniture(key: "", chars: b.chars))
            let (key, isFurniture) = (short.key, short.furniture)
            keys[i] = key
            furnitureBlock[i] = isFurniture
            let node = Int(b.node)
            let classBad = node >= 0 && (boilerplate[node] || hidden[node])
            let linky = b.linkChars * 2 > b.chars
            if classBad || linky || isFurniture {
                furniture[i + 1] = b.chars
                continue
            }
            if b.chars < 25 { continue }
            var w = b.chars - b.linkChars
            if punctuated[i] { w += w / 2 }
            weight[i + 1] = w
        }
        for i in 0..<blocks.count {
            weight[i + 1] += weight[i]
            furniture[i + 1] += furniture[i]
        }
        // The content node.
        var best = -1
        var bestScore = Int.min
        for (i, n) in tree.nodes.enumerated() where n.endBlock > n.firstBlock && !hidden[i] {
            let s = weight[Int(n.endBlock)] - weight[Int(n.firstBlock)]
            let bad = furniture[Int(n.endBlock)] - furniture[Int(n.firstBlock)]
            var score = s - bad / 2
            if n.contentHint { score += s / 10 }
            if boilerplate[i] { score -= s / 2 }
            if score > bestScore { bestScore = score; best = i }
        }
        var first = 0
        var end = blocks.count
        if best >= 0 {
            first = Int(tree.nodes[best].firstBlock)
            end = Int(tree.nodes[best].endBlock)
        }
        // The title block.
        let titleBlock = findTitle(keys: keys, metaTitle: metaTitle, contentStart: first, contentEnd: end)
        // The article starts at its title: what comes before it is the page's header or navigation,
        // except a date line printed just above the headline (as VnExpress does), which a reader
        // reads with the title: it goes right after it.
        var dateAbove: Int?
        if let t = titleBlock {
            for j in stride(from: t - 1, through: max(0, min(first, t) - 1, t - 3), by: -1) {
                // Even inside a breadcrumb bar ("bread-crumb-detail__time" on VietNamNet).
                let node = Int(blocks[j].node)
                if node >= 0 && hidden[node] { continue }
                if Dateline.isDateLine(blocks[j].text, chars: blocks[j].chars) { dateAbove = j; break }
            }
            first = t
        }

        // Keep what reads as article inside the window.
        var kept: [Int] = []
        var inTail = false
        /// When the tail began inside a furniture box within the article ("Xem thêm:" and its
        /// links in the body), it ends with that box.
        var tailEnd: Int?
        var sawProse = false
        for i in first..<end {
            let b = blocks[i]
            if inTail, let e = tailEnd, i >= e { inTail = false; tailEnd = nil }
            if i == titleBlock { kept.append(i); continue }
            let node = Int(b.node)
            if node >= 0 && hidden[node] { continue }
            // The date line under the title, even inside a share/tool bar.
            if let t = titleBlock, i > t, i <= t + 6, !sawProse, Dateline.isDateLine(b.text, chars: b.chars) {
                kept.append(i)
                continue
            }
            if BoilerplateRules.isTailMarker(b.text, chars: b.chars) {
                inTail = true
                tailEnd = enclosingBox(of: node, inside: best).map { Int(tree.nodes[$0].endBlock) }
                continue
            }
            // BoilerplateRules.isProse, from the scan done once in init.
            let prose = b.chars >= 120 && punctuated[i] && b.linkChars * 4 < b.chars
            if prose { sawProse = true }
            if inTail {
                if prose && !(node >= 0 && boilerplate[node]) { inTail = false } else { continue }
            }
            if node >= 0 && boilerplate[node] && !(prose && b.kind == .paragraph && isInsideContent(node, best)) { continue }
            // A byline is often a link to the author's page ("<a class=name href=/tac-gia/...>"),
            // and a paragraph of the body may link the documents it cites: a sentence (80
            // characters or more, with its punctuation) that is not all links stays.
            let citing = b.kind == .paragraph && punctuated[i] && b.linkChars * 10 < b.chars * 9
            if b.linkChars * 2 > b.chars && !prose && !citing && !(b.chars <= 60 && isBylineClassed(node)) { continue }
            if furnitureBlock[i] { continue }
            kept.append(i)
        }
        // Drop a second copy of the title printed right after it.
        if let t = titleBlock {
            kept.removeAll { $0 != t && $0 < t + 6 && keys[$0] == keys[t] }
            // The date line from above the title, unless one follows it.
            if let d = dateAbove, let at = kept.firstIndex(of: t),
               !kept.contains(where: { $0 > t && $0 <= t + 6 && Dateline.isDateLine(blocks[$0].text, chars: blocks[$0].chars) }) {
                kept.insert(d, at: at + 1)
            }
        }
        return Selection(blocks: kept, titleBlock: titleBlock)
    }

    /// The nearest furniture-classed element holding `node` that lies strictly inside the content
    /// node, if any.
    private func enclosingBox(of node: Int, inside content: Int) -> Int? {
        guard content >= 0 else { return nil }
        var n = node
        var box: Int?
        while n >= 0 && n != content {
            if box == nil && ownBoilerplate[n] { box = n }
            n = Int(tree.nodes[n].parent)
        }
        return n == content ? box : nil
    }

    /// Whether `node` lies inside the content node (a furniture-classed wrapper inside the article
    /// body, such as `<div class="text">`, does not make its prose furniture).
    private func isInsideContent(_ node: Int, _ content: Int) -> Bool {
        guard content >= 0 else { return false }
        // The content node itself is not furniture-classed, or it would not have won.
        if boilerplate[content] { return false }
        var n = node
        while n >= 0 {
            if n == content { return true }
            if ownBoilerplate[n] { return false }
            n = Int(tree.nodes[n].parent)
        }
        return false
    }

    private func findTitle(keys: [String], metaTitle: String?, contentStart: Int, contentEnd: Int) -> Int? {
        let blocks = tree.blocks
        let metaKey = metaTitle.map { VietnameseFold.searchKey($0) }
        let matcher = metaKey.map(OverlapMatcher.init)
        func similar(_ i: Int) -> Double {
            guard let matcher else { return 0 }
            return matcher.overlap(keys[i], atLeast: 0.6)
        }
        func usable(_ i: Int) -> Bool {
            let node = Int(blocks[i].node)
            return !(node >= 0 && (hidden[node] || classFurniture[node])) && blocks[i].chars >= 8 && blocks[i].chars <= 400
        }
        let limit = min(contentEnd, blocks.count)
        // An h1 (or h2) that matches the page title, nearest before or at the content start.
        var candidates: [(Int, Double)] = []
        for i in 0..<limit where usable(i) && blocks[i].kind == .heading && blocks[i].headingLevel <= 2 {
            let s = similar(i)
            if metaKey == nil || s >= 0.6 { candidates.append((i, s + (blocks[i].headingLevel == 1 ? 0.05 : 0))) }
        }
        if let best = candidates.max(by: { a, b in a.1 < b.1 || (a.1 == b.1 && abs(a.0 - contentStart) > abs(b.0 - contentStart)) }) {
            return best.0
        }
        // Any block that matches the title closely.
        if metaKey != nil {
            var bestIndex: Int?
            var bestScore = 0.75
            for i in 0..<limit where usable(i) {
                let s = similar(i)
                if s > bestScore || (s == bestScore && bestIndex != nil && abs(i - contentStart) < abs(bestIndex! - contentStart)) {
                    bestScore = s
                    bestIndex = i
                }
            }
            if let bestIndex { return bestIndex }
        }
        // No block matches the page title (a generic <title>): the first heading, or the first
        // block marked as a title by its class ("TieuDe", "news-title"), at the content start.
        let from = max(0, contentStart - 3)
        for i in from..<min(limit, contentStart + 8) where usable(i) {
            if blocks[i].kind == .heading || isTitleClassed(Int(blocks[i].node)) { return i }
        }
        // A short line without a final period followed by a date line: a title in <font><b> soup.
        for i in from..<min(limit, contentStart + 8) where usable(i) && blocks[i].chars <= 250 && !blocks[i].text.hasSuffix(".") {
            if i + 1 < blocks.count, Dateline.isDateLine(blocks[i + 1].text, chars: blocks[i + 1].chars),
               !BoilerplateRules.isFurniture(key: keys[i], chars: blocks[i].chars) {
                return i
            }
        }
        return nil
    }
}


/// The search key of a short block and whether its text is furniture (memoized by text in
/// `ThreadMemo`).
struct ShortBlock: Sendable {
    var key: String
    var furniture: Bool
}

extension ContentFinder {
    /// The block's element or one of its two nearest ancestors has an author-like class or id.
    func isBylineClassed(_ node: Int) -> Bool {
        nearbyToken(node) { $0.hasPrefix("author") || $0.hasPrefix("tacgia") || $0 == "byline" || $0.hasPrefix("butdanh") }
    }

    /// The block's element or one of its two nearest ancestors has a title-like class or id.
    func isTitleClassed(_ node: Int) -> Bool {
        nearbyToken(node) { $0.hasPrefix("title") || $0.hasPrefix("tieude") || $0.hasPrefix("headline") || $0.hasPrefix("tenbai") || $0.hasSuffix("title") }
    }

    /// Whether a class or id token of `node` or of its two nearest ancestors satisfies `test`.
    private func nearbyToken(_ node: Int, _ test: (Substring) -> Bool) -> Bool {
        var n = node
        var depth = 0
        while n >= 0, depth < 3 {
            if tree.nodes[n].tokens.contains(where: test) { return true }
            n = Int(tree.nodes[n].parent)
            depth += 1
        }
        return false
    }
}

/// Word overlap of candidate keys with one fixed key, |shared| / max(|a|, |b|) by whitespace
/// words: the fixed key's words are counted once (as 64-bit fingerprints of their bytes), and a
/// candidate whose word count alone keeps it under the threshold is not read further.
struct OverlapMatcher {
    /// The key's distinct words and how often each occurs.
    let fingerprints: [UInt64]
    let counts: [Int]
    let words: Int

    init(_ key: String) {
        var fingerprints: [UInt64] = []
        var counts: [Int] = []
        var words = 0
        Self.forEachWord(key) { f in
            words += 1
            if let i = fingerprints.firstIndex(of: f) { counts[i] += 1 } else { fingerprints.append(f); counts.append(1) }
        }
        self.fingerprints = fingerprints
        self.counts = counts
        self.words = words
    }

    /// FNV-1a of each run of non-space bytes.
    @inline(__always)
    static func forEachWord(_ text: String, _ body: (UInt64) -> Void) {
        var copy = text
        copy.withUTF8 { bytes in
            var h: UInt64 = 0
            var inWord = false
            for b in bytes {
                if b == 0x20 {
                    if inWord { body(h); inWord = false }
                } else {
                    if !inWord { h = 0xcbf2_9ce4_8422_2325; inWord = true }
                    h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
                }
            }
            if inWord { body(h) }
        }
    }

    /// The overlap of `candidate` with the key, or 0 when it is certainly below `atLeast`.
    func overlap(_ candidate: String, atLeast threshold: Double) -> Double {
        guard words > 0 else { return 0 }
        var n = 0
        var inWord = false
        for b in candidate.utf8 {
            if b == 0x20 { inWord = false } else if !inWord { inWord = true; n += 1 }
        }
        guard n > 0, Double(min(n, words)) / Double(max(n, words)) >= threshold else { return 0 }
        let shared = withUnsafeTemporaryAllocation(of: Int.self, capacity: counts.count) { remaining -> Int in
            _ = remaining.initialize(from: counts)
            var shared = 0
            Self.forEachWord(candidate) { f in
                if let i = fingerprints.firstIndex(of: f), remaining[i] > 0 {
                    shared += 1
                    remaining[i] -= 1
                }
            }
            return shared
        }
        return Double(shared) / Double(max(n, words))
    }
}
