package dev.initcheck.cli;

import dev.initcheck.audit.Audit;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of an audit on stderr, only once it has run for a second: tensors done of the total and the data rate,
 * redrawn in place on a terminal, otherwise one line at every tenth of the tensors.
 */
final class AuditProgress implements Audit.Progress {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private final PrintWriter err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private int lastTenth = -1;
    private boolean shown;

    AuditProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void tensorDone(int done, int total, long bytes) {
        long elapsed = System.nanoTime() - start;
        if (elapsed < QUIET_NANOS) {
            return;
        }
        int tenth = total == 0 ? 10 : done * 10 / total;
        if (!terminal && tenth == lastTenth) {
            return;
        }
        lastTenth = tenth;
        shown = true;
        err.printf(Locale.ROOT, "%saudit: %d/%d tensors, %.0f MB/s%s", terminal ? "\r" : "", done, total,
                bytes / 1e6 / (elapsed / 1e9), terminal ? "" : System.lineSeparator());
        err.flush();
    }

    void finish() {
        if (terminal && shown) {
            err.println();
        }
        err.flush();
    }
}
