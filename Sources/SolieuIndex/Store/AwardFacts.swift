import Foundation
import GRDB

/// The award figures of one document packed into one blob (`award_facts.facts`), written with
/// the figures and read by `stats --kind award`.
///
/// Why: a province × year × title × recipient table over 100,000 bulletins aggregates about a
/// million award figures. Read as index rows, SQLite's per-row and per-column work alone took
/// longer than the query's budget; one blob per document costs one row read and a tight loop, and
/// a few bytes per figure instead of a covering index's row.
///
/// Format (docs/schema.md): per figure, one byte saying which of eight fields are not NULL (bit 0
/// award, 1 recipient, 2 count, 3 award_class, 4 conferrer, 5 period, 6 period_first, 7
/// period_last), then each of those fields in that order as the zigzag encoding of its value in
/// an unsigned LEB128 varint. award, recipient, conferrer and period are ids of `terms`;
/// period_first and period_last the figure's own period (yyyymmdd).
struct AwardFact: Equatable, Sendable {
    var award: Int64?
    var recipient: Int64?
    var count: Int64?
    var awardClass: Int64?
    var conferrer: Int64?
    var period: Int64?
    var periodFirst: Int64?
    var periodLast: Int64?
}

enum AwardFacts {
    static func encode(_ facts: [AwardFact]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(facts.count * 6)
        func put(_ value: Int64?) {
            if let value { Varint.append(Varint.zigzag(value), to: &out) }
        }
        for f in facts {
            let fields = [f.award, f.recipient, f.count, f.awardClass, f.conferrer, f.period, f.periodFirst, f.periodLast]
            var mask: UInt8 = 0
            for (k, field) in fields.enumerated() where field != nil { mask |= 1 << k }
            out.append(mask)
            fields.forEach(put)
        }
        return out
    }

    /// Reads a blob's facts in order; `malformed` once a varint runs past the end or a fact is
    /// cut short (`next` then returns nil).
    struct Reader {
        let base: UnsafePointer<UInt8>?
        let n: Int
        var i = 0
        private(set) var malformed = false

        init(_ bytes: UnsafeRawBufferPointer) {
            base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
            n = bytes.count
        }

        /// Decoded into named fields, not lanes of a vector: a lane picked by a loop index sent
        /// every fact through the stack.
        @inline(__always) private mutating func field(_ bit: UInt8, _ present: UInt8) -> Int64 {
            guard present & bit != 0, let base else { return 0 }
            guard let v = Varint.read(base, n, &i) else {
                malformed = true
                return 0
            }
            return Varint.unzigzag(v)
        }

        @inline(__always) mutating func next() -> Fields? {
            guard !malformed, i < n, let base else { return nil }
            var f = Fields()
            f.present = base[i]
            i += 1
            f.award = field(1, f.present)
            f.recipient = field(2, f.present)
            f.count = field(4, f.present)
            f.awardClass = field(8, f.present)
            f.conferrer = field(16, f.present)
            f.period = field(32, f.present)
            f.periodFirst = field(64, f.present)
            f.periodLast = field(128, f.present)
            return malformed ? nil : f
        }
    }

    /// One fact as read: a field is meaningful when `has` it (bit 0 award … bit 7 period_last).
    struct Fields {
        var award: Int64 = 0, recipient: Int64 = 0, count: Int64 = 0, awardClass: Int64 = 0
        var conferrer: Int64 = 0, period: Int64 = 0, periodFirst: Int64 = 0, periodLast: Int64 = 0
        var present: UInt8 = 0
        static let award: UInt8 = 1, recipient: UInt8 = 2, count: UInt8 = 4, awardClass: UInt8 = 8
        static let conferrer: UInt8 = 16, period: UInt8 = 32, periodFirst: UInt8 = 64, periodLast: UInt8 = 128
        @inline(__always) func has(_ field: UInt8) -> Bool { present & field != 0 }

        var fact: AwardFact {
            func v(_ field: UInt8, _ value: Int64) -> Int64? { has(field) ? value : nil }
            return AwardFact(award: v(Self.award, award), recipient: v(Self.recipient, recipient), count: v(Self.count, count),
                             awardClass: v(Self.awardClass, awardClass), conferrer: v(Self.conferrer, conferrer), period: v(Self.period, period),
                             periodFirst: v(Self.periodFirst, periodFirst), periodLast: v(Self.periodLast, periodLast))
        }
    }

    /// Writes `award_facts` from `figure_rows` (the v5 migration of an existing database).
    static func build(_ db: Database) throws {
        try FactScan.buildBlobs(db, table: "award_facts", select: """
            SELECT id >> 20, award, recipient, count, award_class, conferrer, period, period_first, period_last
            FROM figure_rows WHERE kind = \(Schema.awardKind) ORDER BY id
            """, fact: { r in
                AwardFact(award: r[1], recipient: r[2], count: r[3], awardClass: r[4], conferrer: r[5], period: r[6],
                          periodFirst: r[7], periodLast: r[8])
            }, encode: encode)
    }

    static func decode(_ blob: [UInt8]) -> [AwardFact]? {
        blob.withUnsafeBytes { bytes in
            var reader = Reader(bytes)
            var out: [AwardFact] = []
            while let f = reader.next() { out.append(f.fact) }
            return reader.malformed ? nil : out
        }
    }
}
