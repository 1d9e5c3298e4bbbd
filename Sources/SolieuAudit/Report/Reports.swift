import Foundation

/// The three report formats of `solieu audit`.
public enum AuditFormat: String, Sendable, CaseIterable { case text, json, html }

public extension AuditReport {
    func render(_ format: AuditFormat, onlyFails: Bool = false) throws -> String {
        let shown = onlyFails ? findings.filter { $0.status == .fails } : findings
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

extension Finding.Evidence {
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

/// One self-contained HTML file: summary, per-province and per-document tables, then every
/// finding with its sentences (numbers highlighted) and links between the documents involved.
enum HTMLReport {
    static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func render(_ r: AuditReport, _ shown: [Finding]) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>solieu audit: \(esc(r.scope))</title>
            <style>
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:68rem;color:#1d2330;padding:0 1rem}
            h1{font-size:1.5rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d8dde6}
            .cards{display:flex;gap:1rem;margin:1rem 0} .card{flex:1;border-radius:8px;padding:.8rem 1rem;background:#f3f5f9}
            .card b{display:block;font-size:1.8rem} .holds{color:#17703a} .fails{color:#b3261e} .unverifiable{color:#8a6100}
            table{border-collapse:collapse;width:100%;font-size:.9rem} th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e4e7ee}
            .finding{border-left:4px solid #ccd;padding:.4rem .9rem;margin:1rem 0;background:#fafbfd}
            .finding.fails{border-color:#b3261e} .finding.holds{border-color:#17703a} .finding.unverifiable{border-color:#c99400}
            .status{font-weight:700;text-transform:uppercase;font-size:.8rem;margin-right:.6rem} .rel{font-family:ui-monospace,Menlo,monospace}
            blockquote{margin:.4rem 0 .4rem 1rem;color:#333} mark{background:#ffe48a;padding:0 .1em;border-radius:2px}
            .meta{color:#667;font-size:.85rem} a{color:#1f5fbf}
            </style></head><body>
            <h1>solieu audit</h1>
            <p class="meta">Scope: \(esc(r.scope)) · \(r.documents) documents · \(r.findings.count) checks\(shown.count < r.findings.count ? " · showing \(shown.count) failing" : "")</p>
            <div class="cards">
            <div class="card">checks run<b>\(r.findings.count)</b></div>
            <div class="card holds">holding<b>\(r.count(.holds))</b></div>
            <div class="card fails">failing<b>\(r.count(.fails))</b></div>
            <div class="card unverifiable">unverifiable<b>\(r.count(.unverifiable))</b></div>
            </div>

            """
        // Per province and per document.
        func tally(_ key: (Finding) -> [String]) -> [(String, [Finding.Status: Int])] {
            var t: [String: [Finding.Status: Int]] = [:]
            for f in r.findings { for k in key(f) { t[k, default: [:]][f.status, default: 0] += 1 } }
            return t.sorted { $0.key < $1.key }
        }
        html += "<h2>By province</h2><table><tr><th>province</th><th>checks</th><th>hold</th><th>fail</th><th>unverifiable</th></tr>\n"
        for (p, c) in tally({ [$0.province ?? "(unknown)"] }) {
            html += "<tr><td>\(esc(p))</td><td>\(c.values.reduce(0, +))</td><td>\(c[.holds] ?? 0)</td><td class=\"fails\">\(c[.fails] ?? 0)</td><td>\(c[.unverifiable] ?? 0)</td></tr>\n"
        }
        html += "</table>\n<h2>By document</h2><table><tr><th>document</th><th>title</th><th>checks</th><th>hold</th><th>fail</th><th>unverifiable</th></tr>\n"
        var titles: [Int64: (String?, String?)] = [:]
        for f in r.findings { for e in f.evidence where titles[e.document] == nil { titles[e.document] = (e.title, e.source) } }
        var byDoc: [Int64: [Finding.Status: Int]] = [:]
        for f in r.findings { for d in f.documents { byDoc[d, default: [:]][f.status, default: 0] += 1 } }
        for (d, c) in byDoc.sorted(by: { $0.key < $1.key }) {
            html += "<tr id=\"doc-\(d)\"><td><a href=\"#findings-\(d)\">\(d)</a></td><td>\(esc(titles[d]?.0 ?? "")) <span class=\"meta\">\(esc(titles[d]?.1 ?? ""))</span></td>"
                + "<td>\(c.values.reduce(0, +))</td><td>\(c[.holds] ?? 0)</td><td class=\"fails\">\(c[.fails] ?? 0)</td><td>\(c[.unverifiable] ?? 0)</td></tr>\n"
        }
        html += "</table>\n<h2>Findings</h2>\n"
        var anchored = Set<Int64>()
        for (n, f) in shown.enumerated() {
            html += "<div class=\"finding \(f.status.rawValue)\" id=\"finding-\(n + 1)\">"
            for d in f.documents where !anchored.contains(d) {
                html += "<a id=\"findings-\(d)\"></a>"
                anchored.insert(d)
            }
            html += "<span class=\"status \(f.status.rawValue)\">\(f.status.rawValue)</span><b>\(esc(f.check.rawValue))</b> "
            html += "<span class=\"rel\">\(esc(f.relation))</span>"
            if let d = f.difference { html += " <span class=\"fails\">difference \(esc(show(d)))</span>" }
            if let reason = f.reason { html += "<div class=\"meta\">\(esc(reason))</div>" }
            for e in f.evidence {
                let others = f.documents.filter { $0 != e.document }
                html += "<div class=\"meta\">document <a href=\"#doc-\(e.document)\">\(e.document)</a> · \(esc(e.title ?? "")) · \(esc(e.province ?? "")) · \(esc(e.published ?? ""))"
                if !others.isEmpty { html += " · compared with " + others.map { "<a href=\"#doc-\($0)\">\($0)</a>" }.joined(separator: ", ") }
                html += "</div><blockquote>\(e.marked(open: "<mark>", close: "</mark>", escape: esc))</blockquote>"
            }
            html += "</div>\n"
        }
        html += "<p class=\"meta\">Generated by solieu. Offsets are Unicode scalar offsets into each document's article text.</p></body></html>\n"
        return html
    }
}
