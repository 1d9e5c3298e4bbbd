import Foundation
import Hummingbird
import SolieuAudit

/// Labels in Vietnamese, or English with `lang=en`.
struct Lang: Sendable {
    var english: Bool

    init(english: Bool) { self.english = english }

    init(_ request: Request) {
        english = (request.uri.query ?? "").split(separator: "&").contains { $0 == "lang=en" }
    }

    func t(_ vi: String, _ en: String) -> String { english ? en : vi }
    var code: String { english ? "en" : "vi" }
}

/// HTML built as strings, every value from a bulletin or a request passed through `escape`
/// (text and attributes alike); no script, one stylesheet from this server.
enum HTML {
    static func escape(_ s: String) -> String { HTMLText.escape(s) }

    /// A link target from a page's own routes, or an http(s) URL a source gives; anything else
    /// (javascript:, data:) is no link.
    static func href(_ url: String?) -> String? {
        guard let url, let scheme = url.split(separator: ":", maxSplits: 1).first?.lowercased(), ["http", "https"].contains(scheme) else { return nil }
        return escape(url)
    }

    /// A JSON string literal, with <, > and & escaped too (safe anywhere).
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&": out += String(format: "\\u%04x", c.value)
            default:
                if c.value < 0x20 { out += String(format: "\\u%04x", c.value) } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }

    static let sections: [(path: String, vi: String, en: String)] = [
        ("/", "Tìm kiếm", "Search"), ("/figures", "Số liệu", "Figures"), ("/stats", "Thống kê", "Stats"), ("/audit", "Kiểm tra", "Audit"),
    ]

    /// A whole page: header with the sections and the language switch, then `body`.
    static func page(title: String, lang: Lang, request: Request, active: String, body: () -> String) -> String {
        let query = request.uri.query ?? ""
        let others = query.split(separator: "&").filter { !$0.hasPrefix("lang=") }.joined(separator: "&")
        let switchTo = lang.english ? others : (others.isEmpty ? "lang=en" : others + "&lang=en")
        let path = escape(request.uri.path)
        var nav = ""
        for s in sections {
            let href = s.path + (lang.english ? "?lang=en" : "")
            nav += "<a href=\"\(href)\"\(s.path == active ? " aria-current=\"page\"" : "")>\(lang.t(s.vi, s.en))</a>"
        }
        return """
            <!doctype html>
            <html lang="\(lang.code)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · solieu</title>
            <link rel="stylesheet" href="/static/solieu.css">
            </head><body>
            <header><a class="brand" href="/\(lang.english ? "?lang=en" : "")">solieu</a><nav>\(nav)</nav>
            <a class="lang" href="\(path)\(switchTo.isEmpty ? "" : "?" + escape(switchTo))">\(lang.english ? "Tiếng Việt" : "English")</a></header>
            <main>
            \(body())
            </main></body></html>
            """
    }

    /// A `<table>` from header cells and rows of already-escaped cells.
    static func table(_ head: [String], _ rows: [[String]], caption: String? = nil, numeric: Set<Int> = []) -> String {
        var out = "<table>"
        if let caption { out += "<caption>\(caption)</caption>" }
        out += "<thead><tr>" + head.enumerated().map { "<th scope=\"col\"\(numeric.contains($0.offset) ? " class=\"num\"" : "")>\($0.element)</th>" }.joined() + "</tr></thead><tbody>"
        for r in rows {
            out += "<tr>" + r.enumerated().map { "<td\(numeric.contains($0.offset) ? " class=\"num\"" : "")>\($0.element)</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }

    /// The links to this view's JSON and CSV twins.
    static func twins(json: String, csv: String?, lang: Lang) -> String {
        var out = "<p class=\"twins\">\(lang.t("Tải về", "Download")): <a href=\"\(escape(json))\">JSON</a>"
        if let csv { out += " · <a href=\"\(escape(csv))\">CSV</a>" }
        return out + "</p>"
    }

    /// A text with spans marked: `marks` are (start, end, open tag, close tag) in scalar offsets,
    /// sorted and not overlapping (an overlapping one is left unmarked).
    static func marked(_ text: String, _ marks: [(start: Int, end: Int, open: String, close: String)]) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var i = 0
        for m in marks.sorted(by: { $0.start < $1.start }) where m.start >= i && m.end <= scalars.count && m.start < m.end {
            out += escape(String(String.UnicodeScalarView(scalars[i..<m.start])))
            out += m.open + escape(String(String.UnicodeScalarView(scalars[m.start..<m.end]))) + m.close
            i = m.end
        }
        out += escape(String(String.UnicodeScalarView(scalars[i...])))
        return out
    }
}
