import Foundation

/// Scores extracted figures against a gold file as fixtures/README.md says: per document and
/// per kind, predicted and gold figures are matched as multisets on a normalized key; figures
/// marked `"uncertain": true` count neither way.
public struct GoldScore: Sendable {
    public struct Counts: Sendable {
        public var truePositives = 0
        public var predicted = 0
        public var gold = 0
        public var precision: Double { predicted == 0 ? (gold == 0 ? 1 : 0) : Double(truePositives) / Double(predicted) }
        public var recall: Double { gold == 0 ? 1 : Double(truePositives) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    public var byKind: [String: Counts] = [:]
    /// Keys missed and keys extracted wrongly, for reading.
    public var missed: [String] = []
    public var spurious: [String] = []
    /// Matched award figures whose gold names a recipient, and those whose recipient agrees
    /// (lower case, "lượt" left out: "lượt cá nhân" is "cá nhân").
    public var recipientsCompared = 0
    public var recipientsAgreeing = 0
    public var recipientDisagreements: [String] = []
    /// Matched percents whose gold gives a role (share, change, plan), and those that agree
    /// (with the sign of a change).
    public var rolesCompared = 0
    public var rolesAgreeing = 0
    public var roleDisagreements: [String] = []
    /// Matched figures whose gold names a measure, and those `--measure` finds when given the
    /// gold's measure as a user would type it (`measureQuery`).
    public var measuresCompared = 0
    public var measuresFound = 0
    public var measureDisagreements: [String] = []

    public var overall: Counts {
        byKind.values.reduce(into: Counts()) { $0.truePositives += $1.truePositives; $0.predicted += $1.predicted; $0.gold += $1.gold }
    }

    public init() {}

    /// Adds one document. `gold` is the parsed gold JSON (`{"figures": [...]}`).
    public mutating func add(predicted: [Figure], gold: [String: Any], document: String = "") {
        var goldFigures: [String: [(key: String, figure: [String: Any])]] = [:]
        var uncertain: [String: [String]] = [:]
        for g in gold["figures"] as? [[String: Any]] ?? [] {
            guard let kind = g["kind"] as? String, let key = Self.key(gold: g) else { continue }
            if g["uncertain"] as? Bool == true { uncertain[kind, default: []].append(key) } else { goldFigures[kind, default: []].append((key, g)) }
        }
        var predictedByKind: [String: [Figure]] = [:]
        for f in predicted { predictedByKind[f.kind.rawValue, default: []].append(f) }
        for kind in Set(goldFigures.keys).union(predictedByKind.keys) {
            var remaining = goldFigures[kind] ?? []
            var unsure = uncertain[kind] ?? []
            var c = byKind[kind] ?? Counts()
            c.gold += remaining.count
            for f in predictedByKind[kind] ?? [] {
                let p = Self.key(f)
                if let i = remaining.firstIndex(where: { $0.key == p }) {
                    compareFields(f, remaining[i].figure, document: document)
                    remaining.remove(at: i)
                    c.truePositives += 1
                    c.predicted += 1
                } else if let i = unsure.firstIndex(of: p) {
                    unsure.remove(at: i)  // neither way
                } else {
                    c.predicted += 1
                    spurious.append("\(document) \(kind) \(p) «\(f.text)»")
                }
            }
            missed += remaining.map { "\(document) \(kind) \($0.key) «\(($0.figure["text"] as? String) ?? "")»" }
            byKind[kind] = c
        }
    }

    /// Recipient and percent-role agreement of a matched figure.
    mutating func compareFields(_ f: Figure, _ g: [String: Any], document: String) {
        if f.kind == .award, let want = g["recipient"] as? String {
            recipientsCompared += 1
            if Self.recipientKey(want) == Self.recipientKey(f.recipient ?? "") {
                recipientsAgreeing += 1
            } else {
                recipientDisagreements.append("\(document) «\(f.text)» recipient \(f.recipient ?? "nil"), gold \(want)")
            }
        }
        if let want = g["measure"] as? String, !want.isEmpty {
            measuresCompared += 1
            if MeasureQuery(Self.measureQuery(want)).matches(f.measure) {
                measuresFound += 1
            } else {
                measureDisagreements.append("\(document) «\(f.text)» measure \(f.measure ?? "nil"), gold \(want)")
            }
        }
        if f.kind == .percent, let want = g["role"] as? String {
            rolesCompared += 1
            let wantSign = (g["sign"] as? NSNumber)?.intValue
            if f.role == want && (want != "change" || wantSign == nil || wantSign == f.sign) {
                rolesAgreeing += 1
            } else {
                roleDisagreements.append("\(document) «\(f.text)» role \(f.role ?? "nil")\(f.sign.map { " \($0)" } ?? ""), gold \(want)\(wantSign.map { " \($0)" } ?? "")")
            }
        }
    }

    /// The gold's measure as a user types it to `--measure`: without the annotator's notes in
    /// parentheses ("GRDP (kế hoạch)", but "(GRDP)" is kept), what it is compared with ("… so
    /// với tháng trước") or the period ("GRDP 6 tháng đầu năm 2020", "lượng khách du lịch tháng
    /// 9"): periods are `--period`'s business.
    public static func measureQuery(_ gold: String) -> String {
        var s = gold
        while let open = s.firstIndex(of: "("), let close = s[open...].firstIndex(of: ")") {
            let inside = s[s.index(after: open)..<close]
            let isAbbreviation = !inside.isEmpty && inside.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "-" }
            s.replaceSubrange(open...close, with: isAbbreviation ? " \(inside) " : " ")
        }
        if let r = s.range(of: " so với ") ?? s.range(of: " so cùng ") { s = String(s[..<r.lowerBound]) }
        let words = s.split(separator: " ").map(String.init)
        let periodWords: Set<String> = ["tháng", "năm", "quý", "đầu", "cuối"]
        let isNumber = words.map { $0.allSatisfy { $0.isNumber || $0 == "/" } }
        return words.indices.filter { i in
            if isNumber[i] { return false }
            let near = (max(0, i - 2)...min(words.count - 1, i + 2)).contains { isNumber[$0] }
            return !(periodWords.contains(words[i].lowercased()) && near)
        }.map { words[$0] }.joined(separator: " ")
    }

