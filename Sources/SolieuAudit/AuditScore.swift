import Foundation

/// The audit's verdicts scored against a checks file (fixtures/seeds/checks.json,
/// fixtures/real/*.checks.json): which stated relations it found, whether its verdict agrees, and
/// which of its `fails` no check backs (a false fail calls real arithmetic wrong).
public struct AuditScore: Sendable {
    /// One arithmetic relation a text states (the checks files' format).
    public struct Check: Sendable, Decodable {
        public var doc: String
        public var relation: String
        public var total: Double
        public var parts: [Double]
        public var percent: Double?
        public var holds: Bool
        public var evidence: String?
    }

    public var checks = 0
    /// Checks with a `holds` or `fails` finding on the same numbers.
    public var found = 0
    /// Found checks whose verdict is the check's (each such verdict is backed by its check).
    public var agreeing = 0
    /// `holds` and `fails` findings in the scored documents.
    public var verdicts = 0
    public var falseFails: [String] = []
    public var missed: [String] = []
    /// Verdicts no check names (an unlisted relation, or a guessed one), for reading.
    public var unlisted: [String] = []
    public var unverifiable = 0

    public init() {}

    public var recall: Double { checks == 0 ? 1 : Double(found) / Double(checks) }
    public var precision: Double { verdicts == 0 ? 1 : Double(agreeing) / Double(verdicts) }

    /// A report's in-document findings scored against each document's checks; a document is
    /// named by its source file less ".txt" ("fixtures/real/NAME.txt" → NAME).
    public init(report: AuditReport, checks: [(document: String, checks: [Check])]) {
        var byDocument: [String: [Finding]] = [:]
        for f in report.findings where f.check != .crossDocument {
            guard let source = f.evidence.first?.source else { continue }
            let file = (source as NSString).lastPathComponent
            byDocument[file.hasSuffix(".txt") ? String(file.dropLast(4)) : file, default: []].append(f)
        }
        for (document, docChecks) in checks { add(document: document, findings: byDocument[document] ?? [], checks: docChecks) }
    }

    /// Whether finding `f` is the audit's reading of check `c`.
    public static func matches(_ f: Finding, _ c: Check) -> Bool {
        // Checks write numbers as the text shows them ("3.495,5 tỷ" as 3495.5) or in units
        // (3495500000000): compared as proportions of the total.
        func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }
        switch c.relation {
        case "sum":
            guard f.check == .sum || f.check == .anniversary, let stated = f.stated, stated != 0, c.total != 0,
                  f.operands.count == c.parts.count else { return false }
            if f.check == .anniversary { return stated == c.total && f.operands.sorted() == c.parts.sorted() }
            let scale = stated / c.total
            return zip(f.operands.sorted(), c.parts.map { $0 * scale }.sorted()).allSatisfy { same($0, $1) }
        default:
            guard let x = c.parts.first, (f.check == .ratio || f.check == .plan), f.operands.count == 2,
                  let stated = f.stated, let p = c.percent, f.operands[1] != 0, c.total != 0 else { return false }
            return same(f.operands[0] / f.operands[1], x / c.total) && abs(stated - p) < 1e-9
        }
    }

    /// Adds one document: its findings (in-document checks only) and its checks.
    public mutating func add(document: String, findings: [Finding], checks docChecks: [Check]) {
        checks += docChecks.count
        let decided = findings.filter { $0.status != .unverifiable && $0.check != .crossDocument }
        unverifiable += findings.filter { $0.status == .unverifiable }.count
        verdicts += decided.count
        var used = Set<Int>()
        for c in docChecks {
            if let k = decided.indices.first(where: { !used.contains($0) && Self.matches(decided[$0], c) }) {
                used.insert(k)
                found += 1
                let agrees = (decided[k].status == .holds) == c.holds
                if agrees { agreeing += 1 }
            } else {
                missed.append("\(document) \(c.relation) \(c.parts.map { show($0) }) / \(show(c.total))" + (c.percent.map { " ~ \(show($0))%" } ?? "")
                              + (c.holds ? "" : " (fails)"))
            }
        }
        for (k, f) in decided.enumerated() where !used.contains(k) {
            let line = "\(document) \(f.check.rawValue) \(f.status.rawValue): \(f.relation)"
            unlisted.append(line)
            if f.status == .fails { falseFails.append(line) }
        }
        for (k, f) in decided.enumerated() where used.contains(k) && f.status == .fails {
            // A fails on a check that holds is a false fail too.
            if let c = docChecks.first(where: { Self.matches(f, $0) }), c.holds {
                falseFails.append("\(document) \(f.check.rawValue) fails: \(f.relation) (the text's arithmetic holds)")
            }
        }
    }
}
