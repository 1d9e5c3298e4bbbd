import SolieuText

/// What `--measure` matches: the words a user types, in any case, with or without diacritics,
/// and with abbreviations standing for their expansions and the reverse ("NTM" finds "xã đạt
/// chuẩn nông thôn mới", "tổng sản phẩm trên địa bàn" finds "GRDP", "BHYT" finds "bảo hiểm y
/// tế"), and "tỉ lệ" as "tỷ lệ". A measure matches when it holds every word of one alternative,
/// in any order: "nông thôn mới" finds "xã được công nhận đạt chuẩn nông thôn mới".
public struct MeasureQuery: Sendable, Equatable {
    /// Folded words; a measure must hold all the words of at least one list.
    public let alternatives: [[String]]

    public init(_ typed: String, abbreviations: Abbreviations = .bundled) {
        let words = Self.words(typed)
        var out: [[String]] = words.isEmpty ? [] : [words]
        func add(_ w: [String]) { if !w.isEmpty && !out.contains(w) { out.append(w) } }
        // The whole query as an abbreviation ("NTM", "ubnd"), and its expansions.
        for e in abbreviations.expansions(of: typed) where e.isDistinctive { add(Self.words(e.expansion)) }
        // A spelled-out expansion inside the query, for its abbreviation; a word that is an
        // abbreviation, for its expansion.
        if words.count >= 2 {
            for length in stride(from: min(8, words.count), through: 2, by: -1) {
                for start in 0...(words.count - length) {
                    let span = words[start..<(start + length)].joined(separator: " ")
                    for e in abbreviations.abbreviations(of: span) where e.isDistinctive {
                        add(Array(words[..<start]) + Self.words(e.abbreviation) + Array(words[(start + length)...]))
                    }
                }
            }
        }
        for (i, w) in words.enumerated() where words.count >= 2 && w.count >= 3 {
            for e in abbreviations.expansions(of: w) where e.isDistinctive {
                add(Array(words[..<i]) + Self.words(e.expansion) + Array(words[(i + 1)...]))
            }
        }
        // "tỉ lệ" and "tỷ lệ", "kĩ thuật" and "kỹ thuật": both spellings are in use.
        for alternative in out {
            let other = alternative.map { Self.iy[$0] ?? $0 }
            if other != alternative { add(other) }
        }
        alternatives = Array(out.prefix(8))
    }

    /// Syllables written with a final "i" or "y" alike (folded).
    static let iy: [String: String] = {
        var m: [String: String] = [:]
        for c in ["t", "l", "k", "m", "h", "s", "qu"] { m[c + "i"] = c + "y"; m[c + "y"] = c + "i" }
        return m
    }()

    /// Whether a measure holds every word of one alternative.
    public func matches(_ measure: String?) -> Bool {
        guard let measure else { return false }
        let have = Set(Self.words(measure))
        return alternatives.contains { $0.allSatisfy(have.contains) }
    }

    /// Folded words: lower case, no diacritics, "đ" as "d", split at anything not a letter or digit.
    public static func words(_ text: String) -> [String] { VietnameseFold.words(text) }
}
