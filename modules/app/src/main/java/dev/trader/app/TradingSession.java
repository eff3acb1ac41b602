package dev.trader.app;

import com.typesafe.config.Config;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.InstrumentBook;
import dev.trader.engine.account.OpenOrder;
import dev.trader.engine.export.ScheduledExports;
import dev.trader.engine.instrument.InstrumentEntity;
import dev.trader.engine.instrument.InstrumentState;
import dev.trader.engine.order.ChildOrder;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.order.ParentOrderEntity;
import dev.trader.engine.order.ParentOrderState;
import dev.trader.engine.pipeline.BarPipeline;
import dev.trader.engine.pipeline.FillRouter;
import dev.trader.engine.position.PositionEntity;
import dev.trader.engine.position.PositionState;
import dev.trader.engine.reconcile.ReconciliationReport;
import dev.trader.engine.reconcile.ReconciliationService;
import dev.trader.engine.settings.ExportSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the cluster does once, not once per node: checking the orders left open (a node that died
 * between journaling an order and hearing the venue's answer), reconciling our books with the
 * venue's, taking the venue's market data into the bar pipeline, and the nightly exports. It runs
 * in {@link TradingSessionSingleton}: on one node at a time, and on another within the failover
 * time when that node dies. Every node keeps its own venue connection for the orders its shards
 * place and for fills.
 */
final class TradingSession {
    private static final Logger LOG = LoggerFactory.getLogger(TradingSession.class);
    /**
     * Where the market data continues: this much before the instruments' last bars. The bars in
     * flight when the session's node died (LiveFeedRunner keeps up to 8) may have reached the
     * instrument but not the strategies or the account; they are fed again, and every stage that
     * has already handled one answers as it did then.
     */
    static final Duration RESUME_OVERLAP = Duration.ofMinutes(10);

    private final Config config;
    private final Engine engine;
    private final Venue venue;
    private final BarPipeline pipeline;
    private final FillRouter fills;
    private final ReconciliationService reconciliation;
    private final ExportSettings exports;
    private final ActorSystem<?> system;
    private volatile LiveFeedRunner live;
    private volatile ScheduledExports scheduledExports;

    TradingSession(Config config, Engine engine, Venue venue, BarPipeline pipeline, FillRouter fills, ReconciliationService reconciliation,
                   ExportSettings exports, ActorSystem<?> system) {
        this.config = config;
        this.engine = engine;
        this.venue = venue;
        this.pipeline = pipeline;
        this.fills = fills;
        this.reconciliation = reconciliation;
        this.exports = exports;
        this.system = system;
    }

    /** Blocking: the singleton runs it on a blocking thread. Nothing is traded until the open orders and the books are checked. */
    void start() throws Exception {
        long began = System.nanoTime();
        reconcileOpenOrders();
        reconcileAtBoot();
        if (venue.marketData().isPresent()) {
            if (live != null) {
                // The session came back to a node whose feed it used before (the singleton's restart after a failure).
                LOG.warn("trading session: the market data of this node is already taken in");
            } else {
                venue.resumeMarketData(lastBars(), config.getDuration("trader.cluster.max-resume-repair").plus(RESUME_OVERLAP));
                live = LiveFeedRunner.start(venue.marketData().get(), pipeline, system);
            }
        }
        if (exports.enabled() && scheduledExports == null) {
            scheduledExports = ScheduledExports.start(system, exports, engine.settings().initialCapital(), Clock.systemUTC());
        }
        LOG.info("trading session started on this node in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    /** The session has moved away or the node stops: no more exports from here. The market data stops with the node's shutdown. */
    void stop() {
        ScheduledExports e = scheduledExports;
        scheduledExports = null;
        if (e != null) {
            e.stop();
        }
    }

    /** The live feed the session takes in on this node, if it runs here. */
    Optional<LiveFeedRunner> liveFeed() {
        return Optional.ofNullable(live);
    }

    /** Per instrument, where the market data continues: the open time of the last bar the engine took, less the overlap. */
    private Map<InstrumentId, Instant> lastBars() throws Exception {
        Map<InstrumentId, Instant> last = new HashMap<>();
        for (var rules : engine.settings().instruments().values()) {
            InstrumentState s = engine.instrument(rules.instrument()).ask(InstrumentEntity.GetStatus::new, engine.settings().askTimeout())
                    .toCompletableFuture().get();
            if (s.watermark() != null) {
                last.put(rules.instrument(), s.watermark().minus(RESUME_OVERLAP));
            }
        }
        return last;
    }

    /**
     * Orders the account still holds open: each checks with the venue and sends itself again (same
     * client order id) only once the venue has shown it does not have it, and every fill the order
     * journaled is routed on again, so a crash between the order's journal and the position's or
     * the account's is completed here. Both are idempotent: a trade id already applied is
     * recognised. Run at the session's start and again when a node has left the cluster (its
     * orders come back to life on the others only when something asks them).
     */
    void reconcileOpenOrders() throws Exception {
        Duration timeout = engine.settings().askTimeout();
        AccountState account = engine.account().ask(AccountEntity.GetStatus::new, timeout).toCompletableFuture().get();
        List<String> open = new ArrayList<>();
        account.openOrders().values().stream().map(OpenOrder::clientOrderId).forEach(open::add);
        // An open order may be a parent order's: its children are the orders the venue has (the parent's own id never reaches it).
        for (OpenOrder o : account.openOrders().values()) {
            ParentOrderState parent = engine.parentOrder(new ClientOrderId(o.clientOrderId())).ask(ParentOrderEntity.GetParent::new, timeout)
                    .toCompletableFuture().get();
            parent.children().stream().map(ChildOrder::clientOrderId).forEach(open::add);
        }
        // The exit orders the positions keep resting (stops, rungs, targets) are not the account's: ask each position.
        for (InstrumentBook b : account.books().values()) {
            Optional<String> latest = b.latestPositionId(account.accountId());
            if (latest.isPresent()) {
                PositionState p = engine.position(latest.get()).ask(PositionEntity.GetPosition::new, timeout).toCompletableFuture().get();
                open.addAll(new TreeSet<>(p.liveOrders()));
            }
        }
        Set<String> accountOrders = new TreeSet<>(account.openOrders().keySet());
        List<CompletableFuture<Void>> checks = open.stream()
                .map(id -> engine.order(new ClientOrderId(id)).ask(OrderEntity.Reconcile::new, timeout).toCompletableFuture()
                        .thenCompose(order -> CompletableFuture.allOf(order.fills().stream()
                                .map(f -> fills.onFill(f).toCompletableFuture()).toArray(CompletableFuture[]::new))
                                .thenCompose(booked -> closeEnded(id, order, accountOrders, timeout))))
                .toList();
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).get();
        if (!checks.isEmpty()) {
            LOG.info("reconciled {} open order(s) with the venue", checks.size());
        }
    }

    /**
     * An order the account holds open that has ended (the venue cancelled, expired or rejected it,
     * or it filled) is closed in the account, after its fills are booked: the account's reservation
     * is released. The pipeline closes such orders as it goes, but an order that ended later on its
     * own (an UNKNOWN answer resolved by a query, a cancel the venue made) or whose node died
     * between the two was left open in the account: the chaos test found one.
     */
    private CompletableFuture<Void> closeEnded(String id, OrderState order, Set<String> accountOrders, Duration timeout) {
        if (!order.exists() || !order.status().isTerminal() || !accountOrders.contains(id)) {
            return CompletableFuture.completedFuture(null);
        }
        LOG.info("order {} is {} at the venue but open in the account: closing it there", id, order.status());
        return engine.account().<AccountState>ask(r -> new AccountEntity.CloseOrder(id, order.status() + ": " + order.lastReason(), r), timeout)
                .toCompletableFuture().thenApply(s -> null);
    }

    /**
     * A venue with books of its own is reconciled with ours before the feed starts, and again after
     * each reconnect and whenever a fill for an unknown order arrives; what cannot be explained holds
     * entries on its instruments ({@code trader.reconciliation}).
     */
    private void reconcileAtBoot() throws Exception {
        if (reconciliation == null) {
            return;
        }
        Config c = config.getConfig("trader.reconciliation");
        ReconciliationReport report = reconciliation.run("boot").toCompletableFuture().get(2 * engine.settings().askTimeout().toMillis()
                + c.getDuration("settle").toMillis() + 60_000, TimeUnit.MILLISECONDS);
        if (!report.clean()) {
            LOG.error("boot reconciliation #{}: entries held on {} until the venue's books are explained (GET /api/reconciliations)",
                    report.number(), report.holds().keySet());
        }
        reconciliation.followReconnects();
    }
}
