/// Numbers as Vietnamese reports write them: "." groups thousands and "," marks decimals.
///
/// "3.304" = 3304, "1.543,2" = 1543.2, "8,52" = 8.52, "08" = 8, "19.972" = 19972.
/// A dot followed by other than exactly three digits is not a thousands separator, so
/// "18.07.2018" (a date) and "0913.658.627" (a phone) are not plain numbers.
enum VietnameseNumber {
    /// A value as a whole count: nil when it has a fraction or is too large to count anything
    /// (a count compared with another or stored as an integer must fit an Int: a
    /// "100.000.000.000.000.000.000 tập thể" typed by mistake is not one).
    static func whole(_ value: Double?) -> Int? {
        guard let value, value == value.rounded(), abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    /// Parses the scalars of one numeric token ("digits, dots, commas"). Returns nil when the
    /// token is not a well-formed Vietnamese number.
    static func parse(_ s: ArraySlice<Unicode.Scalar>) -> Double? {
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
        var groupDigits = 0
        var sawDot = false
        var inFraction = false
        for c in s {
            if let d = digit(c) {
                if inFraction { fraction.append(d) } else { integer.append(d); groupDigits += 1 }
            } else if c == "." && !inFraction {
                if sawDot ? groupDigits != 3 : (groupDigits == 0 || groupDigits > 3) { return nil }
                sawDot = true
                groupDigits = 0
            } else if c == "," && !inFraction {
                if sawDot && groupDigits != 3 { return nil }
                inFraction = true
            } else {
                return nil
            }
        }
        if sawDot && !inFraction && groupDigits != 3 { return nil }
        if integer.isEmpty || (inFraction && fraction.isEmpty) { return nil }
        var value = 0.0
        for d in integer { value = value * 10 + Double(d) }
        var scale = 0.1
        for d in fraction { value += Double(d) * scale; scale /= 10 }
        // Round away binary noise of the decimal part ("1,12" → 1.12 exactly as printed).
        let places = Double(fraction.count)
        if places > 0 {
            let p = pow10(places)
            value = (value * p).rounded() / p
        }
        return value
    }

    static func digit(_ c: Unicode.Scalar) -> UInt8? {
        c.value >= 0x30 && c.value <= 0x39 ? UInt8(c.value - 0x30) : nil
    }

    private static func pow10(_ n: Double) -> Double {
        var r = 1.0
        var i = 0.0
        while i < n { r *= 10; i += 1 }
        return r
    }

    /// Roman numerals used for quarters and classes: I…XII.
    static func roman(_ s: String) -> Int? {
        let table = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12]
        return table[s.lowercased()]
    }
}

extension VietnameseNumber {
    static let unitWords: [String: Int] = [
        "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
    ]

    /// A number written in words at token `t` ("hai", "mười hai", "hai mươi lăm", "một trăm"):
    /// its value and the token after it. Up to 999; the caller decides whether the context makes
    /// it a count ("hai gia đình") rather than a word ("một số", "hai bên").
    static func words(_ v: TextView, at t: Int) -> (value: Int, end: Int)? {
        let tk = v.tokens
        func word(_ i: Int) -> String? { i < tk.count && tk[i].kind == .word ? tk[i].lower : nil }
        var i = t
        var total = 0
        // hundreds: "một trăm", "hai trăm"
        if let w = word(i), let u = unitWords[w], word(i + 1) == "trăm" {
            total = u * 100
            i += 2
            if word(i) == "linh" || word(i) == "lẻ", let w2 = word(i + 1), let u2 = unitWords[w2] { return (total + u2, i + 2) }
        }
        // tens: "mười", "mười hai", "hai mươi", "hai mươi lăm"
        if word(i) == "mười" {
            total += 10
            i += 1
            if let w = word(i), let u = unitWords[w], u != 1 || w == "một" { total += u; i += 1 }
            return (total, i)
        }
        if let w = word(i), let u = unitWords[w], u >= 2, word(i + 1) == "mươi" {
            total += u * 10
            i += 2
            if let w2 = word(i), let u2 = unitWords[w2] { total += u2; i += 1 }
            return (total, i)
        }
        if let w = word(i), let u = unitWords[w], w != "lăm", w != "mốt" { return (total + u, i + 1) }
        return total > 0 ? (total, i) : nil
    }
}
