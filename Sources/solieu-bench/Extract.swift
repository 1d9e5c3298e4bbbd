import Foundation
import SolieuExtract
import SolieuIngest
import SolieuIndex
import SolieuAudit

/// Extraction and audit against gold, per set: the seeds (corpus/ with fixtures/seeds/) and the
/// real development set (fixtures/real/). Per kind P/R/F1, award recipient and percent role
/// agreement, then the audit's verdicts against the set's checks (found, agreeing, false fails).
enum EvalExtract {
    struct Document {
        var id: String
        var input: String
        var gold: [String: Any]
        var checks: [AuditScore.Check]
    }

    static func seeds(root: String) throws -> [Document] {
        let dir = (root as NSString).appendingPathComponent("fixtures/seeds")
        let checks = try JSONDecoder().decode([AuditScore.Check].self, from: Data(contentsOf: URL(fileURLWithPath: dir + "/checks.json")))
        return try ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".gold.json") }.sorted().map { name in
            let id = String(name.dropLast(".gold.json".count))
            return Document(id: id, input: (root as NSString).appendingPathComponent("corpus/\(id).txt"),
                            gold: try goldJSON(dir + "/" + name), checks: checks.filter { $0.doc == id })
        }
    }

    static func real(root: String, dir given: String? = nil) throws -> [Document] {
        let dir = given ?? (root as NSString).appendingPathComponent("fixtures/real")
        let files = Set((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
        // A page counts once its text, gold and checks are all there.
        return try files.filter { $0.hasSuffix(".gold.json") && files.contains(String($0.dropLast(".gold.json".count)) + ".checks.json") }.sorted().map { name in
            let id = String(name.dropLast(".gold.json".count))
            let checks = try JSONDecoder().decode([AuditScore.Check].self, from: Data(contentsOf: URL(fileURLWithPath: dir + "/\(id).checks.json")))
            return Document(id: id, input: dir + "/\(id).txt", gold: try goldJSON(dir + "/" + name), checks: checks)
        }
    }

    static func goldJSON(_ path: String) throws -> [String: Any] {
        guard let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] else {
            throw IndexError("\(path): not a JSON object")
        }
        return gold
    }

    static func run(root: String) -> Int32 {
        let errors = CommandLine.arguments.contains("--errors")
        let only = CommandLine.arguments.firstIndex(of: "--set").flatMap { $0 + 1 < CommandLine.arguments.count ? CommandLine.arguments[$0 + 1] : nil }
        // --dir PATH scores a folder laid out like fixtures/real (pages annotated but not yet added).
        let dir = CommandLine.arguments.firstIndex(of: "--dir").flatMap { $0 + 1 < CommandLine.arguments.count ? CommandLine.arguments[$0 + 1] : nil }
        do {
            let sets = try dir.map { [($0, try real(root: root, dir: $0))] } ?? [("seeds", try seeds(root: root)), ("fixtures/real", try real(root: root))]
            for (name, docs) in sets where only == nil || name.hasSuffix(only!) {
                guard !docs.isEmpty else { print("\(name): no documents"); continue }
                try report(name, docs, errors: errors)
            }
        } catch {
            print("eval-extract: \(error)")
            return 1
        }
        return 0
    }

    static func report(_ name: String, _ docs: [Document], errors: Bool) throws {
        var score = GoldScore()
        for d in docs {
            let article = try Ingest.article(file: d.input)
            score.add(predicted: Extractor.extract(article.text, published: article.published ?? (d.gold["published"] as? String)),
                      gold: d.gold, document: d.id)
        }
        print("== \(name): \(docs.count) documents")
        print(pad("kind", 10) + pad("gold", 6) + pad("pred", 6) + pad("tp", 6) + "P      R      F1")
        for (kind, c) in score.byKind.sorted(by: { $0.key < $1.key }) {
            print(pad(kind, 10) + pad("\(c.gold)", 6) + pad("\(c.predicted)", 6) + pad("\(c.truePositives)", 6)
                  + "\(fmt(c.precision))  \(fmt(c.recall))  \(fmt(c.f1))")
        }
        let o = score.overall
        print(pad("overall", 10) + pad("\(o.gold)", 6) + pad("\(o.predicted)", 6) + pad("\(o.truePositives)", 6)
              + "\(fmt(o.precision))  \(fmt(o.recall))  \(fmt(o.f1))")
        print("award recipients agree: \(score.recipientsAgreeing)/\(score.recipientsCompared)"
              + (score.recipientsCompared > 0 ? " (\(fmt(Double(score.recipientsAgreeing) / Double(score.recipientsCompared))))" : ""))
        if score.rolesCompared > 0 {
            print("percent roles agree: \(score.rolesAgreeing)/\(score.rolesCompared) (\(fmt(Double(score.rolesAgreeing) / Double(score.rolesCompared))))")
        }
        if score.measuresCompared > 0 {
            print("measures --measure finds by the gold's measure: \(score.measuresFound)/\(score.measuresCompared) (\(fmt(Double(score.measuresFound) / Double(score.measuresCompared))))")
        }
        let audit = try auditScore(docs)
        print("audit: \(audit.found)/\(audit.checks) stated relations found (\(fmt(audit.recall))), \(audit.agreeing) with the text's verdict; "
              + "\(audit.verdicts) verdicts, \(audit.agreeing) backed by a check (\(fmt(audit.precision))); false fails: \(audit.falseFails.count); unverifiable: \(audit.unverifiable)")
        if errors {
            for m in score.missed { print("missed:   \(m)") }
            for s in score.spurious { print("spurious: \(s)") }
            for r in score.recipientDisagreements { print("recipient: \(r)") }
            for r in score.roleDisagreements { print("role: \(r)") }
            for m in score.measureDisagreements { print("measure: \(m)") }
            for m in audit.missed { print("audit missed: \(m)") }
            for f in audit.falseFails { print("audit FALSE FAIL: \(f)") }
            for u in audit.unlisted where !audit.falseFails.contains(u) { print("audit unlisted: \(u)") }
        }
    }

    /// The set ingested into a scratch index and audited, each document's findings scored
    /// against its checks.
    static func auditScore(_ docs: [Document]) throws -> AuditScore {
        let dir = NSTemporaryDirectory() + "solieu-eval-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try SolieuDatabase(path: dir + "/eval.db")
        let ingest = try BatchIngest(database: db, jobs: 2).run(paths: docs.map(\.input))
        for f in ingest.failures { print("audit: cannot ingest \(f)") }
        let report = try Auditor(database: db).run()
        let score = AuditScore(report: report, checks: docs.map { ($0.id, $0.checks) })
        return score
    }
}

