import Foundation
import ReportModel
import ReportSource
import Warehouse

/// How a batch runs.
public struct BatchOptions: Sendable {
    /// Documents parsed at once.
    public var jobs: Int
    /// Re-import documents the destination already holds.
    public var force: Bool
    /// Skip documents that failed in an earlier run into the same warehouse (same SHA-256).
    public var skipFailed = false

    /// Creates options.
    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false) {
        self.jobs = max(1, jobs)
        self.force = force
    }
}

/// Imports a list of documents: N at a time through a parser, each result into a sink.
///
/// Per document: digest the file, skip it if the destination already holds that digest (or
/// the batch had the same content earlier), parse it, then store the report or record the
/// failure. Sink calls are serialised; parsing is not. A failure is that document's alone.
public final class BatchRunner: @unchecked Sendable {
    private let documents: [InputDocument]
    private let parser: any DocumentParser
    private let sink: any ReportSink
    private let progress: ProgressDisplay
    private let options: BatchOptions

    // Guarded by `lock`.
    private let lock = NSLock()
    private var nextIndex = 0
    private var cancelled = false
    /// Reports the destination refused in a row for a reason of its own (`WarehouseError.unavailable`);
    /// at `refusalsThatStopTheBatch` the batch stops.
    private var refusalsInARow = 0
    /// Refusals in a row taken for a destination that takes nothing (a read-only role, a full
    /// disk), rather than for a document it could not take: the batch stops with exit status 2
    /// instead of reading every remaining document only to fail it.
    public static let refusalsThatStopTheBatch = 3
    private var summary = BatchSummary()
    private var failures: [Int: FailedDocument] = [:]
    private var destinationDigests: Set<String> = []
    private var earlierFailures: [String: String] = [:]
    private var batchDigests: [String: String] = [:]

    /// Creates a runner.
    public init(
        documents: [InputDocument], parser: any DocumentParser, sink: any ReportSink, progress: ProgressDisplay,
        options: BatchOptions
    ) {
        self.documents = documents
        self.parser = parser
        self.sink = sink
        self.progress = progress
        self.options = options
    }

