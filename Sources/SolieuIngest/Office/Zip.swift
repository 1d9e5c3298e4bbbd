import CSolieuShim

/// A ZIP archive read from memory: its central directory, and one entry at a time inflated
/// through zlib (in CSolieuShim) with a cap on what it may decompress to.
///
/// Office documents (DOCX, ODT) are ZIP archives. What a hostile one can try, and what stops it:
/// - a ZIP bomb (a small entry that inflates to gigabytes): every entry is inflated with a limit,
///   and the whole document with a budget, whatever sizes the directory claims;
/// - a directory that points outside the file, or entries that overlap it: refused;
/// - encryption, or a compression method other than stored and DEFLATE: refused by name;
/// - a truncated or corrupt entry: zlib's error, or a CRC-32 that does not match.
struct ZipArchive {
    struct Entry: Equatable {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localOffset: Int
    }

    enum Failure: Error, Equatable, CustomStringConvertible {
        case notZip
        case corrupt(String)
        case encrypted(String)
        case unsupportedMethod(String, UInt16)
        case tooLarge(String, limit: Int)

        var description: String {
            switch self {
            case .notZip: return "not a ZIP archive"
            case .corrupt(let why): return "corrupt ZIP archive: \(why)"
            case .encrypted(let name): return "\(name) is encrypted (password-protected documents are not read)"
            case .unsupportedMethod(let name, let m): return "\(name) uses compression method \(m) (only stored and DEFLATE are read)"
            case .tooLarge(let name, let limit): return "\(name) decompresses to more than \(limit) bytes (the cap for one document; a ZIP bomb?)"
            }
        }
    }

    /// At most this many entries are listed: an office document has tens.
    static let maximumEntries = 20_000

    let bytes: [UInt8]
    let entries: [Entry]
    /// What every entry read so far has inflated to, against `budget`.
    private(set) var inflated = 0
    let budget: Int

