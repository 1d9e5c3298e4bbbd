import SolieuText
import Testing

/// Normalization and folding: the same words must give the same keys, whatever was typed.
struct FoldTests {
    @Test func nfcComposesDecomposedInput() {
        let decomposed = "Thu\u{031B}\u{0323}c hie\u{0302}\u{0323}n"  // "Thực hiện" written with combining marks
        #expect(UnicodeNormalization.nfc(decomposed) == "Thực hiện")
        #expect(UnicodeNormalization.nfc(decomposed).unicodeScalars.count == 9)
        #expect(UnicodeNormalization.nfd("ệ").unicodeScalars.count == 3)
    }

    @Test func searchKeyDropsDiacriticsAndFoldsD() {
        #expect(VietnameseFold.searchKey("Thi đua khen thưởng") == "thi dua khen thuong")
        #expect(VietnameseFold.searchKey("ĐẢNG BỘ") == "dang bo")
        #expect(VietnameseFold.searchKey("uỷ ban") == VietnameseFold.searchKey("ủy ban"))
        #expect(VietnameseFold.searchKey("32/QĐ-UBND") == "32/qd-ubnd")
    }

    @Test func searchKeyKeepsOneScalarPerScalar() {
        let text = "Bằng khen của Thủ tướng Chính phủ"
        #expect(VietnameseFold.searchKey(text).unicodeScalars.count == text.unicodeScalars.count)
        #expect(text.unicodeScalars.map(VietnameseFold.keyScalar).map(String.init).joined() == VietnameseFold.searchKey(text))
    }

    @Test func toneKeyFoldsBothPlacements() {
        for (old, new) in [("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("Hòa Bình", "Hoà Bình"), ("ỦY BAN", "UỶ BAN")] {
            #expect(VietnameseFold.toneKey(old) == VietnameseFold.toneKey(new), "\(old) / \(new)")
        }
        // Only open syllables move: "hoàn", "thuyền" and "quý" keep their mark where it is.
        #expect(VietnameseFold.toneKey("hoàn thành") == "hoàn thành")
        #expect(VietnameseFold.toneKey("quý III") == "quý iii")
        // Accents still matter in tone keys.
        #expect(VietnameseFold.toneKey("thi đua") != VietnameseFold.toneKey("thì đưa"))
    }
}
