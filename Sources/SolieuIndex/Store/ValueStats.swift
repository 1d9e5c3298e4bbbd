import Foundation
import GRDB
import GRDBSQLite

/// `stats` for quantities, percents, money and ratios without SQL's GROUP BY: one pass over the
/// value facts (one blob per document, see `ValueFacts`) merged in id order with the documents'
/// facets, as `AwardStats` does for awards. The SQL path (`SolieuDatabase.statsSQL`) gives the
/// same rows; this one is used when it can answer (those kinds only, no award or recipient
/// filter, group keys a value figure has) and reads a tenth of the rows.
struct ValueStats {
    static let keys: Set<String> = ["province", "province_now", "year", "period", "kind", "unit", "currency", "site", "document"]

    static func applies(_ filter: FigureFilter, _ groupBy: [String]) -> Bool {
        !filter.kinds.isEmpty && filter.kinds.allSatisfy { Schema.kindCode($0.rawValue).map(ValueFacts.kinds.contains) ?? false }
            && filter.award == nil && filter.recipient == nil && groupBy.count <= 8 && groupBy.allSatisfy { keys.contains($0) }
    }

    /// What `statsSQL` aggregates for a group, kept the same way.
    struct Accumulator: GroupAccumulator {
        var figures = 0
        var documentCount = 0
        var lastDocument: Int64 = -1
        var kindMask = 0
        /// Unit and currency codes, NULL as 0: a group mixes them when the lowest is not the highest.
        var unitLow = Int64.max, unitHigh = Int64.min, currencyLow = Int64.max, currencyHigh = Int64.min
        var total = 0.0, hasTotal = false
        var low = Double.infinity, high = -Double.infinity
        var numerators = 0.0, hasNumerators = false, denominators = 0.0, hasDenominators = false
        /// Percents and ratios (as fractions) for the median.
        var spread: [Double] = []

        init() {}

        mutating func merge(_ o: Self) {
            figures += o.figures
            documentCount += o.documentCount
            kindMask |= o.kindMask
            unitLow = min(unitLow, o.unitLow)
            unitHigh = max(unitHigh, o.unitHigh)
            currencyLow = min(currencyLow, o.currencyLow)
            currencyHigh = max(currencyHigh, o.currencyHigh)
            total += o.total
            hasTotal = hasTotal || o.hasTotal
            low = min(low, o.low)
            high = max(high, o.high)
            numerators += o.numerators
            hasNumerators = hasNumerators || o.hasNumerators
            denominators += o.denominators
            hasDenominators = hasDenominators || o.hasDenominators
            spread += o.spread
        }

        @inline(__always) mutating func add(_ f: ValueFacts.Fields, document: Int64) {
            typealias F = ValueFacts.Fields
            figures += 1
            if lastDocument != document {
                documentCount += 1
                lastDocument = document
            }
            kindMask |= 1 << f.kind
            let unit = f.has(F.unit) ? f.unit : 0, currency = f.has(F.currency) ? f.currency : 0
            unitLow = min(unitLow, unit)
            unitHigh = max(unitHigh, unit)
            currencyLow = min(currencyLow, currency)
            currencyHigh = max(currencyHigh, currency)
            // `SolieuDatabase.summand`: the values of quantities and money.
            if (f.kind == 1 || f.kind == 3) && f.has(F.value) {
                total += f.value
                hasTotal = true
            }
            // `SolieuDatabase.spreadValue`: a percent's value, a ratio's fraction.
            var spreadValue: Double?
            if f.kind == 2 && f.has(F.value) {
                spreadValue = f.value
            } else if f.kind == 4 && f.has(F.numerator) && f.has(F.denominator) && f.denominator != 0 {
                spreadValue = f.numerator / f.denominator
            }
            if let v = spreadValue {
                low = min(low, v)
                high = max(high, v)
                spread.append(v)
            }
            if f.has(F.numerator) {
                numerators += f.numerator
                hasNumerators = true
            }
            if f.has(F.denominator) {
                denominators += f.denominator
                hasDenominators = true
            }
        }

        var aggregates: StatsAggregates {
            var median: Double?
            if !spread.isEmpty {
                let sorted = spread.sorted(), m = sorted.count / 2
                median = sorted.count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2
            }
            return StatsAggregates(kindMask: kindMask, mixedUnits: unitLow != unitHigh, mixedCurrencies: currencyLow != currencyHigh,
                                   total: hasTotal ? total : nil, low: spread.isEmpty ? nil : low, high: spread.isEmpty ? nil : high,
                                   numerators: hasNumerators ? numerators : nil, denominators: hasDenominators ? denominators : nil,
                                   median: median)
        }
    }

    enum Column { case province, provinceNow, site, document, kind, year, period, unit, currency }

