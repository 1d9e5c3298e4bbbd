import Foundation
import SolieuIndex

/// Listing output in the three formats every listing command takes.
/// The one --format vocabulary of listing commands: a table for people, JSON (one array),
/// JSON lines (one object per line, streamed) and CSV for tools.
enum ListFormat: String, CaseIterable {
    case table, json, jsonl, csv
}

/// Rows of strings with named columns, printed as a table that fits the terminal, as CSV
/// (RFC 4180), or (by the commands themselves) as JSON.
struct Table {
    var columns: [String]
    var rows: [[String]] = []
    /// Columns that may be shortened (with "…") to fit; others keep their width.
    var flexible: Set<String> = []

    /// The terminal's width when stdout is one (or $COLUMNS), else nil: no truncation in pipes.
    static var terminalWidth: Int? {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(c), n > 20 { return n }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 100
    }

    func render(width: Int? = Table.terminalWidth) -> String {
        let cells = rows.map { $0.map { Self.oneLine($0) } }
        var widths = columns.map(\.count)
        for row in cells { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        if let width {
            // Shrink the widest flexible column until the table fits (2 spaces between columns).
            var total = widths.reduce(0, +) + 2 * (columns.count - 1)
            while total > width {
                let candidates = columns.indices.filter { flexible.contains(columns[$0]) && widths[$0] > max(8, columns[$0].count) }
                guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                let cut = min(total - width, widths[widest] - max(8, columns[widest].count))
                widths[widest] -= cut
                total -= cut
            }
        }
        var lines: [String] = []
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, c in
                let w = widths[i]
                let text = c.count > w ? String(c.prefix(max(0, w - 1))) + "…" : c
                return i == row.count - 1 ? text : text.padding(toLength: w, withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        lines.append(line(columns))
        lines.append(line(widths.map { String(repeating: "─", count: $0) }))
        for row in cells { lines.append(line(row)) }
        return lines.joined(separator: "\n")
    }

    var csv: String {
        ([columns] + rows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n")
    }

    static func csvField(_ s: String) -> String { FigureRecord.csvField(s) }

    static func oneLine(_ s: String) -> String {
        s.contains(where: \.isNewline) ? s.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ") : s
    }
}
