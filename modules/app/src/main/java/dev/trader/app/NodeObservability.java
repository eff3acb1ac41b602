package dev.trader.app;

import dev.trader.api.StatusService;
import dev.trader.engine.alert.AlertBook;
import dev.trader.engine.alert.AlertRules;
import dev.trader.engine.metrics.BarArrivals;
import dev.trader.engine.settings.ObservabilitySettings;
import dev.trader.engine.settings.TraderSettings;
import dev.trader.risk.propfirm.TradingDays;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * A node's metrics sampling and alert evaluation, on one thread of their own (the journal check
 * blocks), and the alert book they feed: the log and the webhook hear of every alert, the API
 * serves them.
 */
final class NodeObservability implements AutoCloseable {
    private final AlertBook alerts;
    private final ScheduledExecutorService scheduler;

    private NodeObservability(AlertBook alerts, ScheduledExecutorService scheduler) {
        this.alerts = alerts;
        this.scheduler = scheduler;
    }

    static NodeObservability start(ObservabilitySettings settings, TraderSettings trader, StatusService status, BarArrivals arrivals,
                                   NodeReadiness readiness, Cluster cluster, String node, IntSupplier webSocketClients) {
        AlertBook alerts = new AlertBook().notifying(new LoggingAlertNotifier());
        if (!settings.webhookUrl().isEmpty()) {
            alerts.notifying(new WebhookAlertNotifier(settings.webhookUrl(), node));
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "observability");
            t.setDaemon(true);
            return t;
        });
        TradingDays days = new TradingDays(trader.risk().propFirm().propFirm().dayZone());
        MetricsSampler sampler = new MetricsSampler(status, arrivals, cluster, alerts, days, trader.askTimeout(), webSocketClients);
        AlertMonitor monitor = new AlertMonitor(new AlertRules(settings), alerts, status, arrivals, readiness::journal, Clock.systemUTC(),
                trader.askTimeout());
        scheduler.scheduleWithFixedDelay(monitor, 0, settings.evaluateEvery().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(sampler, 0, settings.sampleEvery().toMillis(), TimeUnit.MILLISECONDS);
        return new NodeObservability(alerts, scheduler);
    }

    AlertBook alerts() {
        return alerts;
    }

    boolean running() {
        return !scheduler.isShutdown();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
