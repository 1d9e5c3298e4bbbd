import Foundation
import SolieuIndex

/// Charts drawn on the server as SVG (no library, no script): bars per value of the first key
/// when there is one key; lines over the second key (years, periods) per value of the first
/// when there are two. Only groups that have a sum are drawn.
enum Chart {
    static func svg(_ answer: API.StatsAnswer, lang: Lang) -> String {
        let keys = answer.groupBy
        let groups = answer.groups.filter { $0.row.sum != nil }
        guard let first = keys.first, !groups.isEmpty else { return "" }
        func key(_ g: StatsRecord, _ k: String) -> String { (g.row.keys[k] ?? nil) ?? "(none)" }
        if keys.count >= 2 {
            return lines(groups, series: { key($0, first) }, x: { key($0, keys[1]) }, lang: lang)
        }
        return bars(groups.map { (key($0, first), $0.row.sum ?? 0) }, lang: lang)
    }

    static func bars(_ values: [(String, Double)], lang: Lang) -> String {
        let shown = Array(values.prefix(40))
        let top = max(shown.map(\.1).max() ?? 1, 1)
        let rowHeight = 20, labelWidth = 200, width = 720
        let height = shown.count * rowHeight + 10
        var out = "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\"><title>\(lang.t("Tổng theo nhóm", "Sum per group"))</title>"
        for (i, (label, v)) in shown.enumerated() {
            let y = i * rowHeight + 5
            let w = Int(Double(width - labelWidth - 60) * v / top)
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\">\(HTML.escape(label))</text>"
                + "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(max(w, 1))\" height=\"\(rowHeight - 6)\" class=\"bar\"><title>\(HTML.escape(label)): \(StatsRow.number(v))</title></rect>"
                + "<text x=\"\(labelWidth + max(w, 1) + 4)\" y=\"\(y + 14)\">\(StatsRow.number(v))</text>"
        }
        return out + "</svg></figure>"
    }

    /// An x value a line can pass through: a year, a month, a quarter or a half, not a span of
    /// years ("2016/2020") or a missing key. Groups with another one are in the table only.
    static func onAxis(_ value: String) -> Bool {
        value.count >= 4 && !value.contains("/") && value.prefix(4).allSatisfy(\.isNumber)
    }

    static func lines(_ all: [StatsRecord], series: (StatsRecord) -> String, x: (StatsRecord) -> String, lang: Lang) -> String {
        let groups = all.filter { onAxis(x($0)) }
        let xs = Array(Set(groups.map(x))).sorted()
        guard xs.count >= 2 else {
            return bars(all.map { ("\(series($0)) · \(x($0))", $0.row.sum ?? 0) }, lang: lang)
        }
        // The series with the largest totals (at most 8), each a line over the x values.
        var totals: [String: Double] = [:]
        for g in groups { totals[series(g), default: 0] += g.row.sum ?? 0 }
        let names = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(8).map(\.key)
        var points: [String: [String: Double]] = [:]
        for g in groups where names.contains(series(g)) { points[series(g), default: [:]][x(g), default: 0] += g.row.sum ?? 0 }
        let top = max(points.values.flatMap(\.values).max() ?? 1, 1)
        let width = 720, height = 300, left = 50, bottom = 30, legend = 170
        let plotW = width - left - legend, plotH = height - bottom - 10
        func px(_ i: Int) -> Int { left + (xs.count == 1 ? 0 : i * plotW / (xs.count - 1)) }
        func py(_ v: Double) -> Int { 10 + plotH - Int(Double(plotH) * v / top) }
        var out = "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\"><title>\(lang.t("Tổng theo thời gian", "Sum over time"))</title>"
        out += "<line x1=\"\(left)\" y1=\"\(10 + plotH)\" x2=\"\(left + plotW)\" y2=\"\(10 + plotH)\" class=\"axis\"/>"
        out += "<text x=\"\(left - 4)\" y=\"16\" text-anchor=\"end\">\(StatsRow.number(top))</text><text x=\"\(left - 4)\" y=\"\(10 + plotH)\" text-anchor=\"end\">0</text>"
        let step = max(1, (xs.count * 48 + plotW - 1) / plotW)  // labels 48 px apart at least
        for (i, label) in xs.enumerated() where i % step == 0 {
            out += "<text x=\"\(px(i))\" y=\"\(height - 8)\" text-anchor=\"middle\">\(HTML.escape(label))</text>"
        }
        for (n, name) in names.enumerated() {
            let series = points[name] ?? [:]
            let coords = xs.enumerated().compactMap { i, label in series[label].map { "\(px(i)),\(py($0))" } }
            out += "<polyline class=\"line s\(n)\" points=\"\(coords.joined(separator: " "))\"><title>\(HTML.escape(name))</title></polyline>"
            for (i, label) in xs.enumerated() {
                guard let v = series[label] else { continue }
                out += "<circle class=\"s\(n)\" cx=\"\(px(i))\" cy=\"\(py(v))\" r=\"3\"><title>\(HTML.escape(name)) \(HTML.escape(label)): \(StatsRow.number(v))</title></circle>"
            }
            out += "<rect x=\"\(width - legend + 10)\" y=\"\(14 + n * 18)\" width=\"10\" height=\"10\" class=\"key s\(n)\"/>"
                + "<text x=\"\(width - legend + 26)\" y=\"\(23 + n * 18)\">\(HTML.escape(name))</text>"
        }
        let off = all.count - groups.count
        let caption = off > 0 ? "<figcaption>\(lang.t("\(off) nhóm không thuộc một năm (khoảng nhiều năm, không rõ) chỉ có trong bảng.", "\(off) groups without a single year (spans of years, unknown) are in the table only."))</figcaption>" : ""
        return out + "</svg>\(caption)</figure>"
    }
}