    /// Aggregates value figures, on a large index in parallel (`FactScan.run`). `measures` are
    /// the term ids a `--measure` names, `roles` the role codes of `--role`.
    static func run(_ pool: DatabasePool, filter: FigureFilter, groupBy: [String], measures: Set<Int64>?, roles: Set<Int64>?,
                    provinceName: String?, period: PeriodRange?, documentID: Int64?, workers requested: Int? = nil) throws -> [StatsRow] {
        let kinds = Set(filter.kinds.compactMap { Schema.kindCode($0.rawValue) })
        return try FactScan.run(pool, groupBy: groupBy, documentID: documentID, workers: requested) { db, range in
            try scan(db, groupBy: groupBy, kinds: kinds, measures: measures, roles: roles, provinceName: provinceName, period: period,
                     documents: range)
        }.map { keys, acc in
            StatsRow(keys: keys, figures: acc.figures, documents: acc.documentCount, aggregates: acc.aggregates)
        }
    }

    /// One worker: the value facts of the documents in `range` that the filter keeps, grouped.
    static func scan(_ db: Database, groupBy: [String], kinds: Set<Int>, measures: Set<Int64>?, roles: Set<Int64>?,
                     provinceName: String?, period: PeriodRange?, documents range: ClosedRange<Int64>) throws -> FactScan.Groups<Accumulator> {
        typealias F = ValueFacts.Fields
        let strings = AwardStats.Strings()
        let interner = AwardStats.ByteInterner(strings)
        let provinceID = provinceName.map(strings.id)
        let columns: [Column] = groupBy.map {
            switch $0 {
            case "province": .province
            case "province_now": .provinceNow
            case "site": .site
            case "document": .document
            case "kind": .kind
            case "year": .year
            case "unit": .unit
            case "currency": .currency
            default: .period
            }
        }
        let needProvince = provinceName != nil || columns.contains(.province)
        let needProvinceNow = provinceName != nil || columns.contains(.provinceNow)
        let needSite = columns.contains(.site), needPeriod = columns.contains(.period)
        var values = AwardStats.KeyValues(strings: strings, termStatement: try db.makeStatement(sql: "SELECT term FROM terms WHERE id = ?"))
        var kindIDs = [Int32](repeating: -1, count: 256)
        for (code, name) in Schema.kindCodes where code < 256 { kindIDs[code] = strings.id(name) }
        var yearIDs: [Int64: Int32] = [:]
        let hasPeriod = period != nil, periodFirst = Int64(period?.firstDay ?? 0), periodLast = Int64(period?.lastDay ?? 0)
        var groups: [FactScan.Key: Accumulator] = [:]
        let needs = FactScan.FacetNeeds(province: needProvince, provinceNow: needProvinceNow, site: needSite, period: needPeriod)
        try FactScan.eachDocument(db, table: "value_facts", range: range, interner: interner, needs: needs) { doc, blob in
            let province = doc.province, provinceNow = doc.provinceNow, site = doc.site, documentPeriod = doc.period
            let documentFirst = doc.first, documentLast = doc.last, documentID = doc.id
            if let provinceID, province != provinceID && provinceNow != provinceID { return }
            var documentLanes = FactScan.Key(repeating: -1)
            for (i, column) in columns.enumerated() {
                switch column {
                case .province: documentLanes[i] = province
                case .provinceNow: documentLanes[i] = provinceNow
                case .site: documentLanes[i] = site
                case .document: documentLanes[i] = strings.id(String(documentID))
                default: break
                }
            }
            var reader = ValueFacts.Reader(blob, kinds: kinds)
            while let f = reader.next() {
                guard kinds.contains(f.kind) else { continue }
                let first = f.has(F.periodFirst) ? f.periodFirst : documentFirst
                let last = f.has(F.periodLast) ? f.periodLast : documentLast
                if hasPeriod && !(first >= periodFirst && last <= periodLast) { continue }
                if let measures {
                    // Its own measure, or (0) its unit, as `figureConditions` reads it.
                    guard f.has(F.measure), measures.contains(f.measure) || (f.measure == 0 && f.has(F.unit) && measures.contains(f.unit)) else { continue }
                }
                if let roles { guard f.has(F.role), roles.contains(f.role) else { continue } }
                var key = documentLanes
                for (i, column) in columns.enumerated() {
                    switch column {
                    case .kind: key[i] = kindIDs[f.kind & 255]
                    case .unit: key[i] = f.has(F.unit) ? values.term(f.unit) : -1
                    case .currency: key[i] = f.has(F.currency) ? values.term(f.currency) : -1
                    case .period: key[i] = f.has(F.period) ? values.term(f.period) : documentPeriod
                    case .year:
                        let y0 = first / 10000, y1 = last / 10000, packed = y0 * 10000 + y1
                        if let id = yearIDs[packed] { key[i] = id } else {
                            // A figure with no period at all (both days NULL) has no year.
                            let id = first == 0 && last == 0 ? -1 : strings.id(y0 == y1 ? String(y0) : "\(y0)/\(y1)")
                            yearIDs[packed] = id
                            key[i] = id
                        }
                    default: break
                    }
                }
                groups[key, default: Accumulator()].add(f, document: documentID)
            }
            guard !reader.malformed else {
                throw IndexError("the value facts of document \(documentID) are damaged; ingest its source again (solieu ingest PATH)")
            }
            if let error = values.lookupError { throw error }
        }
        var out = FactScan.Groups<Accumulator>(strings: strings.values)
        for (key, acc) in groups {
            out.keys.append(key)
            out.accumulators.append(acc)
        }
        return out
    }
}
