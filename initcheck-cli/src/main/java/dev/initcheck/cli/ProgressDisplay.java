package dev.initcheck.cli;

import dev.initcheck.suite.Suite;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress on stderr: a bar redrawn in place on a terminal, otherwise one plain line per phase at every tenth of
 * its work (logs stay short).
 */
final class ProgressDisplay implements Suite.Progress {
    private static final int BAR = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private String lastPhase = "";
    private int lastTenth = -1;

    ProgressDisplay(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void step(String phase, String item, int done, int total) {
        if (!phase.equals(lastPhase)) {
            if (terminal && !lastPhase.isEmpty()) {
                err.println();
            }
            lastPhase = phase;
            lastTenth = -1;
        }
        if (terminal) {
            int filled = total == 0 ? BAR : done * BAR / total;
            String label = item.length() > 40 ? item.substring(0, 40) : item;
            err.printf(Locale.ROOT, "\r%-16s [%s%s] %d/%d %-40s", phase, "#".repeat(filled), " ".repeat(BAR - filled),
                    done, total, label);
            err.flush();
            return;
        }
        int tenth = total == 0 ? 10 : done * 10 / total;
        if (tenth != lastTenth) {
            lastTenth = tenth;
            err.printf(Locale.ROOT, "suite: %s %d/%d%n", phase, done, total);
            err.flush();
        }
    }

    void finish() {
        if (terminal && !lastPhase.isEmpty()) {
            err.println();
        }
        err.flush();
    }
}
