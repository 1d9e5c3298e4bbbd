import ArgumentParser

@main
struct Solieu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solieu",
        abstract: "Figures from Vietnamese provincial bulletins: ingest, extract, query.",
        version: "0.1.0",
        subcommands: [
            IngestCommand.self, SearchCommand.self, FiguresCommand.self, StatsCommand.self, ShowCommand.self, ExportCommand.self, AuditCommand.self,
            ArticleCommand.self, ExtractCommand.self, TokensCommand.self,
        ]
    )
}
