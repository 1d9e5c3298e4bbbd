import SolieuText
import Testing

/// The one-pass scan that lets valid NFC UTF-8 through as bytes.
struct UTF8ScanTests {
    func scan(_ bytes: [UInt8]) -> UTF8Scan { bytes.withUnsafeBufferPointer(UTF8Scan.init) }

    @Test func validityMatchesTheStandardLibrary() {
        var rng = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [
            Array("Bằng khen ".utf8), [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE1, 0xBA],
            [0xF0, 0x9F, 0x98, 0x80], [0xC3], [0x80], Array("abcdefgh".utf8), [0xE2, 0x80, 0x93], [0xFF],
        ]
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &rng) { bytes += pieces.randomElement(using: &rng)! }
            #expect(scan(bytes).valid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    @Test func normalFormAndRepair() {
        let vietnamese = scan(Array("<p>Tỷ lệ hộ nghèo giảm còn 2,5%.</p>".utf8))
        #expect(vietnamese.valid && vietnamese.certainlyNFC && !vietnamese.mayNeedRepair)
        // A combining acute accent: not certainly NFC, ICU decides.
        #expect(!scan(Array("Tie\u{0301}ng Vie\u{0323}t".utf8)).certainlyNFC)
        // UTF-8 read as windows-1252 ("Thi Ä‘ua"): every letter has a windows-1252 byte.
        #expect(scan(Array("Thi Ä‘ua khen thÆ°á»Ÿng".utf8)).mayNeedRepair)
        #expect(!scan(Array("plain ASCII only".utf8)).mayNeedRepair)
        #expect(!scan([]).mayNeedRepair && scan([]).valid)
    }
}
