package dev.trader.app;

import dev.trader.api.StatusService;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.GuardRules;
import dev.trader.engine.alert.AlertBook;
import dev.trader.engine.alert.AlertInputs;
import dev.trader.engine.alert.AlertRules;
import dev.trader.engine.metrics.BarArrivals;
import dev.trader.engine.metrics.TradingMetrics;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the alert rules every {@code trader.alerts.evaluate-every} over what the node sees: the
 * guards' refusals counted since it started, bar arrivals, the slippage of orders completed since
 * it started, the account's closed trades and reconciliation holds, and the journal database.
 */
final class AlertMonitor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertMonitor.class);

    private final AlertRules rules;
    private final AlertBook book;
    private final StatusService status;
    private final BarArrivals arrivals;
    private final Supplier<String> journal;
    private final Clock clock;
    private final Duration timeout;
    /** Slippage recorded in this JVM before this node started belongs to another node. */
    private final long slippageFrom = TradingMetrics.slippageRecorded();

    AlertMonitor(AlertRules rules, AlertBook book, StatusService status, BarArrivals arrivals, Supplier<String> journal, Clock clock,
                 Duration timeout) {
        this.rules = rules;
        this.book = book;
        this.status = status;
        this.arrivals = arrivals;
        this.journal = journal;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public void run() {
        try {
            book.update(rules.evaluate(inputs()), clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("alert evaluation failed: {}", e.toString());
        }
    }

    private AlertInputs inputs() {
        String db = journal.get();
        long floors = GuardRules.FLOORS.stream().mapToLong(rule -> TradingMetrics.count("guard_rejections:" + rule)).sum();
        Map<String, List<BigDecimal>> slippage = new TreeMap<>();
        arrivals.sinceLatest().keySet().forEach(i -> slippage.put(i, TradingMetrics.slippageAfter(i, slippageFrom)));
        List<Boolean> won = List.of();
        Map<String, String> holds = Map.of();
        AccountState account = accountOrNull();
        if (account != null) {
            holds = account.reconciliationHolds();
            if (account.risk().book() != null) {
                won = account.risk().book().risk().closedTrades().stream().map(t -> t.netPnl().raw() > 0).toList();
            }
        }
        return new AlertInputs(clock.instant(), TradingMetrics.count("guard_rejections:" + GuardRules.KILL_SWITCH), floors, arrivals.sinceLatest(),
                slippage, won, holds, "ok".equals(db) ? null : db);
    }

    /** The account as it answers now; null when it does not in time (the journal's own alert covers a journal that is down). */
    private AccountState accountOrNull() {
        try {
            return status.account().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return null;
        }
    }
}
