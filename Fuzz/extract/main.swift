// libFuzzer harness: text → figures (SolieuExtract).
// Invariants: every figure's span slices the text to exactly its `text`, inside its sentence.
// Run: scripts/fuzz extract SECONDS.
import FuzzDriver
import SolieuExtract
import SolieuText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = UnicodeNormalization.nfc(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    let scalars = Array(text.unicodeScalars)
    for f in Extractor.extract(text, published: "2020-06-15") {
        guard f.start >= 0, f.end <= scalars.count, f.start < f.end else { fatalError("span \(f.start)..<\(f.end) outside the text") }
        let slice = String(String.UnicodeScalarView(scalars[f.start..<f.end]))
        if slice != f.text { fatalError("span \(f.start)..<\(f.end) is '\(slice)', the figure says '\(f.text)'") }
    }
    return 0
}

fuzzMain(fuzzOne)
