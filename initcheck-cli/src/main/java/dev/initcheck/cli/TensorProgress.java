package dev.initcheck.cli;

import dev.initcheck.app.TensorTasks;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of an audit or a check of many tensors on stderr, only once it has run for a second: tensors done of the
 * total and the data rate (bytes of the file's tensors done per second), redrawn in place on a terminal, otherwise
 * one line at every tenth of the tensors.
 */
final class TensorProgress implements TensorTasks.Progress {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private final PrintWriter err;
    private final boolean terminal;
    private final String label;
    private final long start = System.nanoTime();
    private int lastTenth = -1;
    private boolean shown;

    TensorProgress(PrintWriter err, boolean terminal) {
        this(err, terminal, "audit");
    }

    TensorProgress(PrintWriter err, boolean terminal, String label) {
        this.err = err;
        this.terminal = terminal;
        this.label = label;
    }

    @Override
    public synchronized void tensorDone(int done, int total, long bytes) {
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
        err.printf(Locale.ROOT, "%s%s: %d/%d tensors, %.0f MB/s%s", terminal ? "\r" : "", label, done, total,
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
