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

    public var overall: Counts {
        byKind.values.reduce(into: Counts()) { $0.truePositives += $1.truePositives; $0.predicted += $1.predicted; $0.gold += $1.gold }
    }

    public init() {}

    /// Adds one document. `gold` is the parsed gold JSON (`{"figures": [...]}`).
    public mutating func add(predicted: [Figure], gold: [String: Any], document: String = "") {
        var goldKeys: [String: [String]] = [:]
        var uncertain: [String: [String]] = [:]
        for g in gold["figures"] as? [[String: Any]] ?? [] {
            guard let kind = g["kind"] as? String, let key = Self.key(gold: g) else { continue }
            if g["uncertain"] as? Bool == true { uncertain[kind, default: []].append(key) } else { goldKeys[kind, default: []].append(key) }
        }
        var predictedKeys: [String: [String]] = [:]
        for f in predicted { predictedKeys[f.kind.rawValue, default: []].append(Self.key(f)) }
        for kind in Set(goldKeys.keys).union(predictedKeys.keys) {
            var remaining = goldKeys[kind] ?? []
            var unsure = uncertain[kind] ?? []
            var c = byKind[kind] ?? Counts()
            c.gold += remaining.count
            for p in predictedKeys[kind] ?? [] {
                if let i = remaining.firstIndex(of: p) {
                    remaining.remove(at: i)
                    c.truePositives += 1
                    c.predicted += 1
                } else if let i = unsure.firstIndex(of: p) {
                    unsure.remove(at: i)  // neither way
                } else {
                    c.predicted += 1
                    spurious.append("\(document) \(kind) \(p)")
                }
            }
            missed += remaining.map { "\(document) \(kind) \($0)" }
            byKind[kind] = c
        }
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
