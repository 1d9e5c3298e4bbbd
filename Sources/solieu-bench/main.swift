import Foundation
import SolieuIngest

let args = CommandLine.arguments
if args.count >= 3, args[1] == "blocks" {
    let html = String(decoding: FileManager.default.contents(atPath: args[2]) ?? Data(), as: UTF8.self)
    for line in Ingest.explainBlocks(html: html) { print(line) }
}