    static func recipientKey(_ r: String) -> String {
        var words = r.lowercased().split(separator: " ")
        if words.first == "lượt" { words.removeFirst() }
        return words.joined(separator: " ")
    }

    static func number(_ v: Any?) -> String {
        guard let d = (v as? NSNumber)?.doubleValue ?? (v as? Double) else { return "nil" }
        return format(d)
    }

    static func format(_ d: Double) -> String { String(format: "%.4f", d) }

    static func key(gold g: [String: Any]) -> String? {
        switch g["kind"] as? String {
        case "quantity": return number(g["value"])
        case "percent": return String(format: "%.2f", (g["value"] as? NSNumber)?.doubleValue ?? .nan)
        case "money": return number(g["value"]) + " " + ((g["currency"] as? String) ?? "")
        case "ratio": return number(g["numerator"]) + "/" + number(g["denominator"])
        case "range": return number(g["from"]) + "-" + number(g["to"])
        case "date", "period": return g["value"] as? String
        case "docref": return (g["number"] as? String)?.lowercased()
        case "award": return ((g["award"] as? String) ?? "") + " " + String((g["count"] as? NSNumber)?.intValue ?? -1)
        default: return nil
        }
    }

    static func key(_ f: Figure) -> String {
        switch f.kind {
        case .quantity: return f.number.map(format) ?? "nil"
        case .percent: return String(format: "%.2f", f.number ?? .nan)
        case .money: return (f.number.map(format) ?? "nil") + " " + (f.currency ?? "")
        case .ratio: return (f.numerator.map(format) ?? "nil") + "/" + (f.denominator.map(format) ?? "nil")
        case .range: return (f.from.map(format) ?? "nil") + "-" + (f.to.map(format) ?? "nil")
        case .date, .period: return f.calendar ?? ""
        case .docref: return (f.docNumber ?? "").lowercased()
        case .award: return (f.award ?? "") + " " + String(f.count ?? -1)
        }
    }
}
