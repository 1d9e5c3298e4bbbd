import Foundation
import SolieuIngest

/// Ingests many files into a database: `jobs` workers read, clean and extract in parallel; one
/// writer stores what they have prepared, each file in its own savepoint inside one transaction
/// per batch (whatever is ready, up to `batchSize` files), so a crash at any moment leaves every
/// file either fully stored or not at all, one file that cannot be stored leaves the others of
/// its batch stored, and running again finishes the job. Batches matter: full-text indexing
/// writes a new segment per transaction, and with one file per transaction the writer spent
/// more time merging segments and writing the log than the workers spent preparing.
public final class BatchIngest: @unchecked Sendable {
    public struct Progress: Sendable {
        public var total: Int
        public var done = 0
        public var added = 0
        public var newSources = 0
        /// Sources that are near-identical copies of an indexed article (`NearDuplicates`).
        public var nearCopies = 0
        public var replaced = 0
        public var unchanged = 0
        public var failed = 0
        public var bytes = 0
        public var figures = 0
        /// Files stored with warnings (listed in `Summary.warnings`).
        public var warned = 0
        /// Files that do not look like Vietnamese bulletins, not stored (`Summary.notBulletins`).
        public var notBulletins = 0
        public var elapsed: Double = 0
        /// The file just done and what became of it.
        public var last: FileFate?
    }

    /// What became of one file.
    public struct FileFate: Sendable, Equatable {
        public enum Fate: String, Sendable {
            case new, replaced, sameArticle = "same article", nearCopy = "near copy", unchanged, notBulletin = "not a bulletin", failed
        }
        public var path: String
        public var fate: Fate
    }

    public struct Failure: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    public struct Summary: Sendable {
        public var progress: Progress
        public var failures: [Failure]
        /// What reading each stored file warned about (also kept in `sources.warnings`).
        public var warnings: [Failure] = []
        /// Files that do not look like bulletins, with what is wrong (`BulletinCheck`).
        public var notBulletins: [Failure] = []
    }

    let database: SolieuDatabase
    let preparer: Preparer
    let jobs: Int
    /// Files larger than this are refused (`--max-size`).
    let maxBytes: Int
    /// Store files that do not look like bulletins too (`--force`).
    let force: Bool

    public init(database: SolieuDatabase, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, preparer: Preparer = Preparer(),
                maxBytes: Int = Ingest.maximumInputBytes, force: Bool = false) {
        self.database = database
        self.force = force
        self.jobs = max(1, jobs)
        self.preparer = preparer
        self.maxBytes = maxBytes
    }

    enum Outcome: Sendable {
        case prepared(PreparedDocument)
        case unchanged(path: String, bytes: Int)
        case failed(path: String, reason: String)
        case notBulletin(path: String, reason: String, bytes: Int)
    }

    /// Files stored per write transaction at most (fewer when fewer are ready).
    static let batchSize = 64

