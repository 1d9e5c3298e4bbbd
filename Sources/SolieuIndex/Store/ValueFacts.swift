import Foundation
import GRDB

/// The quantities, percents, amounts of money and ratios of one document packed into one blob
/// (`value_facts.facts`), written with the figures and read by `stats` for those kinds
/// (`ValueStats`), as `AwardFacts` are for awards.
///
/// Why: `stats --kind percent --group-by province` over 100,000 bulletins read every figure row
/// of every kind through SQL's GROUP BY, about 3 s; the percents are a tenth of the rows.
///
/// Format (docs/schema.md): the facts grouped by kind, in the order of their kind codes; a group
/// is its kind code (one byte), an unsigned LEB128 varint giving the group's length in bytes, then
/// its facts. A scan for one kind skips the other groups by their lengths. A fact is a varint
/// saying which of ten fields are not NULL (bit 0 unit, 1 currency, 2 measure, 3 period, 4
/// period_first, 5 period_last, 6 role, 7 value, 8 numerator, 9 denominator), then each of those
/// fields in that order. unit, currency, measure, period and role are as in `figure_rows` (ids of
/// `terms`; measure 0 for "its unit"), as zigzag varints like the days of period_first and
/// period_last. A number (value, numerator, denominator) is one varint: a decimal m / 10^e for
/// e in 0…6 as (zigzag(m) << 3) | e, or 7 followed by the 8 bytes of the IEEE double (little
/// endian) when no such decimal is exact.
struct ValueFact: Equatable, Sendable {
    var kind: Int
    var unit: Int64?
    var currency: Int64?
    var measure: Int64?
    var period: Int64?
    var periodFirst: Int64?
    var periodLast: Int64?
    var role: Int64?
    var value: Double?
    var numerator: Double?
    var denominator: Double?
}

enum ValueFacts {
    /// The kinds packed here: `Schema.kindCodes` of quantity, percent, money and ratio.
    static let kinds: Set<Int> = [1, 2, 3, 4]

