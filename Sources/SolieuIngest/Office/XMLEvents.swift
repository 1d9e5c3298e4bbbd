import CSolieuShim

/// The namespaces office documents are read by (`solieu_xml_namespace` ids).
enum XMLNamespace: UInt8 {
    case other = 0
    case w, text, table, office, mc, dc, dcterms, meta, relationships, contentTypes, style, wStrict, r, draw

    /// Strict OOXML is read as transitional.
    var canonical: XMLNamespace { self == .wStrict ? .w : self }
}

/// One event of an XML part, as libxml2's SAX2 pass in CSolieuShim reports it.
enum XMLEvent {
    case start(XMLNamespace, String, [XMLAttribute])
    case end(XMLNamespace, String)
    case text(String)
}

struct XMLAttribute {
    var namespace: XMLNamespace
    var name: String
    var value: String
}

extension [XMLAttribute] {
    func value(_ namespace: XMLNamespace, _ name: String) -> String? {
        first { $0.namespace == namespace && $0.name == name }?.value
    }
}

enum XMLEvents {
    enum Failure: Error, Equatable {
        case notWellFormed(line: Int)
        case declaresDTD
        case outOfMemory
    }

    /// Every event of one XML document, in order.
    static func parse(_ bytes: [UInt8]) throws(Failure) -> [XMLEvent] {
        var out: UnsafeMutablePointer<UInt8>?
        var length = 0
        var line: Int32 = 0
        let rc = bytes.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, b.count)) {
                solieu_xml_events($0, b.count, &out, &length, &line)
            }
        }
        defer { solieu_free(out) }
        switch Int(rc) {
        case SOLIEU_OK: break
        case SOLIEU_ERR_DTD: throw .declaresDTD
        case SOLIEU_ERR_PARSER: throw .notWellFormed(line: Int(line))
        default: throw .outOfMemory
        }
        guard let out else { return [] }
        let buffer = UnsafeBufferPointer(start: out, count: length)
        var events: [XMLEvent] = []
        var i = 0
        func u16() -> Int { defer { i += 2 }; return Int(buffer[i]) | Int(buffer[i + 1]) << 8 }
        func u32() -> Int { defer { i += 4 }; return Int(buffer[i]) | Int(buffer[i + 1]) << 8 | Int(buffer[i + 2]) << 16 | Int(buffer[i + 3]) << 24 }
        func string(_ n: Int) -> String { defer { i += n }; return String(decoding: UnsafeBufferPointer(rebasing: buffer[i..<(i + n)]), as: UTF8.self) }
        func namespace() -> XMLNamespace { defer { i += 1 }; return (XMLNamespace(rawValue: buffer[i]) ?? .other).canonical }
        while i < length {
            let kind = Int(buffer[i])
            i += 1
            switch kind {
            case SOLIEU_EV_START:
                let ns = namespace()
                let name = string(u16())
                let count = Int(buffer[i])
                i += 1
                var attributes: [XMLAttribute] = []
                attributes.reserveCapacity(count)
                for _ in 0..<count {
                    let ans = namespace()
                    let an = string(u16())
                    attributes.append(XMLAttribute(namespace: ans, name: an, value: string(u32())))
                }
                events.append(.start(ns, name, attributes))
            case SOLIEU_EV_END:
                let ns = namespace()
                events.append(.end(ns, string(u16())))
            default:
                events.append(.text(string(u32())))
            }
        }
        return events
    }
}

/// A subtree of events left out (deleted revisions, annotations, fallbacks): `start()` at its
/// first element; then `consume` takes every event up to its end.
struct SubtreeSkip {
    private var depth = 0

    mutating func start() { depth = 1 }

    /// Whether the event belongs to the subtree being left out (and is taken).
    mutating func consume(_ e: XMLEvent) -> Bool {
        guard depth > 0 else { return false }
        switch e {
        case .start: depth += 1
        case .end: depth -= 1
        case .text: break
        }
        return true
    }
}
