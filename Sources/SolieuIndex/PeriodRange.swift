/// A calendar span as first and last day ("YYYY-MM-DD"), from the period values of the gold
/// format: "2019-06", "2020-Q3", "2018-H1", "2018", "2016/2020", "2019-06/2020-06-30",
/// "2020-01/2020-09", and plain dates "2018-07-18". ISO strings compare as dates.
public struct PeriodRange: Sendable, Equatable, CustomStringConvertible {
    public var first: String
    public var last: String

    public var description: String { "\(first)…\(last)" }

    public init(first: String, last: String) {
        self.first = first
        self.last = last
    }

    /// nil when `value` is not a period or date this format knows.
    public init?(_ value: String) {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let a = PeriodRange(String(parts[0])), let b = PeriodRange(String(parts[1])), a.first <= b.last else { return nil }
            self.init(first: a.first, last: b.last)
            return
        }
        guard parts.count == 1 else { return nil }
        let p = value.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let year = Int(p[0]), p[0].count == 4, (1000...2999).contains(year) else { return nil }
        let y = p[0]
        switch p.count {
        case 1:
            self.init(first: "\(y)-01-01", last: "\(y)-12-31")
        case 2 where p[1].hasPrefix("Q"):
            guard let q = Int(p[1].dropFirst()), (1...4).contains(q) else { return nil }
            self.init(first: "\(y)-\(Self.two(q * 3 - 2))-01", last: "\(y)-\(Self.two(q * 3))-\(Self.two(Self.days(year, q * 3)))")
        case 2 where p[1].hasPrefix("H"):
            guard let h = Int(p[1].dropFirst()), (1...2).contains(h) else { return nil }
            self.init(first: h == 1 ? "\(y)-01-01" : "\(y)-07-01", last: h == 1 ? "\(y)-06-30" : "\(y)-12-31")
        case 2:
            guard let m = Int(p[1]), p[1].count == 2, (1...12).contains(m) else { return nil }
            self.init(first: "\(y)-\(p[1])-01", last: "\(y)-\(p[1])-\(Self.two(Self.days(year, m)))")
        case 3:
            guard let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m), d >= 1, d <= Self.days(year, m) else { return nil }
            self.init(first: value, last: value)
        default:
            return nil
        }
    }

    /// yyyymmdd integers, as the database stores periods (20180101, 20180630).
    public var firstDay: Int { Self.day(first) }
    public var lastDay: Int { Self.day(last) }

    static func day(_ iso: String) -> Int {
        var n = 0
        for c in iso.utf8 where c >= 0x30 && c <= 0x39 { n = n * 10 + Int(c - 0x30) }
        return n
    }

    public func contains(_ other: PeriodRange) -> Bool { first <= other.first && other.last <= last }
    public func overlaps(_ other: PeriodRange) -> Bool { first <= other.last && other.first <= last }

    /// The year, when the span lies within one.
    public var year: Int? { first.prefix(4) == last.prefix(4) ? Int(first.prefix(4)) : nil }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func days(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
