/// Unsigned LEB128 varints and zigzag-encoded integers: how the facts blobs (`AwardFacts`,
/// `ValueFacts`) write their numbers.
enum Varint {
    static func append(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    @inline(__always) static func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }

    @inline(__always) static func unzigzag(_ v: UInt64) -> Int64 { Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1) }

    /// The varint at `i` of the `n` bytes at `base`, `i` moved past it; nil when it runs past
    /// the end or beyond 64 bits.
    @inline(__always) static func read(_ base: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int) -> UInt64? {
        var shift: UInt64 = 0
        var v: UInt64 = 0
        while true {
            guard i < n, shift < 64 else { return nil }
            let b = base[i]
            i += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }
}
