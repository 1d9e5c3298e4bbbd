import Foundation
import SolieuExtract

/// The query layer's reading of what a user gives: the CLI's flags and the server's URL
/// parameters go through these functions, so a value means the same, and is refused with the
/// same words, in both. `spell` names a parameter as the user wrote it ("--kind" on the command
/// line, "kind" in a URL).
public struct QueryParameters: Sendable {
    public var spell: @Sendable (String) -> String

    public init(spell: @escaping @Sendable (String) -> String) { self.spell = spell }

    /// Flags: "--kind".
    public static let commandLine = QueryParameters { "--" + $0 }
    /// URL parameters: "kind".
    public static let url = QueryParameters { $0 }

    /// The figure filters, each optional. An empty value is a mistake (an unset shell variable,
    /// an empty form field is dropped before this), never "no filter".
    public func figureFilter(kind: [String] = [], award: String? = nil, recipient: String? = nil, province: String? = nil,
                             period: String? = nil, measure: String? = nil, role: String? = nil, document: String? = nil,
                             limit: Int? = nil) throws(IndexError) -> FigureFilter {
        for (name, value) in [("award", award), ("recipient", recipient), ("province", province), ("period", period),
                              ("measure", measure), ("role", role), ("doc", document)] {
            if let value, value.allSatisfy({ $0 == " " || $0 == "\t" }) { throw IndexError("\(spell(name)): empty value") }
        }
        var f = FigureFilter()
        for k in kind.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }) {
            guard !k.isEmpty else { throw IndexError("\(spell("kind")): empty value") }
            guard let parsed = Figure.Kind(rawValue: k.lowercased()) else {
                throw IndexError("\(spell("kind")): unknown kind '\(k)': use \(Figure.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !f.kinds.contains(parsed) { f.kinds.append(parsed) }
        }
        f.award = award
        f.recipient = recipient
        f.province = province
        f.period = period
        f.measure = measure
        if let role {
            guard ["share", "plan", "change"].contains(role.lowercased()) else {
                throw IndexError("\(spell("role")): unknown role '\(role)': use share, plan, change")
            }
            f.role = role.lowercased()
        }
        f.document = document
        f.limit = limit
        return f
    }

    /// "province, year" → ["province", "year"], each a key `stats` can group by.
    public func groupKeys(_ value: String?) throws(IndexError) -> [String] {
        guard let value else { return [] }
        let keys = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for k in keys where !SolieuDatabase.statsKeys.contains(k) {
            throw IndexError("\(spell("group-by")): cannot group by '\(k)': use \(SolieuDatabase.statsKeys.joined(separator: ", "))")
        }
        guard Set(keys).count == keys.count else { throw IndexError("\(spell("group-by")): a key is named twice in '\(value)'") }
        return keys
    }

    /// A page size: 1…`maximum`, `fallback` when not given.
    public func pageSize(_ value: String?, fallback: Int, maximum: Int) throws(IndexError) -> Int {
        guard let value else { return fallback }
        guard let n = Int(value), n >= 1 else { throw IndexError("\(spell("limit")): '\(value)' is not a number from 1 to \(maximum)") }
        guard n <= maximum else { throw IndexError("\(spell("limit")): at most \(maximum) rows a page, got \(n)") }
        return n
    }

    /// A count of rows to skip, or a figure id to continue after: a whole number ≥ 0.
    public func position(_ name: String, _ value: String?) throws(IndexError) -> Int64? {
        guard let value else { return nil }
        guard let n = Int64(value), n >= 0 else { throw IndexError("\(spell(name)): '\(value)' is not a whole number ≥ 0") }
        return n
    }
}

