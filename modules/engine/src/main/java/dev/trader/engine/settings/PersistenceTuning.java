package dev.trader.engine.settings;

import java.time.Duration;
import org.apache.pekko.actor.typed.BackoffSupervisorStrategy;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * How entities snapshot and how they back off when the journal fails: a failed write stops the
 * entity (its outcome is unknown) and it restarts, recovering from the journal, after a pause.
 */
public record PersistenceTuning(int snapshotEvery, int keepSnapshots, Duration minBackoff, Duration maxBackoff) {
    public PersistenceTuning {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("trader.engine.snapshot-every must be at least 1 but was " + snapshotEvery);
        }
        if (keepSnapshots < 1) {
            throw new IllegalArgumentException("trader.engine.keep-snapshots must be at least 1 but was " + keepSnapshots);
        }
    }

    public RetentionCriteria retention() {
        return RetentionCriteria.snapshotEvery(snapshotEvery, keepSnapshots);
    }

    public BackoffSupervisorStrategy backoff() {
        return SupervisorStrategy.restartWithBackoff(minBackoff, maxBackoff, 0.2);
    }
}
