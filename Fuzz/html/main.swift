// libFuzzer harness: bytes → article (SolieuIngest, libxml2 through the C shim).
// Invariants: no crash, hang or sanitizer report; the text is its paragraphs joined, NFC-stable,
// and free of control characters but tab and newline. Run: scripts/fuzz html SECONDS.
import FuzzDriver
import SolieuIngest

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for format in [InputFormat.html, .text] {
        guard let article = try? Ingest.article(bytes: bytes, name: "fuzz", format: format) else { continue }
        if article.text != article.paragraphs.joined(separator: "\n\n") { fatalError("text is not its paragraphs") }
        if article.text.unicodeScalars.contains(where: Article.isControl) {
            fatalError("a control character reached the article text")
        }
    }
    return 0
}

fuzzMain(fuzzOne)
