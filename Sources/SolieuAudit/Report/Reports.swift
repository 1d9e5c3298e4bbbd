import Foundation

/// The three report formats of `solieu audit`.
public enum AuditFormat: String, Sendable, CaseIterable { case text, json, html }

public extension AuditReport {
    /// Failures first, then what could not be verified, then what holds; report order within.
    static func failuresFirst(_ findings: [Finding]) -> [Finding] {
        let rank: [Finding.Status: Int] = [.fails: 0, .unverifiable: 1, .holds: 2]
        return findings.enumerated().sorted { a, b in
            let x = rank[a.element.status] ?? 3, y = rank[b.element.status] ?? 3
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    /// Every format lists failures first, each finding with its id.
    func render(_ format: AuditFormat, onlyFails: Bool = false) throws -> String {
        let shown = Self.failuresFirst(onlyFails ? findings.filter { $0.status == .fails } : findings)
        switch format {
        case .text: return TextReport.render(self, shown)
        case .json: return try JSONReport.render(self, shown)
        case .html: return HTMLReport.render(self, shown)
        }
    }

    var summaryLine: String {
        "\(findings.count) checks on \(documents) documents: \(count(.holds)) hold, \(count(.fails)) fail, \(count(.unverifiable)) unverifiable"
    }
}

/// Text for HTML, the one escaper of the static report and of `solieu serve`'s pages: safe in
/// element text and in quoted attributes alike.
public enum HTMLText {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Controls other than line breaks and tabs never reach a page.
                if c.value < 0x20 && c != "\n" && c != "\t" { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}

public extension Finding.Evidence {
    /// The sentence with the figures' spans marked by `open`/`close` (spans are article offsets).
    func marked(open: String, close: String, escape: (String) -> String = { $0 }) -> String {
        let s = Array(sentence.unicodeScalars)
        var out = ""
        var i = 0
        for span in spans.sorted(by: { $0.start < $1.start }) {
            let a = span.start - sentenceStart, b = span.end - sentenceStart
            guard a >= i, b <= s.count, a <= b else { continue }
            out += escape(String(String.UnicodeScalarView(s[i..<a]))) + open + escape(String(String.UnicodeScalarView(s[a..<b]))) + close
            i = b
        }
        return out + escape(String(String.UnicodeScalarView(s[i...])))
    }
}

enum TextReport {
    static func render(_ r: AuditReport, _ shown: [Finding]) -> String {
        var lines = ["solieu audit (\(r.scope)): \(r.summaryLine)", ""]
        for f in shown {
            var head = "\(f.status.rawValue.uppercased())  \(f.check.rawValue)  \(f.relation)"
            if let d = f.difference { head += "  (difference \(show(d)))" }
            head += "  [\(f.id)]"
            lines.append(head)
            if let reason = f.reason { lines.append("    why: \(reason)") }
            for e in f.evidence {
                lines.append("    doc \(e.document) \(e.source ?? "") [\(e.sentenceStart)]")
                lines.append("      " + e.marked(open: "[", close: "]"))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}

enum JSONReport {
    struct Body: Encodable {
        var scope: String
        var documents: Int
        var checks: Int
        var holds: Int
        var fails: Int
        var unverifiable: Int
        var findings: [Finding]
    }

    static func render(_ r: AuditReport, _ shown: [Finding]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let body = Body(scope: r.scope, documents: r.documents, checks: r.findings.count, holds: r.count(.holds), fails: r.count(.fails),
                        unverifiable: r.count(.unverifiable), findings: shown)
        return String(decoding: try encoder.encode(body), as: UTF8.self)
    }
}

/// One self-contained HTML file: the summary, counts by province and check, then every failing
/// finding in full (its id, the relation written out, its sentences with the numbers marked and
/// a link to each source). What holds or cannot be verified is counted, not listed, so the file
/// grows with the failures, not with the bulletins (`--format json` and `solieu serve` list all).
enum HTMLReport {
    static func esc(_ s: String) -> String { HTMLText.escape(s) }

    static func render(_ r: AuditReport, _ shown: [Finding]) -> String {
        let failing = shown.filter { $0.status == .fails }
        var html = """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>solieu audit: \(esc(r.scope))</title>
            <style>
            body{font:15px/1.5 "Noto Sans","Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:2rem auto;max-width:68rem;color:#1d2330;padding:0 1rem}
            h1{font-size:1.5rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d8dde6}
            .cards{display:flex;gap:1rem;margin:1rem 0} .card{flex:1;border-radius:8px;padding:.8rem 1rem;background:#f3f5f9}
            .card b{display:block;font-size:1.8rem} .holds{color:#17703a} .fails{color:#b3261e} .unverifiable{color:#8a6100}
            table{border-collapse:collapse;width:100%;font-size:.9rem} th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e4e7ee}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .finding{border-left:4px solid #b3261e;padding:.4rem .9rem;margin:1rem 0;background:#fafbfd}
            .status{font-weight:700;text-transform:uppercase;font-size:.8rem;margin-right:.6rem} .rel{font-weight:600}
            .fid{color:#667;font-size:.85rem;margin-right:.6rem}
            blockquote{margin:.4rem 0 .4rem 1rem;color:#333} mark{background:#ffe48a;padding:0 .1em;border-radius:2px}
            .meta{color:#667;font-size:.85rem} a{color:#1f5fbf}
            </style></head><body>
            <h1>solieu audit</h1>
            <p class="meta">Scope: \(esc(r.scope)) · \(r.documents) documents · \(r.findings.count) checks</p>
            <div class="cards">
            <div class="card">checks run<b>\(r.findings.count)</b></div>
            <div class="card fails">failing<b>\(r.count(.fails))</b></div>
            <div class="card unverifiable">unverifiable<b>\(r.count(.unverifiable))</b></div>
            <div class="card holds">holding<b>\(r.count(.holds))</b></div>
            </div>

            """
        func tally(_ key: (Finding) -> String) -> [(String, [Finding.Status: Int])] {
            var t: [String: [Finding.Status: Int]] = [:]
            for f in r.findings { t[key(f), default: [:]][f.status, default: 0] += 1 }
            return t.sorted { $0.key < $1.key }
        }
        for (title, key) in [("By province", { (f: Finding) in f.province ?? "(unknown)" }), ("By check", { (f: Finding) in f.check.rawValue })] {
            html += "<h2>\(title)</h2><table><tr><th>\(title == "By check" ? "check" : "province")</th><th>checks</th><th>fail</th><th>unverifiable</th><th>hold</th></tr>\n"
            for (p, c) in tally(key) {
                html += "<tr><td>\(esc(p))</td><td class=\"n\">\(c.values.reduce(0, +))</td><td class=\"n fails\">\(c[.fails] ?? 0)</td><td class=\"n\">\(c[.unverifiable] ?? 0)</td><td class=\"n\">\(c[.holds] ?? 0)</td></tr>\n"
            }
            html += "</table>\n"
        }
        html += "<h2>Failing findings (\(failing.count))</h2>\n"
        if failing.isEmpty { html += "<p>No check fails.</p>\n" }
        for f in failing {
            html += "<div class=\"finding fails\" id=\"\(esc(f.id))\"><a class=\"fid\" href=\"#\(esc(f.id))\">\(esc(f.id))</a>"
            html += "<span class=\"status fails\">fails</span><b>\(esc(f.check.rawValue))</b> "
            html += "<span class=\"rel\">\(esc(f.relation))</span>"
            if let d = f.difference { html += " <span class=\"fails\">difference \(esc(show(d)))</span>" }
            if let reason = f.reason { html += "<div class=\"meta\">\(esc(reason))</div>" }
            for e in f.evidence {
                let others = f.documents.filter { $0 != e.document }
                html += "<div class=\"meta\">document \(e.document) · \(esc(e.title ?? "")) · \(esc(e.province ?? "")) · \(esc(e.published ?? ""))"
                if let source = e.source { html += " · <a href=\"\(esc(fileURL(source)))\">\(esc((source as NSString).lastPathComponent))</a>" }
                if !others.isEmpty { html += " · compared with document " + others.map { "\($0)" }.joined(separator: ", ") }
                html += "</div><blockquote>\(e.marked(open: "<mark>", close: "</mark>", escape: esc))</blockquote>"
            }
            html += "</div>\n"
        }
        html += "<p class=\"meta\">Generated by solieu. Findings that hold or cannot be verified are counted above; `solieu audit --format json` and `solieu serve` list them all. Offsets are Unicode scalar offsets into each document's article text.</p></body></html>\n"
        return html
    }

    /// A stored path as a file: URL (a path already absolute stays so; others are as stored).
    static func fileURL(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        return "file://" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
    }
}
