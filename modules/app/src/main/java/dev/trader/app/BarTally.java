package dev.trader.app;

import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.pipeline.BarOutcome;
import dev.trader.marketdata.IngestReport;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What the bars fed to the pipeline came to: bars, new bars, signals, approvals, rejections, bars whose path failed. */
final class BarTally {
    private final AtomicLong bars = new AtomicLong();
    private final AtomicLong fresh = new AtomicLong();
    private final AtomicLong signals = new AtomicLong();
    private final AtomicLong approved = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    void add(BarOutcome outcome) {
        bars.incrementAndGet();
        // A replayed bar re-sends the signals it raised the first time; they are not new.
        if (outcome.accepted()) {
            fresh.incrementAndGet();
            signals.addAndGet(outcome.signals());
            for (IntentDecision d : outcome.decisions()) {
                if (d.approved()) {
                    approved.incrementAndGet();
                } else if (d.outcome() == IntentDecision.Outcome.REJECTED) {
                    rejected.incrementAndGet();
                }
            }
        }
    }

    /** A bar whose path failed still counts as handled (a lockstep waits for every bar), and as failed. */
    void failed() {
        bars.incrementAndGet();
        failed.incrementAndGet();
    }

    long bars() {
        return bars.get();
    }

    long failedBars() {
        return failed.get();
    }

    ReplayReport report(List<IngestReport> files) {
        return new ReplayReport(files, bars.get(), fresh.get(), signals.get(), approved.get(), rejected.get());
    }
}
