import Foundation

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What happened to one document, for progress and the summary.
public enum DocumentEvent: Sendable, Equatable {
    /// The report was stored.
    case imported
    /// The document was already imported (or came twice in the batch); `reason` says which.
    case skipped(reason: String)
    /// The document could not be imported.
    case failed(reason: String)
}

/// Shows a batch's progress on standard error.
///
/// On a terminal: one bar that redraws in place (documents done/total, rate, time left, current
/// file), failures printed above it. Otherwise (a log, CI): one plain line per document.
/// Quiet: nothing; the failure summary is printed by the command regardless.
public final class ProgressDisplay: @unchecked Sendable {
    /// How progress is shown.
    public enum Style: Sendable {
        /// A redrawn bar (standard error is a terminal).
        case bar
        /// One line per document.
        case lines
        /// Nothing.
        case quiet
    }

    /// The style in use.
    public let style: Style
    private let total: Int
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var done = 0
    private var current: [String] = []
    private let start = Date()
    private var lastDraw = Date.distantPast

    /// Creates a display for `total` documents, writing to standard error unless told otherwise.
    public init(style: Style, total: Int, write: @escaping @Sendable (String) -> Void = ProgressDisplay.standardError) {
        self.style = style
        self.total = total
        self.write = write
    }

    /// The style for standard error as it is: bar on a terminal, lines otherwise.
    public static func automaticStyle(quiet: Bool) -> Style {
        if quiet { return .quiet }
        return isatty(STDERR_FILENO) == 1 ? .bar : .lines
    }

    /// Writes to standard error.
    public static let standardError: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A document started.
    public func started(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        current.append(path)
        if style == .bar { drawBar(force: false) }
    }

    /// A document ended.
    public func finished(_ path: String, _ event: DocumentEvent, seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        if let at = current.firstIndex(of: path) { current.remove(at: at) }
        done += 1
        let counter = "[\(done)/\(total)]"
        switch style {
        case .quiet:
            return
        case .lines:
            switch event {
            case .imported: write("\(counter) imported \(path) (\(String(format: "%.1f", seconds)) s)\n")
            case .skipped(let reason): write("\(counter) skipped \(path) (\(reason))\n")
            case .failed(let reason): write("\(counter) FAILED \(reason)\n")
            }
        case .bar:
            if case .failed(let reason) = event {
                write("\r\u{1B}[K" + "failed: \(reason)\n")
                drawBar(force: true)
            } else {
                drawBar(force: done == total)
            }
        }
    }

    /// Removes the bar before the summary is printed.
    public func end() {
        lock.lock()
        defer { lock.unlock() }
        if style == .bar { write("\r\u{1B}[K") }
    }

    private func drawBar(force: Bool) {
        let now = Date()
        // At most ten redraws a second: a fast batch must not spend its time drawing.
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : nil
        let width = 24
        let filled = total > 0 ? min(width, done * width / total) : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var line = "\(bar) \(done)/\(total)  \(String(format: "%.1f", rate)) docs/s  "
            + "left \(left.map(Self.clock) ?? "--:--")"
        if let file = current.last {
            line += "  " + URL(fileURLWithPath: file).lastPathComponent
        }
        write("\r" + Self.truncate(line, to: Self.terminalWidth() - 1) + "\u{1B}[K")
    }

    /// `m:ss` or `h:mm:ss`.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600
            ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
            : String(format: "%d:%02d", s / 60, s % 60)
    }

    static func truncate(_ line: String, to width: Int) -> String {
        line.count <= width ? line : String(line.prefix(max(width - 1, 0))) + "…"
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