    /// Runs the batch. `problems` are inputs that could not be listed; they count as failures.
    /// Throws only when the destination cannot be read at all (nothing could be done).
    public func run(problems: [InputProblem] = []) throws -> BatchSummary {
        let start = Date()
        destinationDigests = options.force ? [] : try sink.knownDigests()
        earlierFailures = options.skipFailed && !options.force ? try sink.failedDigests() : [:]
        for problem in problems {
            try? sink.recordFailure(path: problem.path, sha256: nil, reason: problem.reason, index: -1)
        }

        let group = DispatchGroup()
        for _ in 0..<min(options.jobs, max(documents.count, 1)) {
            group.enter()
            let thread = Thread { [self] in
                while let index = take() { process(index) }
                group.leave()
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
        group.wait()

        lock.lock()
        defer { lock.unlock() }
        do {
            try sink.finish(interrupted: cancelled)
        } catch {
            failures[documents.count] = FailedDocument(
                path: sink.destination, reason: "\(sink.destination): could not complete the output (\(error))")
        }
        summary.failures = problems.map { FailedDocument(path: $0.path, reason: $0.reason) }
            + failures.keys.sorted().compactMap { failures[$0] }
        summary.interrupted = cancelled && summary.destinationFailure == nil
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Stops the batch: running documents are abandoned (not recorded), no new ones start.
    /// Safe to call from a signal handler's queue.
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
        parser.cancelAll()
    }

    private func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !cancelled, nextIndex < documents.count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
    }

    private func process(_ index: Int) {
        let document = documents[index]
        let started = Date()
        progress.started(document.path)

        let digest: (sha256: String, size: Int)
        do {
            digest = try SHA256.file(at: document.url)
        } catch {
            let reason = "\(document.path): cannot be read (\((error as NSError).localizedDescription))"
            finish(index, document, started, .failed(reason: reason), sha256: nil)
            return
        }

        lock.lock()
        if destinationDigests.contains(digest.sha256) {
            lock.unlock()
            finish(index, document, started, .skipped(reason: "already imported"), sha256: digest.sha256)
            return
        }
        if let reason = earlierFailures[digest.sha256] {
            lock.unlock()
            finish(index, document, started, .skipped(reason: "failed before (\(reason))"), sha256: digest.sha256)
            return
        }
        if let earlier = batchDigests[digest.sha256] {
            lock.unlock()
            finish(index, document, started, .skipped(reason: "same content as \(earlier)"), sha256: digest.sha256)
            return
        }
        batchDigests[digest.sha256] = document.path
        lock.unlock()

        let origin = DocumentOrigin(path: document.path, sha256: digest.sha256, size: digest.size)
        var digested = document
        digested.sha256 = digest.sha256
        switch parser.parse(digested, exporting: sink.exportFormat) {
        case .interrupted:
            return
        case .failure(let reason):
            finish(index, document, started, .failed(reason: reason), sha256: digest.sha256)
        case .report(let report):
            finish(index, document, started, .imported, sha256: digest.sha256, output: .report(report), origin: origin)
        case .exported(let data):
            finish(index, document, started, .imported, sha256: digest.sha256, output: .exported(data), origin: origin)
        }
    }

    /// What a parsed document gives its sink.
    private enum Output {
        case report(Report)
        case exported(Data)
    }

    /// Records a document's end: stores the report or the failure, counts it, shows it.
    private func finish(
        _ index: Int, _ document: InputDocument, _ started: Date, _ event: DocumentEvent, sha256: String?,
        output: Output? = nil, origin: DocumentOrigin? = nil
    ) {
        lock.lock()
        // After an interruption nothing more is written: the document is simply not done.
        guard !cancelled else {
            lock.unlock()
            return
        }
        var event = event
        // A document the destination could not take (a disk full, a server gone) is recorded
        // without its digest: the failure is the destination's, so `--skip-failed` must not pass
        // over the document in later runs.
        var failedDigest = sha256
        var destinationRefused = false
        if let output, let origin {
            do {
                switch output {
                case .report(let report): try sink.store(report, origin: origin, index: index)
                case .exported(let data): try sink.store(exported: data, origin: origin, index: index)
                }
                refusalsInARow = 0
            } catch {
                event = .failed(reason: WorkerFailure.text(of: error))
                failedDigest = nil
                // Only failures of the destination itself count; a document it cannot take
                // (a label too long for an index) does not stop the batch.
                let isDestinationFailure = (error as? WarehouseError)?.isDestinationFailure == true
                refusalsInARow = isDestinationFailure ? refusalsInARow + 1 : 0
                destinationRefused = isDestinationFailure
                if refusalsInARow >= Self.refusalsThatStopTheBatch && summary.destinationFailure == nil {
                    summary.destinationFailure = WorkerFailure.text(of: error)
                    cancelled = true
                    // Not under the lock: the parser's workers are told to stop.
                    DispatchQueue.global().async { [parser] in parser.cancelAll() }
                }
            }
        }
        switch event {
        case .imported:
            summary.imported += 1
            let (held, failed) = output.map(Self.checkCounts) ?? (0, 0)
            summary.checksHeld += held
            summary.checksFailed += failed
            if output.map(Self.foundNothing) == true { summary.emptyDocuments += 1 }
        case .skipped:
            summary.skipped += 1
            try? sink.recordSkip(index: index)
        case .failed(let reason):
            failures[index] = FailedDocument(path: document.path, reason: reason)
            // A destination that refused the report would refuse (and wait over) the failure too.
            if !destinationRefused {
                try? sink.recordFailure(path: document.path, sha256: failedDigest, reason: reason, index: index)
            }
        }
        lock.unlock()
        progress.finished(document.path, event, seconds: Date().timeIntervalSince(started))
    }

    /// Whether a document's report or export carries the warning that nothing was found in it.
    private static func foundNothing(_ output: Output) -> Bool {
        switch output {
        case .report(let report): return report.warnings.contains { $0.code == ImportWarning.nothingFoundCode }
        case .exported(let data): return data.range(of: Data(ImportWarning.nothingFoundCode.utf8)) != nil
        }
    }

    /// The table checks of a document that held and failed, from its report or its export
    /// (facts write `"holds":true`, the pretty-printed JSON `"holds" : true`).
    private static func checkCounts(_ output: Output) -> (held: Int, failed: Int) {
        switch output {
        case .report(let report):
            let checks = report.tables.flatMap(\.checks)
            return (checks.filter(\.holds).count, checks.filter { !$0.holds }.count)
        case .exported(let data):
            func count(_ pattern: String) -> Int {
                let needle = Array(pattern.utf8)
                var found = 0
                data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                    guard bytes.count >= needle.count else { return }
                    var i = 0
                    while i <= bytes.count - needle.count {
                        if bytes[i] == needle[0], (0..<needle.count).allSatisfy({ bytes[i + $0] == needle[$0] }) {
                            found += 1
                            i += needle.count
                        } else {
                            i += 1
                        }
                    }
                }
                return found
            }
            return (count("\"holds\":true") + count("\"holds\" : true"), count("\"holds\":false") + count("\"holds\" : false"))
        }
    }
}
