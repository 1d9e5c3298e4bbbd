// solieu-bench: evaluation and benchmark runners behind scripts/eval-* and scripts/bench-*.
// Build it in release (`swift build -c release`) for any speed figure.
import Foundation
import SolieuGen
import SolieuIngest

let args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first else {
    print("usage: solieu-bench eval-ingest ROOT | bench-ingest ROOT [PAGES] | blocks FILE | eval-extract ROOT [--set seeds|real] [--dir DIR] [--errors] | bench-extract ROOT [MB] | gen-corpus N DIR | gen-version | bench-index DIR DB [JOBS] | neardup ROOT [N] | bench-documents ROOT [PAGES]")
    exit(64)
}
let rest = Array(args.dropFirst())
switch command {
case "blocks":
    let html = String(decoding: FileManager.default.contents(atPath: rest[0]) ?? Data(), as: UTF8.self)
    for line in Ingest.explainBlocks(html: html) { print(line) }
case "eval-ingest":
    exit(EvalIngest.run(root: rest.first ?? "."))
case "bench-ingest":
    BenchIngest.run(root: rest.first ?? ".", pages: rest.count > 1 ? Int(rest[1]) ?? 10_000 : 10_000)
case "eval-extract":
    exit(EvalExtract.run(root: rest.first ?? "."))
case "gen-corpus":
    guard rest.count >= 2, let n = Int(rest[0]) else { print("usage: solieu-bench gen-corpus N DIR [ROOT]"); exit(64) }
    exit(GenCorpus.run(root: rest.count > 2 ? rest[2] : ".", count: n, out: rest[1]))
case "gen-version":
    print(BulletinGenerator.version)
case "bench-index":
    guard rest.count >= 2 else { print("usage: solieu-bench bench-index CORPUS_DIR DB [JOBS]"); exit(64) }
    let jobs = rest.count > 2 ? Int(rest[2]) ?? ProcessInfo.processInfo.activeProcessorCount : ProcessInfo.processInfo.activeProcessorCount
    exit(BenchIndex.run(corpus: rest[0], db: rest[1], jobs: jobs, queriesOnly: rest.contains("--queries-only")))
case "bench-text":
    exit(BenchText.run(root: ".", megabytes: rest.first.flatMap { Int($0) } ?? 50))
case "bench-wordseg":
    exit(BenchWordseg.run(root: ".", files: rest))
case "neardup":
    exit(BenchNearDup.run(root: rest.first ?? ".", generated: rest.count > 1 ? Int(rest[1]) ?? 5000 : 5000))
case "bench-documents":
    exit(BenchDocuments.run(root: rest.first ?? ".", pages: rest.count > 1 ? Int(rest[1]) ?? 500 : 500))
case "bench-extract":
    BenchExtract.run(root: rest.first ?? ".", megabytes: rest.count > 1 ? Int(rest[1]) ?? 50 : 50)
default:
    print("unknown command \(command)")
    exit(64)
}
