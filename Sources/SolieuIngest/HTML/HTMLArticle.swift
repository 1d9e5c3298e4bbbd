import SolieuText

/// HTML page → Article.
enum HTMLArticle {
    static func extract(_ html: Decoding.Decoded.Body, name: String, warnings: [String]) throws(IngestError) -> Article {
        let tree: BlockTree
        do {
            switch html {
            case .text(let text): tree = try BlockTree.build(html: text)
            case .utf8(let bytes):
                tree = try bytes.withUnsafeBufferPointer { b in Result { () throws(IngestError) -> BlockTree in try BlockTree.build(utf8: b) } }.get()
            }
        } catch { throw IngestError(file: name, reason: error.reason) }
        let meta = tree.meta.meta
        let metaTitle = meta["og:title"] ?? meta["twitter:title"] ?? meta["dc.title"] ?? meta["title"]
            ?? tree.meta.titleTag.map(stripSiteSuffix)
        let finder = ContentFinder(tree: tree)
        let selection = finder.select(metaTitle: metaTitle)
        var paragraphs = selection.blocks.map { i -> String in
            let text = tree.blocks[i].text
            return Dateline.isDateLine(text, chars: tree.blocks[i].chars) ? Dateline.withoutTrailingLabels(text) : text
        }
        var title: String? = selection.titleBlock.map { tree.blocks[$0].text }
        if title == nil, let t = metaTitle?.trimmingCharacters(in: " "), !t.isEmpty {
            title = collapse(Array(t.utf8))
            paragraphs.insert(title!, at: 0)
        }
        guard paragraphs.contains(where: { $0 != title }) || !paragraphs.isEmpty else {
            throw IngestError(file: name, reason: .noArticleFound)
        }
        if paragraphs.isEmpty { throw IngestError(file: name, reason: .noArticleFound) }

        // Published: metadata first, then <time>, then the date line printed near the title.
        var published: String?
        for key in publishedKeys {
            if let v = meta[key], let iso = Dateline.iso(fromMeta: v) { published = iso; break }
        }
        if published == nil, let t = tree.meta.timeDatetimes.lazy.compactMap(Dateline.iso(fromMeta:)).first {
            published = t
        }
        if published == nil {
            for p in paragraphs.prefix(6) where Dateline.isDateLine(p, chars: p.unicodeScalars.count) {
                published = Dateline.parse(p)
                break
            }
        }
        let url = tree.meta.canonical ?? meta["og:url"]
        var site = meta["og:site_name"] ?? meta["application-name"]
        if site == nil, let url { site = host(of: url) }
        let text = paragraphs.joined(separator: "\n\n")
        let language = tree.meta.lang.map { String($0.prefix(2)).lowercased() }
            ?? meta["content-language"].map { String($0.prefix(2)).lowercased() } ?? Language.guess(text)
        return Article(source: name, title: title, published: published, site: site, url: url,
                       language: language, paragraphs: paragraphs, warnings: warnings)
    }

    /// Meta tags that state the publication date, most specific first.
    static let publishedKeys = ["article:published_time", "og:article:published_time", "datepublished", "dc.date.issued",
                                "dcterms.issued", "dc.date", "dcterms.created", "date", "pubdate", "publishdate",
                                "article:published", "og:published_time", "citation_publication_date", "datecreated"]

    /// "Tiêu đề bài viết - Cổng thông tin tỉnh X" → "Tiêu đề bài viết".
    static func stripSiteSuffix(_ title: String) -> String {
        // Over the UTF-8 bytes (Foundation's backward search cost more than the rest of the title work).
        let bytes = Array(title.utf8)
        for sep in [" | ", " - ", " – ", " :: ", " — "] {
            let needle = Array(sep.utf8)
            guard bytes.count >= needle.count else { continue }
            for start in stride(from: bytes.count - needle.count, through: 0, by: -1)
            where bytes[start] == needle[0] && bytes[start..<(start + needle.count)].elementsEqual(needle) {
                let head = String(decoding: bytes[..<start], as: UTF8.self)
                if head.unicodeScalars.count >= 15 { return head }
                break
            }
        }
        return title
    }

    static func host(of url: String) -> String? {
        guard let r = url.range(of: "://") else { return nil }
        let rest = url[r.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        return host.isEmpty ? nil : String(host.lowercased())
    }
}

/// Scraped text → Article: the same furniture rules, one paragraph per non-empty line.
enum TextArticle {
    static func extract(_ text: String, name: String, warnings: [String]) throws(IngestError) -> Article {
        var lines: [String] = []
        for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            let line = collapse(Array(raw.utf8))
            if !line.isEmpty { lines.append(line) }
        }
        var kept: [String] = []
        var inTail = false
        for line in lines {
            let chars = line.unicodeScalars.count
            if BoilerplateRules.isTailMarker(line) { inTail = true; continue }
            if inTail {
                if BoilerplateRules.isProse(line, chars: chars) { inTail = false } else { continue }
            }
            if BoilerplateRules.isFurniture(line) { continue }
            kept.append(line)
        }
        // A title printed twice (page header, then article heading) with a category line between;
        // not a title repeated as a photo caption after the lead (a sentence stands between).
        if let first = kept.first {
            let key = VietnameseFold.searchKey(first)
            if let again = kept.indices.dropFirst().prefix(5).first(where: { VietnameseFold.searchKey(kept[$0]) == key }),
               !kept[1..<again].contains(where: { $0.unicodeScalars.count >= 60 && BoilerplateRules.hasSentencePunctuation($0) }) {
                // The date line between stays (it dates the article); the category line goes.
                let dateLines = kept[1..<again].filter { Dateline.isDateLine($0, chars: $0.unicodeScalars.count) }
                kept.replaceSubrange(1...again, with: dateLines)
            }
        }
        guard !kept.isEmpty else { throw IngestError(file: name, reason: .noArticleFound) }
        var published: String?
        for p in kept.prefix(6) where Dateline.isDateLine(p, chars: p.unicodeScalars.count) {
            published = Dateline.parse(p)
            break
        }
        return Article(source: name, title: kept.first, published: published, site: nil, url: nil,
                       language: Language.guess(kept.joined(separator: " ")), paragraphs: kept, warnings: warnings)
    }
}

extension Ingest {
    /// One line per block of an HTML page: index, kind, node path, link share, kept or not, text.
    /// For looking at what the content finder saw (`solieu-bench blocks FILE`).
    public static func explainBlocks(html: String) -> [String] {
        guard let tree = try? BlockTree.build(html: UnicodeNormalization.nfc(html)) else { return [] }
        let finder = ContentFinder(tree: tree)
        let meta = tree.meta.meta
        let metaTitle = meta["og:title"] ?? tree.meta.titleTag.map(HTMLArticle.stripSiteSuffix)
        let kept = Set(finder.select(metaTitle: metaTitle).blocks)
        return tree.blocks.enumerated().map { i, b in
            var path: [String] = []
            var n = Int(b.node)
            while n >= 0, path.count < 4 {
                let node = tree.nodes[n]
                path.append(node.tag + (node.tokens.isEmpty ? "" : "." + node.tokens.prefix(3).joined(separator: ".")) + (finder.boilerplate[n] ? "!" : ""))
                n = Int(node.parent)
            }
            return "\(kept.contains(i) ? "+" : "-") \(i) \(b.kind) link=\(b.linkChars)/\(b.chars) [\(path.reversed().joined(separator: " > "))] \(b.text.prefix(80))"
        }
    }
}
