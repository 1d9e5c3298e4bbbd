// libFuzzer harness: bytes → tokens, sentences and words (SolieuText, ICU through the C shim).
// Invariants: every token and sentence lies inside the text, in order. Run: scripts/fuzz text SECONDS.
import FuzzDriver
import SolieuText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = UnicodeNormalization.nfc(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    let scalars = Array(text.unicodeScalars)
    var last = 0
    for t in Tokenizer.tokens(scalars) {
        if t.start < last || t.end > scalars.count || t.start >= t.end { fatalError("token \(t.start)..<\(t.end) out of order or bounds") }
        last = t.end
    }
    last = 0
    for s in Sentences.split(scalars) {
        if s.start < last || s.end > scalars.count || s.start > s.end { fatalError("sentence \(s.start)..<\(s.end) out of order or bounds") }
        last = s.end
    }
    _ = VietnameseFold.searchKey(text)
    let syllables = text.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation })
    for r in WordSegmenter.bundled.segment(syllables) where r.lowerBound < 0 || r.upperBound > syllables.count { fatalError("word \(r) outside the syllables") }
    return 0
}

fuzzMain(fuzzOne)
