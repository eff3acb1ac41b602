package dev.trader.engine.export;

import dev.trader.domain.money.Money;
import dev.trader.engine.settings.ExportSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly export inside a running node: at {@code trader.exports.at} UTC it exports the day before into
 * {@code trader.exports.dir}, logs what it wrote (or why it could not) and sets itself for the next day. A day the node was
 * down at that time is not caught up: {@code bin/trader export --from DAY --to DAY} does it.
 */
public final class ScheduledExports {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledExports.class);

    private final ActorSystem<?> system;
    private final ExportSettings settings;
    private final DailyExport export;
    private final Clock clock;
    private volatile Cancellable next;
    private volatile boolean stopped;

    private ScheduledExports(ActorSystem<?> system, ExportSettings settings, DailyExport export, Clock clock) {
        this.system = system;
        this.settings = settings;
        this.export = export;
        this.clock = clock;
    }

    public static ScheduledExports start(ActorSystem<?> system, ExportSettings settings, Money initialCapital, Clock clock) {
        ScheduledExports s = new ScheduledExports(system, settings, new DailyExport(system, initialCapital), clock);
        s.scheduleNext();
        return s;
    }

    private void scheduleNext() {
        if (stopped) {
            return;
        }
        Instant now = clock.instant();
        Instant at = ExportSchedule.next(now, settings.at());
        LOG.info("daily export: next at {} (the day {}) into {}", at, ExportSchedule.dayExportedAt(at), settings.dir().toAbsolutePath());
        try {
            next = system.scheduler().scheduleOnce(Duration.between(now, at), () -> run(at), system.dispatchers().lookup(DispatcherSelector.blocking()));
        } catch (IllegalStateException e) {
            // The actor system is shutting down: there is no next run.
            stopped = true;
        }
    }

    /** {@code at}: when this run was planned (a timer may fire a little early or late; the day is the planned one's). */
    private void run(Instant at) {
        LocalDate day = ExportSchedule.dayExportedAt(at);
        try {
            export.export(day, day, settings.dir()).whenComplete((days, e) -> {
                if (e != null) {
                    LOG.error("daily export of {} failed: {}", day, e.toString());
                } else {
                    days.forEach(d -> LOG.info("daily export of {}: {} order(s), {} fill(s), {} trade(s), {} equity row(s) in {}", d.day(), d.orders(),
                            d.fills(), d.trades(), d.equityRows(), d.dir().toAbsolutePath()));
                }
                scheduleNext();
            });
        } catch (RuntimeException e) {
            LOG.error("daily export of {} failed: {}", day, e.toString());
            scheduleNext();
        }
    }

    public void stop() {
        stopped = true;
        Cancellable c = next;
        if (c != null) {
            c.cancel();
        }
    }
}
