// SolieuText: the Vietnamese text layer every later stage reads through.
//
// Brief overview
// - `UnicodeNormalization.nfc(_:)` (ICU through CSolieuShim): every input is NFC inside solieu.
// - `VietnameseFold.toneKey(_:)` / `searchKey(_:)`: lookup and search keys that ignore tone-mark
//   placement ("hòa" = "hoà") and, for search, all diacritics ("đ" → "d").
// - `CharsetConversion`: legacy charsets (windows-1258, …) through ICU.
// - `Sentences.split(_:)`: sentence units with Unicode scalar offsets.
//
// What it does not do: HTML (SolieuIngest) or figures (SolieuExtract).

import Glibc

/// The one way a library stage may end the process: its reference data (lexicons, tables that
/// ship beside the binary as resource bundles) is missing or unreadable, so the installation is
/// broken and no input could be handled. One clear line on stderr and exit status 3, never a
/// trap: no input and no database state can reach this.
public enum BrokenInstallation {
    public static func stop(_ what: String) -> Never {
        let line = "solieu: broken installation: \(what) (the resource bundles must ship beside the binary)\n"
        _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
        exit(3)
    }
}
