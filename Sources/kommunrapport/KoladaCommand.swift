import ArgumentParser
import Comparison
import Foundation
import Warehouse

/// `kommunrapport kolada`: Kolada's KPI catalogue and values in the warehouse, and which KPI each
/// imported indicator is.
struct KoladaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kolada",
        abstract: "Read Kolada's KPI catalogue and values into a warehouse, and match indicators to KPIs.",
        discussion: """
            Nothing is fetched: download the files from Kolada's API yourself (the JSON that \
            https://api.kolada.se/v3/kpi and /v3/data/... return; v2 files read the same) and import \
            them. Then `kolada match` proposes a KPI for every indicator name in the warehouse, and \
            `compare --kpi ID` or `compare --indicator NAME --kolada` puts Kolada's values beside \
            the reports'. Kolada's data is CC BY 4.0: credit "Källa: Kolada" where you show it \
            (the chart page does).

            Examples:
              kommunrapport kolada import all.sqlite kpi.json data-N15428.json
              kommunrapport kolada match all.sqlite --decisions kolada-beslut.csv
            """,
        subcommands: [Import.self, Match.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Read Kolada API answers (KPI catalogue or values) into a warehouse.")

        @Argument(help: ArgumentHelp("The warehouse (made if missing).", valueName: "WAREHOUSE"))
        var warehouse: String

        @Argument(help: ArgumentHelp("JSON files as Kolada's /kpi and /data answer.", valueName: "FILE"))
        var files: [String]

        func run() throws {
            try Console.requireWarehouseFile(warehouse, command: "kolada import")
            let store = try Warehouse(path: warehouse, toolVersion: KommunrapportVersion.current)
            var failed = false
            for file in files {
                do {
                    let count = try Kolada.importFile(URL(fileURLWithPath: file), into: store)
                    Console.progress("\(file): \(count.kpis) KPIs, \(count.values) values")
                } catch let problem as Kolada.Problem {
                    Console.error(problem.description)
                    failed = true
                }
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Propose the Kolada KPI each imported indicator is, from its name and unit.",
            discussion: """
                Prints one line per indicator name: the best KPI, its score (0 to 1, from the words \
                the two names share) and whether it was taken (score at or above --threshold). A \
                decisions file settles names by hand, one a line: the indicator's name, a semicolon \
                or tab, and the KPI id, or `-` for "no Kolada KPI"; those decisions win in this run \
                and every later one.
                """)

        @Argument(help: ArgumentHelp("The warehouse.", valueName: "WAREHOUSE"))
        var warehouse: String

        @Option(help: ArgumentHelp("The score a proposal needs to be taken.", valueName: "score"))
        var threshold = 0.6

        @Option(help: ArgumentHelp("A file of decisions by hand (name;KPI id, or name;- for none).", valueName: "file"))
        var decisions: String?

        func run() throws {
            try Console.requireWarehouseFile(warehouse, command: "kolada match")
            guard FileManager.default.fileExists(atPath: warehouse) else {
                Console.error("\(warehouse): no such warehouse")
                throw ExitCode(2)
            }
            var byHand: [String: String?] = [:]
            if let decisions {
                guard let text = try? String(contentsOfFile: decisions, encoding: .utf8) else {
                    Console.error("\(decisions): cannot be read as a UTF-8 text file")
                    throw ExitCode(2)
                }
                let read = KoladaMatch.readDecisions(text)
                for problem in read.problems { Console.error("\(decisions): \(problem)") }
                byHand = read.decisions
            }
            let store = try Warehouse(path: warehouse, toolVersion: KommunrapportVersion.current)
            // A decision naming a KPI the catalogue lacks, or a name no report prints, is said.
            let (known, names) = try store.read { db in
                (Set(try String.fetchAll(db, sql: "SELECT id FROM kolada_kpis")), Set(try String.fetchAll(db, sql: "SELECT DISTINCT name_key FROM indicators")))
            }
            for (name, id) in byHand.sorted(by: { $0.key < $1.key }) {
                if let id = id ?? nil, !known.contains(id) { Console.error("\(decisions ?? ""): \(id) (for '\(name)') is not in the imported Kolada catalogue") }
                if !names.contains(name) { Console.error("\(decisions ?? ""): no imported report prints an indicator named '\(name)'") }
            }
            let proposals = try KoladaMatch(threshold: threshold, decisions: byHand).run(on: store)
            for proposal in proposals {
                let what = proposal.kpiId.map { "\($0) \(proposal.kpiTitle ?? "")" } ?? "no Kolada KPI"
                let verdict = proposal.decidedBy == "hand" ? "decided by hand" : proposal.decidedBy == "match" ? "taken" : "below the threshold"
                print("\(proposal.name)\t\(what)\t\(String(format: "%.2f", proposal.score))\t\(verdict)")
            }
            let taken = proposals.filter { $0.decidedBy != "below" }.count
            Console.progress("\(taken) of \(proposals.count) indicator names matched to a Kolada KPI")
        }
    }
}
