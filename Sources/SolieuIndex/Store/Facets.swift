import SolieuText

/// Filter tokens stored in the full-text index's `facets` column, so that a search filtered by
/// province or date is one FTS5 query: relevance is then computed only for documents that pass
/// the filter. Tokens: "p" + the province's letters ("pkiengiang"), once for the province named
/// and once for its unit after 2025; "y2018" for the year published and "m201807" for the month.
enum Facets {
    static func province(_ name: String) -> String {
        "p" + VietnameseFold.searchKey(name).filter { $0.isLetter || $0.isNumber }
    }

    static func tokens(province: String?, provinceNow: String?, published: String?) -> String {
        var out: [String] = []
        for p in [province, provinceNow].compactMap({ $0 }) where !out.contains(Self.province(p)) { out.append(Self.province(p)) }
        if let published, published.count >= 7 {
            let year = published.prefix(4), month = published.dropFirst(5).prefix(2)
            if year.allSatisfy(\.isNumber) && month.allSatisfy(\.isNumber) { out += ["y\(year)", "m\(year)\(month)"] }
        }
        return out.joined(separator: " ")
    }

    /// The FTS5 expression for "published within first…last" at month precision (whole years
    /// as year tokens); the exact days are checked in SQL on the few rows that pass.
    static func dateRange(first: String, last: String) -> String? {
        guard let y0 = Int(first.prefix(4)), let m0 = Int(first.dropFirst(5).prefix(2)),
              let y1 = Int(last.prefix(4)), let m1 = Int(last.dropFirst(5).prefix(2)), (y0, m0) <= (y1, m1) else { return nil }
        var tokens: [String] = []
        var y = y0, m = m0
        while (y, m) <= (y1, m1) {
            if m == 1 && (y < y1 || m1 == 12) {
                tokens.append("\"y\(y)\"")
                y += 1
                continue
            }
            tokens.append("\"m\(y)\(m < 10 ? "0" : "")\(m)\"")
            m += 1
            if m > 12 { m = 1; y += 1 }
            if tokens.count > 400 { return nil }  // a span of centuries: filter in SQL only
        }
        return tokens.isEmpty ? nil : "(" + tokens.joined(separator: " OR ") + ")"
    }
}