    /// Runs the batch. `report` is called on the writer's thread after every file.
    public func run(paths: [String], report: @escaping @Sendable (Progress) -> Void = { _ in }) throws -> Summary {
        let known = try database.knownSources()
        let queue = BoundedQueue<Outcome>(capacity: max(Self.batchSize, jobs * 4))
        let next = Counter()
        let stored = paths.map(Preparer.storedPath)
        let preparer = self.preparer
        let workers = jobs
        let maxBytes = self.maxBytes
        let force = self.force

        let producers = Thread.detachedGroup(count: workers) {
            while true {
                let i = next.take()
                if i >= stored.count { break }
                let path = stored[i]
                let outcome: Outcome
                do throws(IngestError) {
                    let bytes = try Ingest.read(file: path, limit: maxBytes)
                    let hash = Ingest.sha256(bytes)
                    if known[path] == hash {
                        outcome = .unchanged(path: path, bytes: bytes.count)
                    } else {
                        let doc = try preparer.prepare(path: path, bytes: bytes, fileHash: hash, limit: maxBytes)
                        if !force, let problem = BulletinCheck.problem(doc.article) {
                            outcome = .notBulletin(path: path, reason: problem, bytes: bytes.count)
                        } else {
                            outcome = .prepared(doc)
                        }
                    }
                } catch {
                    outcome = .failed(path: path, reason: error.description)
                }
                queue.put(outcome)
            }
        }
        producers.onAllDone { queue.close() }

        let clock = ContinuousClock()
        let started = clock.now
        var progress = Progress(total: stored.count)
        var failures: [Failure] = []
        var warnings: [Failure] = []
        var notBulletins: [Failure] = []
        var writeErrorsInARow = 0
        func finish(_ path: String, _ fate: FileFate.Fate) {
            progress.done += 1
            progress.last = FileFate(path: path, fate: fate)
            let d = clock.now - started
            progress.elapsed = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            report(progress)
        }
        while true {
            let batch = queue.takeAvailable(max: Self.batchSize)
            if batch.isEmpty { break }
            var docs: [PreparedDocument] = []
            for outcome in batch {
                switch outcome {
                case .unchanged(let path, let bytes):
                    progress.unchanged += 1
                    progress.bytes += bytes
                    finish(path, .unchanged)
                case .failed(let path, let reason):
                    progress.failed += 1
                    failures.append(Failure(path: path, reason: reason))
                    try? database.recordFailure(path: path, reason: reason)
                    finish(path, .failed)
                case .notBulletin(let path, let reason, let bytes):
                    progress.notBulletins += 1
                    progress.bytes += bytes
                    notBulletins.append(Failure(path: path, reason: reason))
                    finish(path, .notBulletin)
                case .prepared(let doc):
                    docs.append(doc)
                }
            }
            guard !docs.isEmpty else { continue }
            for (doc, result) in zip(docs, database.store(batch: docs)) {
                progress.bytes += doc.bytes
                var fate = FileFate.Fate.failed
                switch result {
                case .success(let outcome):
                    switch outcome {
                    case .added: progress.added += 1; progress.figures += doc.figures.count; fate = .new
                    case .newSource: progress.newSources += 1; fate = .sameArticle
                    case .nearCopy: progress.nearCopies += 1; fate = .nearCopy
                    case .replaced: progress.replaced += 1; progress.figures += doc.figures.count; fate = .replaced
                    case .unchanged: progress.unchanged += 1; fate = .unchanged
                    }
                    if !doc.article.warnings.isEmpty {
                        progress.warned += 1
                        warnings += doc.article.warnings.map { Failure(path: doc.path, reason: $0) }
                    }
                    writeErrorsInARow = 0
                case .failure(let error) where SolieuDatabase.isFatal(error):
                    // The file cannot be trusted or written (damaged, disk full, read-only): stop
                    // at once and write nothing more; the batch's transaction was rolled back.
                    queue.abandon()
                    producers.wait()
                    throw SolieuDatabase.explain(error, path: database.path)
                case .failure(let error):
                    let reason = "\(RawPath.display(doc.path)): cannot store: \(SolieuDatabase.describe(error))"
                    progress.failed += 1
                    failures.append(Failure(path: doc.path, reason: reason))
                    try? database.recordFailure(path: doc.path, reason: reason)
                    writeErrorsInARow += 1
                    if writeErrorsInARow >= 20 {
                        queue.abandon()
                        producers.wait()
                        throw IndexError("\(database.path): 20 writes failed in a row, stopping (last: \(reason))")
                    }
                }
                finish(doc.path, fate)
            }
        }
        producers.wait()
        // Fresh statistics for the query planner (cheap; only what changed enough is analyzed).
        try? database.optimize()
        return Summary(progress: progress, failures: failures, warnings: warnings, notBulletins: notBulletins)
    }
}

/// A fixed-size queue between threads: `put` waits while full, `take` waits while empty and
/// returns nil once the queue is closed and drained.
final class BoundedQueue<T: Sendable>: @unchecked Sendable {
    private var items: [T] = []
    private var head = 0
    private var closed = false
    private var abandoned = false
    private let capacity: Int
    private let condition = NSCondition()

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func put(_ item: T) {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !abandoned { condition.wait() }
        if abandoned { return }
        items.append(item)
        condition.broadcast()
    }

    func take() -> T? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        if head == items.count { return nil }
        let item = items[head]
        head += 1
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return item
    }

    /// Waits for at least one item (or the end), then takes every item ready, up to `max`.
    /// Empty once the queue is closed and drained.
    func takeAvailable(max: Int) -> [T] {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        let n = min(max, items.count - head)
        let taken = Array(items[head..<(head + n)])
        head += n
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        if n > 0 { condition.broadcast() }
        return taken
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer gives up: producers stop waiting and their items are dropped.
    func abandon() {
        condition.lock()
        abandoned = true
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Hands out 0, 1, 2, … to any number of threads.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}

/// A group of threads running the same body; `wait` joins them.
final class ThreadGroup: @unchecked Sendable {
    private let finished = NSCondition()
    private var running: Int
    private var whenDone: [@Sendable () -> Void] = []

    init(count: Int) { running = count }

    func done() {
        finished.lock()
        running -= 1
        let callbacks = running == 0 ? whenDone : []
        finished.broadcast()
        finished.unlock()
        for c in callbacks { c() }
    }

    func onAllDone(_ body: @escaping @Sendable () -> Void) {
        finished.lock()
        if running == 0 {
            finished.unlock()
            body()
            return
        }
        whenDone.append(body)
        finished.unlock()
    }

    func wait() {
        finished.lock()
        while running > 0 { finished.wait() }
        finished.unlock()
    }
}

extension Thread {
    /// Starts `count` threads running `body` (with 8 MB stacks: the HTML tree of a deep page
    /// recurses), returning their group.
    static func detachedGroup(count: Int, _ body: @escaping @Sendable () -> Void) -> ThreadGroup {
        let group = ThreadGroup(count: count)
        for _ in 0..<count {
            let thread = Thread {
                body()
                group.done()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        return group
    }
}