    static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
    }

    init(_ bytes: [UInt8], budget: Int) throws(Failure) {
        self.bytes = bytes
        self.budget = budget
        guard Self.isZip(bytes) || (bytes.count >= 22 && Self.u32(bytes, 0) == 0x0605_4B50) else { throw .notZip }
        // The end of central directory record: within the last 64 KiB + 22 bytes (its comment).
        guard bytes.count >= 22 else { throw .corrupt("shorter than its end record") }
        var eocd = -1
        var i = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while i >= lowest {
            if bytes[i] == 0x50, Self.u32(bytes, i) == 0x0605_4B50 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw .corrupt("no end of central directory (truncated?)") }
        var count = Int(Self.u16(bytes, eocd + 10))
        var directorySize = Int(Self.u32(bytes, eocd + 12))
        var directoryOffset = Int(Self.u32(bytes, eocd + 16))
        // ZIP64: the end record's fields are saturated and a locator stands before it.
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            guard eocd >= 20, Self.u32(bytes, eocd - 20) == 0x0706_4B50 else { throw .corrupt("ZIP64 end record missing") }
            let at = Self.u64(bytes, eocd - 20 + 8)
            guard at >= 0, at <= bytes.count - 56, Self.u32(bytes, at) == 0x0606_4B50 else { throw .corrupt("ZIP64 end record out of range") }
            count = Self.u64(bytes, at + 32)
            directorySize = Self.u64(bytes, at + 40)
            directoryOffset = Self.u64(bytes, at + 48)
        }
        guard count >= 0, count <= Self.maximumEntries else { throw .corrupt("\(count) entries (at most \(Self.maximumEntries) are read)") }
        guard directoryOffset >= 0, directorySize >= 0, directoryOffset <= bytes.count, directorySize <= bytes.count - directoryOffset else {
            throw .corrupt("central directory outside the file (truncated?)")
        }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var p = directoryOffset
        let end = directoryOffset + directorySize
        for _ in 0..<count {
            guard p + 46 <= end, Self.u32(bytes, p) == 0x0201_4B50 else { throw .corrupt("central directory entry \(entries.count + 1) is damaged") }
            let flags = Self.u16(bytes, p + 8)
            let method = Self.u16(bytes, p + 10)
            let crc = Self.u32(bytes, p + 16)
            var compressed = Int(Self.u32(bytes, p + 20))
            var size = Int(Self.u32(bytes, p + 24))
            let nameLength = Int(Self.u16(bytes, p + 28))
            let extraLength = Int(Self.u16(bytes, p + 30))
            let commentLength = Int(Self.u16(bytes, p + 32))
            var offset = Int(Self.u32(bytes, p + 42))
            guard p + 46 + nameLength + extraLength + commentLength <= end else { throw .corrupt("central directory entry \(entries.count + 1) runs past the directory") }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            // ZIP64 extra field: the saturated sizes and offset, in that order.
            var e = p + 46 + nameLength
            let extraEnd = e + extraLength
            while e + 4 <= extraEnd {
                let id = Self.u16(bytes, e)
                let length = Int(Self.u16(bytes, e + 2))
                guard e + 4 + length <= extraEnd else { break }
                if id == 0x0001 {
                    var q = e + 4
                    if size == 0xFFFF_FFFF, q + 8 <= e + 4 + length { size = Self.u64(bytes, q); q += 8 }
                    if compressed == 0xFFFF_FFFF, q + 8 <= e + 4 + length { compressed = Self.u64(bytes, q); q += 8 }
                    if offset == 0xFFFF_FFFF, q + 8 <= e + 4 + length { offset = Self.u64(bytes, q) }
                }
                e += 4 + length
            }
            guard offset >= 0, compressed >= 0, size >= 0, offset <= bytes.count else { throw .corrupt("\(name) lies outside the file") }
            entries.append(Entry(name: name, method: method, flags: flags, crc: crc, compressedSize: compressed, size: size, localOffset: offset))
            p = extraEnd + commentLength
        }
        self.entries = entries
    }

    func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }

    /// The bytes of one entry, inflated with at most `limit` bytes (and what is left of the
    /// archive's budget), its CRC-32 checked.
    mutating func read(_ entry: Entry, limit: Int) throws(Failure) -> [UInt8] {
        if entry.flags & 1 != 0 { throw .encrypted(entry.name) }
        let cap = min(limit, budget - inflated)
        let at = entry.localOffset
        guard at + 30 <= bytes.count, Self.u32(bytes, at) == 0x0403_4B50 else { throw .corrupt("\(entry.name): local header missing") }
        let start = at + 30 + Int(Self.u16(bytes, at + 26)) + Int(Self.u16(bytes, at + 28))
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else { throw .corrupt("\(entry.name) is cut short (truncated?)") }
        let data: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize <= cap else { throw .tooLarge(entry.name, limit: cap) }
            data = Array(bytes[start..<(start + entry.compressedSize)])
        case 8:
            var out: UnsafeMutablePointer<UInt8>?
            var length = 0
            let rc = bytes.withUnsafeBufferPointer { b in
                solieu_inflate_raw(b.baseAddress! + start, entry.compressedSize, entry.size, max(0, cap), &out, &length)
            }
            defer { solieu_free(out) }
            switch Int(rc) {
            case SOLIEU_OK: data = out.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
            case SOLIEU_ERR_TOO_LARGE: throw .tooLarge(entry.name, limit: cap)
            case SOLIEU_ERR_ALLOC: throw .corrupt("\(entry.name): out of memory inflating it")
            default: throw .corrupt("\(entry.name) does not decompress (damaged or truncated)")
            }
        default:
            throw .unsupportedMethod(entry.name, entry.method)
        }
        let crc = Self.crc32(data)
        guard crc == entry.crc else { throw .corrupt("\(entry.name) fails its CRC-32 check (damaged)") }
        inflated += data.count
        return data
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { solieu_crc32($0.baseAddress, $0.count) }
    }

    /// `read(entry(name)!)`, or nil when the archive has no such entry.
    mutating func read(_ name: String, limit: Int) throws(Failure) -> [UInt8]? {
        guard let e = entry(name) else { return nil }
        return try read(e, limit: limit)
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 {
        guard i >= 0, i + 2 <= b.count else { return 0 }
        return UInt16(b[i]) | UInt16(b[i + 1]) << 8
    }
    private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        guard i >= 0, i + 4 <= b.count else { return 0 }
        return UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
    /// A little-endian u64 as an Int; -1 when it does not fit (never a valid size or offset).
    private static func u64(_ b: [UInt8], _ i: Int) -> Int {
        guard i >= 0, i + 8 <= b.count else { return -1 }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(b[i + k]) << (8 * UInt64(k)) }
        return v > UInt64(Int.max) ? -1 : Int(v)
    }
}
