package dev.trader.app;

import dev.trader.api.StatusService;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.RiskStatus;
import dev.trader.engine.alert.AlertBook;
import dev.trader.engine.alert.AlertKind;
import dev.trader.engine.metrics.BarArrivals;
import dev.trader.engine.metrics.TradeFigures;
import dev.trader.domain.money.Money;
import dev.trader.risk.propfirm.TradingDays;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import kamon.Kamon;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * Reads the gauges from the running node every {@code trader.metrics.sample-every}: the account's
 * R today and this week, equity and the distance to each floor, every instrument's data staleness,
 * the cluster's members, the reconciliation holds, the active alerts and the dashboard's WebSocket
 * clients. Gauges are doubles for display; the books stay exact.
 */
final class MetricsSampler implements Runnable {
    private final StatusService status;
    private final BarArrivals arrivals;
    private final Cluster cluster;
    private final AlertBook alerts;
    private final TradingDays days;
    private final Duration timeout;
    private final IntSupplier webSocketClients;

    MetricsSampler(StatusService status, BarArrivals arrivals, Cluster cluster, AlertBook alerts, TradingDays days, Duration timeout,
                   IntSupplier webSocketClients) {
        this.status = status;
        this.arrivals = arrivals;
        this.cluster = cluster;
        this.alerts = alerts;
        this.days = days;
        this.timeout = timeout;
        this.webSocketClients = webSocketClients;
    }

    @Override
    public void run() {
        arrivals.sinceLatest().forEach((instrument, quiet) ->
                Kamon.gauge("data_staleness_seconds").withTag("instrument", instrument).update(quiet.toMillis() / 1000.0));
        Map<String, Integer> members = new TreeMap<>(Map.of("up", 0, "joining", 0, "leaving", 0, "down", 0));
        for (Member m : cluster.state().getMembers()) {
            members.merge(m.status().toString().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        }
        members.forEach((s, n) -> Kamon.gauge("cluster_members").withTag("status", s).update(n));
        Kamon.gauge("cluster_unreachable_members").withoutTags().update(cluster.state().getUnreachable().size());
        Map<String, Integer> active = new TreeMap<>();
        for (AlertKind k : AlertKind.values()) {
            active.put(k.id(), 0);
        }
        alerts.active().forEach(a -> active.merge(a.kind().id(), 1, Integer::sum));
        active.forEach((k, n) -> Kamon.gauge("alerts_active").withTag("alert", k).update(n));
        Kamon.gauge("ws_clients").withoutTags().update(webSocketClients.getAsInt());
        account();
    }

    private void account() {
        try {
            AccountState account = status.account().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            RiskStatus risk = status.riskStatus().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Kamon.gauge("reconciliation_holds").withoutTags().update(account.reconciliationHolds().size());
            if (risk.equity() != null) {
                gauge("equity", risk.equity(), null);
                if (risk.dailyFloor() != null) {
                    gauge("floor_distance", risk.equity().minus(risk.dailyFloor()), "daily");
                }
                if (risk.overallFloor() != null) {
                    gauge("floor_distance", risk.equity().minus(risk.overallFloor()), "overall");
                }
            }
            if (account.risk().book() != null) {
                var book = account.risk().book().risk();
                TradeFigures f = TradeFigures.of(book.closedTrades(), book.tradingDay(), days);
                Kamon.gauge("r_today").withoutTags().update(f.rToday().doubleValue());
                Kamon.gauge("r_week").withoutTags().update(f.rWeek().doubleValue());
            }
        } catch (Exception e) {
            // The account did not answer in time (a restart, a rebalance): the gauges keep their last values.
        }
    }

    private static void gauge(String name, Money amount, String floor) {
        double value = amount.toBigDecimal().doubleValue();
        if (floor == null) {
            Kamon.gauge(name).withTag("currency", amount.currency()).update(value);
        } else {
            Kamon.gauge(name).withTag("currency", amount.currency()).withTag("floor", floor).update(value);
        }
    }
}