/// MB/s of article text and figures/s on one core, over the corpus repeated.
enum BenchExtract {
    static func run(root: String, megabytes: Int) {
        let corpus = (root as NSString).appendingPathComponent("corpus")
        let texts = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted().compactMap {
            try? Ingest.article(file: (corpus as NSString).appendingPathComponent($0)).text
        }
        guard !texts.isEmpty else { print("no corpus"); return }
        let target = megabytes * 1_048_576
        // Five passes over the same texts; the median is the figure (a shared machine's noise
        // moves single passes, and the first pays for page faults).
        var bytes = 0, figures = 0, documents = 0
        var passes: [Double] = []
        for _ in 0..<5 {
            bytes = 0
            figures = 0
            documents = 0
            let start = ContinuousClock.now
            while bytes < target {
                let text = texts[documents % texts.count]
                figures += Extractor.extract(text, published: nil).count
                bytes += text.utf8.count
                documents += 1
            }
            passes.append(Stopwatch.seconds(since: start))
        }
        let seconds = passes.sorted()[2]
        let mb = Double(bytes) / 1_048_576
        print("extract: \(documents) documents, \(fmt(mb, 1)) MB of article text, \(figures) figures; passes \(passes.map { fmt($0, 2) }.joined(separator: ", ")) s")
        print("extract: \(fmt(mb / seconds, 1)) MB/s, \(fmt(Double(figures) / seconds, 0)) figures/s (median pass; fastest \(fmt(mb / passes.min()!, 1)) MB/s; goal: at least 20 MB/s)")
        print("peak RSS: \(fmt(Memory.peakMB, 0)) MB")
    }
}
