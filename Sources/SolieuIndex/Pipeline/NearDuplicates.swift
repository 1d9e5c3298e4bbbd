import Foundation
import SolieuText

/// Near-identical copies of one article (two portals that republish it, the HTML page and the
/// same article saved as text, a byline or a sentence apart) are one document with several
/// sources, so `stats` counts its awards once.
///
/// Each article gets a MinHash signature (one-permutation hashing into 128 buckets) over its
/// 5-word shingles (of the search key: case and diacritics aside); two articles are copies when
/// the share of equal buckets, an estimate of the Jaccard similarity of their shingle sets,
/// reaches `threshold`. Candidates are found through the keys of `keys`, stored in
/// `document_bands`, so a new article is compared with the few that share most keys, never with
/// every document; their signatures are made again from their text.
public enum NearDuplicates {
    public static let hashes = 128
    public static let bandRows = 8
    static let shingleWords = 5
    /// Estimated Jaccard similarity from which two articles are one. scripts/bench-neardup
    /// measures it: a page against its own article text scores 0.99 or more; a copy republished
    /// with another byline, other page furniture and a sentence reworded, 0.67 or more; the most
    /// similar of 4,883 distinct bulletins (fixtures/real, corpus/ and 4,800 generated from the
    /// corpus' sentences), 0.48.
    public static let threshold = 0.6

    /// The signature of an article's search key (`VietnameseFold.searchKey` of its text).
    public static func signature(key: String) -> [UInt32] {
        var words: [UInt64] = []
        words.reserveCapacity(key.utf8.count / 4)
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var inWord = false
        for b in key.utf8 {
            let isWordByte = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
            if isWordByte {
                h = (h ^ UInt64(b)) &* 0x100_0000_01B3
                inWord = true
            } else if inWord {
                words.append(h)
                h = 0xCBF2_9CE4_8422_2325
                inWord = false
            }
        }
        if inWord { words.append(h) }
        // One-permutation hashing: each shingle hashed once, into one of `hashes` buckets, each
        // keeping its smallest value (64 hash functions per shingle cost a fifth of preparing
        // a document; this costs a few percent).
        var mins = [UInt32](repeating: .max, count: hashes)
        guard !words.isEmpty else { return mins }
        let n = max(1, words.count - shingleWords + 1)
        for i in 0..<n {
            var s: UInt64 = 0x9E37_79B9_7F4A_7C15
            for w in words[i..<min(words.count, i + shingleWords)] { s = mix(s ^ w) }
            let bucket = Int(s % UInt64(hashes))
            let v = UInt32(truncatingIfNeeded: s >> 32) & 0xFFFF_FFFE  // .max marks an empty bucket
            if v < mins[bucket] { mins[bucket] = v }
        }
        return mins
    }

    /// splitmix64's finalizer.
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The keys under which an article is found as a candidate copy: one per band of its
    /// signature (16 bands of 8 buckets; a band of empty buckets has none), and one per long
    /// paragraph (its 4 longest of 80 characters or more, as search keys). Bulletins made of
    /// common sentences share short bands often (a few in a hundred pairs of the generated
    /// corpus), copies share their long paragraphs; candidates are taken by how many keys they
    /// share, so the writer compares a new article with a handful of documents.
    public static func keys(signature: [UInt32], key text: String) -> [Int64] {
        var keys: [Int64] = stride(from: 0, to: signature.count, by: bandRows).filter { start in
            signature[start..<min(signature.count, start + bandRows)].contains { $0 != .max }
        }.map { start in
            var h = mix(UInt64(start))
            for v in signature[start..<min(signature.count, start + bandRows)] { h = mix(h ^ UInt64(v)) }
            return Int64(bitPattern: h)
        }
        // Paragraphs (split at a blank line) hashed as their words joined by one space, from the
        // key's bytes: no string is made.
        var paragraphs: [(scalars: Int, hash: UInt64)] = []
        var h: UInt64 = 0x5041_5241_4752_4150  // "PARAGRAP": apart from the bands' keys
        var scalars = 0, pendingSpace = false, newlines = 0
        func close() {
            if scalars >= 80 { paragraphs.append((scalars, mix(h))) }
            h = 0x5041_5241_4752_4150
            scalars = 0
            pendingSpace = false
        }
        for b in text.utf8 {
            if b == 0x0A {
                newlines += 1
                if newlines == 2 { close() } else if scalars > 0 { pendingSpace = true }
                continue
            }
            newlines = 0
            if b == 0x20 { if scalars > 0 { pendingSpace = true }; continue }
            if pendingSpace { h = (h ^ 0x20) &* 0x100_0000_01B3; scalars += 1; pendingSpace = false }
            h = (h ^ UInt64(b)) &* 0x100_0000_01B3
            if b & 0xC0 != 0x80 { scalars += 1 }
        }
        close()
        for p in paragraphs.sorted(by: { $0.scalars > $1.scalars }).prefix(4) { keys.append(Int64(bitPattern: p.hash)) }
        return keys
    }

    /// The keys of a search key whose signature is not at hand.
    public static func keys(key: String) -> [Int64] { keys(signature: signature(key: key), key: key) }

    /// The estimated Jaccard similarity of two signatures: equal buckets among those either
    /// filled.
    public static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var equal = 0, filled = 0
        for (x, y) in zip(a, b) where x != .max || y != .max {
            filled += 1
            if x == y { equal += 1 }
        }
        return filled == 0 ? 0 : Double(equal) / Double(filled)
    }

    /// What a copy says that its document does not, and how much of the document it lacks:
    /// paragraphs compared as search keys.
    public static func difference(copy: String, document: String) -> (onlyInCopy: [String], missing: Int) {
        func paragraphs(_ t: String) -> [String] { t.components(separatedBy: "\n\n").filter { !$0.isEmpty } }
        let mine = paragraphs(copy), theirs = paragraphs(document)
        let theirKeys = Set(theirs.map(VietnameseFoldKey.key)), myKeys = Set(mine.map(VietnameseFoldKey.key))
        return (mine.filter { !theirKeys.contains(VietnameseFoldKey.key($0)) }, theirs.filter { !myKeys.contains(VietnameseFoldKey.key($0)) }.count)
    }
}

/// Paragraph keys for comparing copies: the search key with spaces collapsed.
enum VietnameseFoldKey {
    static func key(_ p: String) -> String { collapsed(VietnameseFold.searchKey(p)) }
    static func collapsed(_ key: String) -> String { key.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }
}
