import SolieuIndex

/// "kỷ niệm 70 năm ngày … (11/6/1948-11/6/2018)": the anniversary's count of years against the
/// interval stated with it (1948 + 70 = 2018).
enum AnniversaryCheck {
    static func run(_ d: AuditDocument) -> [Finding] {
        var out: [Finding] = []
        for (i, f) in d.figures.enumerated() where f.kind == "quantity" && f.unit == "năm" {
            // "kỷ niệm 70 năm …", or a second anniversary of the same phrase ("… và 110 năm thành lập …").
            guard let years = f.value, d.text(max(f.sentenceStart, f.start - 9), f.start).lowercased().contains("kỷ niệm")
                || (d.text(max(f.sentenceStart, f.start - 4), f.start).lowercased().hasSuffix("và ")
                    && d.text(f.sentenceStart, f.start).lowercased().contains("kỷ niệm")) else { continue }
            // The next interval of years or dates in the same sentence, with no other count between.
            guard let k = d.figures.indices.first(where: { $0 > i && d.figures[$0].sentenceStart == f.sentenceStart
                    && (d.figures[$0].kind == "period" && (d.figures[$0].calendar?.contains("/") ?? false) || d.figures[$0].kind == "quantity") }),
                  d.figures[k].kind == "period" else { continue }
            let interval = d.figures[k]
            guard let value = interval.calendar else { continue }
            let ends = value.split(separator: "/")
            guard ends.count == 2, let from = Int(ends[0].prefix(4)), let to = Int(ends[1].prefix(4)) else { continue }
            let holds = Double(from) + years == Double(to)
            out.append(Finding(check: .anniversary, status: holds ? .holds : .fails, operands: [Double(from), years], stated: Double(to),
                               relation: "\(from) + \(show(years)) = \(show(Double(from) + years))" + (holds ? "" : ", stated \(to)"),
                               difference: holds ? nil : Double(from) + years - Double(to), reason: nil,
                               province: d.doc.province, period: d.period, evidence: [d.evidence([f, interval])]))
        }
        out += durations(d)
        out += sinceFounding(d)
        return out
    }

    /// "thành lập ngày 25-9-1957, 60 năm qua …" in a bulletin of 2017: the founding year and the
    /// years since, against the year of publication. The count may be rounded or the day not yet
    /// reached, so a mismatch is unverifiable, not a failure.
    static func sinceFounding(_ d: AuditDocument) -> [Finding] {
        var out: [Finding] = []
        guard let published = d.doc.published.flatMap({ Int($0.prefix(4)) }) else { return out }
        for (i, f) in d.figures.enumerated() where i > 0 && f.kind == "quantity" && f.unit == "năm" {
            let founded = d.figures[i - 1]
            guard let years = f.value, founded.kind == "date", founded.sentenceStart == f.sentenceStart,
                  let from = founded.calendar.flatMap({ Int($0.prefix(4)) }),
                  [",", ""].contains(d.text(founded.end, f.start).trimmingCharacters(in: .whitespaces)),
                  d.text(f.end, f.end + 4).lowercased() == " qua",
                  SearchQuery.fold(d.text(max(f.sentenceStart, founded.start - 20), founded.start)).joined(separator: " ").contains("thanh lap")
            else { continue }
            let holds = Double(from) + years == Double(published)
            out.append(Finding(check: .anniversary, status: holds ? .holds : .unverifiable, operands: [Double(from), years], stated: Double(published),
                               relation: "\(from) + \(show(years)) = \(show(Double(from) + years))" + (holds ? ", the year of publication" : ", published \(published)"),
                               difference: nil, reason: holds ? nil : "the count of years may be rounded, or the day not yet reached",
                               province: d.doc.province, period: d.period, evidence: [d.evidence([founded, f])]))
        }
        return out
    }

    /// "trong 5 năm (2010-2015)", "nhiệm kỳ 5 năm (2015 - 2020)": a count of years with its
    /// interval in parentheses right after it. Vietnamese counts such spans both ways (2010 to
    /// 2015 is 5 years; "kế hoạch 5 năm 2016-2020" counts 2016 and 2020), so either holds.
    static func durations(_ d: AuditDocument) -> [Finding] {
        var out: [Finding] = []
        for (i, f) in d.figures.enumerated() where f.kind == "quantity" && f.unit == "năm" && i + 1 < d.figures.count {
            let interval = d.figures[i + 1]
            guard let years = f.value, years >= 1, years == years.rounded(), interval.kind == "period",
                  d.text(f.end, interval.start).trimmingCharacters(in: .whitespaces) == "(",
                  d.text(interval.end, interval.end + 1) == ")",
                  !d.text(max(f.sentenceStart, f.start - 9), f.start).lowercased().contains("kỷ niệm"),
                  let value = interval.calendar else { continue }
            let ends = value.split(separator: "/")
            // Years only ("2010-2015"): an interval of dates is an anniversary's or a term's own.
            guard ends.count == 2, ends.allSatisfy({ $0.count == 4 }), let from = Int(ends[0]), let to = Int(ends[1]), to > from else { continue }
            let span = Double(to - from)
            let holds = span == years || span + 1 == years
            let relation = span == years ? "\(from) + \(show(years)) = \(to)"
                : span + 1 == years ? "\(from)–\(to) is \(show(years)) years counting both" : "\(from) + \(show(years)) = \(show(Double(from) + years)), stated \(to)"
            out.append(Finding(check: .anniversary, status: holds ? .holds : .fails, operands: [Double(from), years], stated: Double(to),
                               relation: relation, difference: holds ? nil : Double(from) + years - Double(to), reason: nil,
                               province: d.doc.province, period: d.period, evidence: [d.evidence([f, interval])]))
        }
        return out
    }
}
