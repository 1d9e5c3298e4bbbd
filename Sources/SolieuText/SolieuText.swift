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
