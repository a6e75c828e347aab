import Foundation

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns Ctrl-C (SIGINT) and `kill` (SIGTERM) into an orderly stop while a batch runs.
///
/// The first signal calls `onInterrupt` (the runner stops its workers and writes nothing more;
/// every report already stored is complete, being one transaction or one renamed file). A second
/// signal exits at once, which is just as safe for the same reason.
public final class Interruption: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var signalled = false

    /// Starts catching SIGINT and SIGTERM.
    public init(onInterrupt: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock()
                let again = self.signalled
                self.signalled = true
                self.lock.unlock()
                if again { _exit(130) }
                // Not on the signal source's queue: stopping may wait for a document being
                // stored, and a second signal must still reach the line above.
                DispatchQueue.global().async { onInterrupt() }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Restores the default handling.
    public func restore() {
        for source in sources { source.cancel() }
        sources = []
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
