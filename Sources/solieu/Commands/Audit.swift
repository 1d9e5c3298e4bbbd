import ArgumentParser
import Foundation
import SolieuAudit
import SolieuIndex
import SolieuIngest

extension AuditFormat: ExpressibleByArgument {}

/// `solieu audit`: check totals against parts, percentages against ratios, plans, changes, and
/// the same award count across bulletins. Exit status 1 when any check fails.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Cross-check reported numbers inside each bulletin and across bulletins, with the sentences as evidence.",
        discussion: "Exit status: 0 nothing fails, 1 some check fails, 2 error."
    )
    @Option(name: .customLong("doc"), help: "One document: id, path or content-hash prefix.") var document: String?
    @Option(help: "Documents about this province (before or after 2025).") var province: String?
    @Option(help: "Documents whose period lies within this one (2018, 2018-H1, …).") var period: String?
    @Option(name: .customLong("only"), help: "Show only these findings: fails.") var only: String?
    @Option(help: "text, json or html.") var format: AuditFormat = .text
    @Option(help: "Write the report to this file (complete or not at all); '-' is standard output.") var out: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let only, only != "fails" { throw ValidationError("--only takes 'fails'") }
    }

    func run() throws {
        // --out is checked before the work: a path that cannot be written fails now, not after the audit.
        let file = try out.flatMap { $0 == "-" ? nil : try OutFile.open($0, database: database.path) }
        let db = try database.open()
        let report = try reportingErrors { try Auditor(database: db).run(scope: DocumentScope(document: document, province: province, period: period)) }
        let text = try report.render(format, onlyFails: only == "fails")
        if let file {
            try file.writeOrExit(text)
            try file.commit()
            Output.error("audit: \(report.summaryLine); report in \(RawPath.display(file.path))")
        } else {
            Output.print(text)
        }
        if report.failed { throw ExitCode(1) }
    }
}