    static let powers: [Double] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000]

    static func encode(_ facts: [ValueFact]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(facts.count * 8 + 8)
        var group: [UInt8] = []
        for kind in Set(facts.map(\.kind)).sorted() {
            precondition((0...255).contains(kind), "figure kind code \(kind) does not fit a byte")
            group.removeAll(keepingCapacity: true)
            for f in facts where f.kind == kind { encodeFact(f, into: &group) }
            out.append(UInt8(kind))
            Varint.append(UInt64(group.count), to: &out)
            out += group
        }
        return out
    }

    private static func encodeFact(_ f: ValueFact, into out: inout [UInt8]) {
        func varint(_ value: UInt64) { Varint.append(value, to: &out) }
        func integer(_ value: Int64?) {
            if let value { varint(Varint.zigzag(value)) }
        }
        func number(_ value: Double?) {
            guard let value else { return }
            for (e, p) in powers.enumerated() {
                let m = (value * p).rounded()
                if abs(m) < 9.0e15, m / p == value {
                    varint(Varint.zigzag(Int64(m)) << 3 | UInt64(e))
                    return
                }
            }
            varint(7)
            var bits = value.bitPattern
            for _ in 0..<8 {
                out.append(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
            }
        }
        let present: [Bool] = [f.unit != nil, f.currency != nil, f.measure != nil, f.period != nil, f.periodFirst != nil,
                               f.periodLast != nil, f.role != nil, f.value != nil, f.numerator != nil, f.denominator != nil]
        var mask: UInt64 = 0
        for (k, p) in present.enumerated() where p { mask |= 1 << UInt64(k) }
        varint(mask)
        [f.unit, f.currency, f.measure, f.period, f.periodFirst, f.periodLast, f.role].forEach(integer)
        [f.value, f.numerator, f.denominator].forEach(number)
    }

    /// One fact as read: a field is meaningful when `has` it (`Fields.unit` … `Fields.denominator`).
    struct Fields {
        var kind = 0
        var present: UInt16 = 0
        var unit: Int64 = 0, currency: Int64 = 0, measure: Int64 = 0, period: Int64 = 0
        var periodFirst: Int64 = 0, periodLast: Int64 = 0, role: Int64 = 0
        var value = 0.0, numerator = 0.0, denominator = 0.0
        static let unit: UInt16 = 1, currency: UInt16 = 2, measure: UInt16 = 4, period: UInt16 = 8, periodFirst: UInt16 = 16
        static let periodLast: UInt16 = 32, role: UInt16 = 64, value: UInt16 = 128, numerator: UInt16 = 256, denominator: UInt16 = 512
        @inline(__always) func has(_ field: UInt16) -> Bool { present & field != 0 }

        var fact: ValueFact {
            func i(_ field: UInt16, _ v: Int64) -> Int64? { has(field) ? v : nil }
            func d(_ field: UInt16, _ v: Double) -> Double? { has(field) ? v : nil }
            return ValueFact(kind: kind, unit: i(Self.unit, unit), currency: i(Self.currency, currency), measure: i(Self.measure, measure),
                             period: i(Self.period, period), periodFirst: i(Self.periodFirst, periodFirst),
                             periodLast: i(Self.periodLast, periodLast), role: i(Self.role, role), value: d(Self.value, value),
                             numerator: d(Self.numerator, numerator), denominator: d(Self.denominator, denominator))
        }
    }

    /// Reads a blob's facts in order; `malformed` once a varint runs past the end or a fact is
    /// cut short (`next` then returns nil).
    struct Reader {
        let base: UnsafePointer<UInt8>?
        let n: Int
        var i = 0
        private(set) var malformed = false
        /// The kinds read (bit k for kind code k); the groups of others are skipped.
        let wanted: UInt64
        /// The kind of the group being read and where it ends.
        private var kind = 0
        private var groupEnd = 0

        init(_ bytes: UnsafeRawBufferPointer, kinds: Set<Int> = ValueFacts.kinds) {
            base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
            n = bytes.count
            wanted = kinds.reduce(0) { $1 >= 0 && $1 < 64 ? $0 | 1 << UInt64($1) : $0 }
        }

        @inline(__always) private mutating func varint() -> UInt64 {
            guard let base, let v = Varint.read(base, n, &i) else {
                malformed = true
                return 0
            }
            return v
        }

        @inline(__always) private mutating func integer(_ bit: UInt16, _ present: UInt16) -> Int64 {
            present & bit != 0 ? Varint.unzigzag(varint()) : 0
        }

        @inline(__always) private mutating func number(_ bit: UInt16, _ present: UInt16) -> Double {
            guard present & bit != 0 else { return 0 }
            let v = varint()
            let e = Int(v & 7)
            if e < 7 { return Double(Varint.unzigzag(v >> 3)) / ValueFacts.powers[e] }
            guard let base, i + 8 <= n else {
                malformed = true
                return 0
            }
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(base[i + k]) << (8 * UInt64(k)) }
            i += 8
            return Double(bitPattern: bits)
        }

        @inline(__always) mutating func next() -> Fields? {
            guard !malformed, let base else { return nil }
            while i >= groupEnd {
                guard i < n else { return nil }
                kind = Int(base[i])
                i += 1
                let length = varint()
                guard !malformed, length <= UInt64(n - i) else {
                    malformed = true
                    return nil
                }
                groupEnd = i + Int(length)
                if wanted & (1 << UInt64(kind & 63)) == 0 || kind >= 64 { i = groupEnd }
            }
            var f = Fields()
            f.kind = kind
            let mask = varint()
            guard mask < 1 << 10 else {
                malformed = true
                return nil
            }
            let p = UInt16(mask)
            f.present = p
            f.unit = integer(Fields.unit, p)
            f.currency = integer(Fields.currency, p)
            f.measure = integer(Fields.measure, p)
            f.period = integer(Fields.period, p)
            f.periodFirst = integer(Fields.periodFirst, p)
            f.periodLast = integer(Fields.periodLast, p)
            f.role = integer(Fields.role, p)
            f.value = number(Fields.value, p)
            f.numerator = number(Fields.numerator, p)
            f.denominator = number(Fields.denominator, p)
            if i > groupEnd { malformed = true }
            return malformed ? nil : f
        }
    }

    static func decode(_ blob: [UInt8]) -> [ValueFact]? {
        blob.withUnsafeBytes { bytes in
            var reader = Reader(bytes)
            var out: [ValueFact] = []
            while let f = reader.next() { out.append(f.fact) }
            return reader.malformed ? nil : out
        }
    }

    /// Writes `value_facts` from `figure_rows` (the v10 migration of an existing database).
    static func build(_ db: Database) throws {
        try FactScan.buildBlobs(db, table: "value_facts", select: """
            SELECT id >> 20, kind, unit, currency, measure, period, period_first, period_last, role, value, numerator, denominator
            FROM figure_rows WHERE kind IN (\(kinds.sorted().map(String.init).joined(separator: ","))) ORDER BY id
            """, fact: { r in
                ValueFact(kind: r[1], unit: r[2], currency: r[3], measure: r[4], period: r[5], periodFirst: r[6],
                          periodLast: r[7], role: r[8], value: r[9], numerator: r[10], denominator: r[11])
            }, encode: encode)
    }
}
