package dev.trader.app;

import dev.trader.engine.alert.Alert;
import dev.trader.engine.alert.AlertKind;
import dev.trader.engine.alert.AlertNotifier;
import kamon.Kamon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Alerts into the log (critical ones at ERROR) and the {@code alerts_fired} counter. */
final class LoggingAlertNotifier implements AlertNotifier {
    private static final Logger LOG = LoggerFactory.getLogger("dev.trader.alerts");

    @Override
    public void fired(Alert a) {
        Kamon.counter("alerts_fired").withTag("alert", a.kind().id()).increment();
        if (a.kind().severity() == AlertKind.Severity.CRITICAL) {
            LOG.error("ALERT {} on {}: {}", a.kind().id(), a.subject(), a.message());
        } else {
            LOG.warn("ALERT {} on {}: {}", a.kind().id(), a.subject(), a.message());
        }
    }

    @Override
    public void resolved(Alert a) {
        LOG.info("alert {} on {} resolved after {} s", a.kind().id(), a.subject(),
                java.time.Duration.between(a.since(), a.resolvedAt()).toSeconds());
    }
}
