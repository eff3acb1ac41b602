package dev.trader.engine.reconcile;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.FixedPoint;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.port.VenueSnapshot;
import dev.trader.domain.port.VenueStatement;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.InstrumentBook;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.position.PositionEntity;
import dev.trader.engine.position.PositionState;
import dev.trader.engine.reconcile.Finding.Kind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles our journal with a venue that keeps its own books: at boot (before the feed starts),
 * after every reconnect of the venue's stream, when a fill arrives for an order we do not know,
 * on an operator's request, and again every {@code recheck} while anything is held.
 *
 * <p>A run reads the venue (which first delivers the fills it had missed), reads our books, and
 * compares ({@link Reconciler}). A difference is reported only when a second reading
 * {@code settle} later shows it too, so an order filling while the venue is read does not stop
 * trading. The report is journaled ({@link ReconciliationEntity}); then the account holds entries on
 * every instrument with a finding and releases the others. It fails closed: a venue that cannot be
 * read holds every instrument. Runs never overlap; triggers during a run share the next one.
 */
public final class ReconciliationService {
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationService.class);
    private static final int READ_ATTEMPTS = 3;

    private final Engine engine;
    private final VenueStatement venue;
    private final Duration settle;
    private final Duration recheck;
    private final Duration timeout;
    private CompletableFuture<ReconciliationReport> running = CompletableFuture.completedFuture(null);
    private CompletableFuture<ReconciliationReport> queued;
    private boolean recheckScheduled;
    private volatile boolean stopped;
    /** Until the boot reconciliation has run, an unknown-order fill is only kept (that run reports it). */
    private volatile boolean following;

    public ReconciliationService(Engine engine, VenueStatement venue, Duration settle, Duration recheck) {
        this.engine = engine;
        this.venue = venue;
        this.settle = settle;
        this.recheck = recheck;
        this.timeout = engine.settings().askTimeout();
    }

    /** Reconciles after each reconnect of the venue from now on. */
    public ReconciliationService followReconnects() {
        following = true;
        venue.onReconnect(() -> run("reconnect"));
        return this;
    }

    /** A fill for a client order id our journal does not know: a trade at the venue that is not ours. Journaled, then reconciled. */
    public void unknownOrderFill(Fill fill) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("clientOrderId", fill.clientOrderId().value());
        facts.put("side", fill.side().name());
        facts.put("quantity", fill.quantity().toString());
        facts.put("price", fill.price().toString());
        Finding finding = new Finding(fill.instrument().value(), Kind.UNKNOWN_ORDER_FILL, fill.tradeId().value(),
                "fill " + fill.tradeId() + " (" + fill.side() + " " + fill.quantity() + " at " + fill.price() + ") is for order '"
                        + fill.clientOrderId() + "', which our journal does not know", facts);
        engine.reconciliation().<ReconciliationState>ask(r -> new ReconciliationEntity.RecordUnknownFill(finding, r), timeout)
                .whenComplete((s, e) -> {
                    if (e != null) {
                        LOG.error("unknown-order fill {} could not be journaled for the reconciliation: {}", fill.tradeId(), e.toString());
                    }
                    if (following) {
                        run("unknown-fill");
                    }
                });
    }

    /** Reconciles now, or right after the run in progress (sharing a run already queued). */
    public synchronized CompletionStage<ReconciliationReport> run(String trigger) {
        if (stopped) {
            return CompletableFuture.failedFuture(new IllegalStateException("the reconciliation has stopped"));
        }
        if (queued != null) {
            return queued;
        }
        CompletableFuture<ReconciliationReport> next = new CompletableFuture<>();
        CompletableFuture<ReconciliationReport> previous = running;
        queued = next;
        running = next;
        previous.handle((r, e) -> null).thenCompose(x -> {
            synchronized (this) {
                if (queued == next) {
                    queued = null;
                }
            }
            return reconcile(trigger);
        }).whenComplete((r, e) -> {
            if (e != null) {
                next.completeExceptionally(e);
            } else {
                next.complete(r);
            }
        });
        return next;
    }

    public CompletionStage<ReconciliationState> state() {
        return engine.reconciliation().ask(ReconciliationEntity.Get::new, timeout);
    }

    /** An operator takes the latest findings on {@code instrument} as explained; a new reconciliation follows at once. */
    public CompletionStage<Acknowledgement> acknowledge(String instrument, String reason) {
        return engine.reconciliation().<ReconciliationEntity.Acknowledged>ask(
                        r -> new ReconciliationEntity.Acknowledge(instrument, reason, Instant.now(), r), timeout)
                .thenCompose(ack -> run("acknowledge").thenApply(report -> new Acknowledgement(ack, report)));
    }

    public record Acknowledgement(ReconciliationEntity.Acknowledged acknowledged, ReconciliationReport report) {
    }

    public void stop() {
        stopped = true;
    }

    private CompletableFuture<ReconciliationReport> reconcile(String trigger) {
        CompletableFuture<ReconciliationReport> done = state().toCompletableFuture().thenCompose(state -> reading(state).thenCompose(first -> {
            if (first.outcome().findings().isEmpty() && first.outcome().baselinesTaken().isEmpty()) {
                return record(trigger, first, List.of(), Map.of(), List.of());
            }
            return later(settle).thenCompose(v -> reading(state)).thenCompose(second -> confirmed(trigger, state, first, second));
        })).toCompletableFuture();
        return done.exceptionallyCompose(e -> unreadable(trigger, e)).thenCompose(report -> hold(report).thenApply(s -> report));
    }

    /**
     * What the second reading confirms of the first. A new difference counts when it is seen again
     * with the same figures (a trade in flight moves them); one the last report already held stays
     * held while it is seen at all, so that movement between two readings cannot release it. A
     * baseline is taken only when both readings give the same one.
     */
    private CompletableFuture<ReconciliationReport> confirmed(String trigger, ReconciliationState state, Reading first, Reading second) {
        Set<String> firstKeys = new HashSet<>();
        Set<String> firstAckKeys = new HashSet<>();
        first.outcome().findings().forEach(f -> {
            firstKeys.add(f.confirmKey());
            firstAckKeys.add(f.ackKey());
        });
        Set<String> heldBefore = new HashSet<>();
        if (state.latest() != null) {
            state.latest().findings().forEach(f -> heldBefore.add(f.ackKey()));
        }
        List<Finding> confirmed = second.outcome().findings().stream()
                .filter(f -> firstKeys.contains(f.confirmKey()) || (heldBefore.contains(f.ackKey()) && firstAckKeys.contains(f.ackKey())))
                .toList();
        List<String> notes = new ArrayList<>();
        long gone = firstKeys.size() - confirmed.stream().map(Finding::confirmKey).distinct().count();
        if (gone > 0) {
            notes.add(gone + " difference(s) of the first reading were not seen again " + settle.toMillis() + " ms later");
        }
        Map<String, BigDecimal> baselines = new HashMap<>();
        first.outcome().baselinesTaken().forEach((asset, b) -> {
            BigDecimal again = second.outcome().baselinesTaken().get(asset);
            if (again != null && again.compareTo(b) == 0) {
                baselines.put(asset, b);
            } else {
                notes.add("the baseline of " + asset + " was not taken: the two readings gave " + FixedPoint.plain(b) + " and "
                        + (again == null ? "none" : FixedPoint.plain(again)) + "; the next reconciliation tries again");
                scheduleRecheck();
            }
        });
        return record(trigger, second, confirmed, baselines, notes);
    }

    private record Reading(VenueSnapshot venue, Reconciler.Outcome outcome) {
    }

    private CompletableFuture<Reading> reading(ReconciliationState state) {
        return snapshot(1).thenCompose(snapshot -> ourBooks(snapshot, state)
                .thenApply(ours -> new Reading(snapshot, Reconciler.compare(snapshot, ours, state))));
    }

    /** A failed reading is tried again (a moment's network trouble must not hold every instrument) before it counts. */
    private CompletableFuture<VenueSnapshot> snapshot(int attempt) {
        return venue.snapshot().toCompletableFuture().exceptionallyCompose(e -> {
            if (attempt >= READ_ATTEMPTS || stopped) {
                return CompletableFuture.failedFuture(e);
            }
            LOG.warn("reconciliation: reading the venue failed (attempt {} of {}): {}", attempt, READ_ATTEMPTS, e.getMessage());
            return later(settle.multipliedBy(attempt)).thenCompose(v -> snapshot(attempt + 1));
        });
    }

    private CompletableFuture<ReconciliationReport> record(String trigger, Reading reading, List<Finding> findings,
                                                          Map<String, BigDecimal> baselines, List<String> extraNotes) {
        List<String> notes = new ArrayList<>(reading.outcome().notes());
        notes.addAll(extraNotes);
        return engine.reconciliation().<ReconciliationReport>ask(r -> new ReconciliationEntity.Record(trigger, reading.venue().takenAt(),
                reading.venue().fillsRepaired(), reading.venue().openOrders().size(), findings, baselines, notes, r),
                timeout).toCompletableFuture();
    }

    /** The venue could not be read: nothing is known to agree, so every traded instrument is held. */
    private CompletableFuture<ReconciliationReport> unreadable(String trigger, Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        String why = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        LOG.error("reconciliation ({}) could not read the venue: {}", trigger, why);
        List<Finding> findings = engine.settings().instruments().keySet().stream().sorted()
                .map(i -> new Finding(i, Kind.VENUE_UNREADABLE, "venue", "the venue could not be read: " + why, Map.of())).toList();
        return engine.reconciliation().<ReconciliationReport>ask(r -> new ReconciliationEntity.Record(trigger, Instant.now(), 0, 0, findings,
                Map.of(), List.of(), r), timeout).toCompletableFuture();
    }

    private CompletableFuture<AccountState> hold(ReconciliationReport report) {
        return engine.account().<AccountState>ask(r -> new AccountEntity.SetReconciliationHolds(report.holds(), r), timeout)
                .toCompletableFuture().whenComplete((s, e) -> {
                    if (e == null && !report.holds().isEmpty()) {
                        scheduleRecheck();
                    }
                });
    }

    private synchronized void scheduleRecheck() {
        if (recheckScheduled || stopped) {
            return;
        }
        recheckScheduled = true;
        later(recheck).thenRun(() -> {
            synchronized (this) {
                recheckScheduled = false;
            }
            run("recheck");
        });
    }

    private CompletableFuture<Void> later(Duration delay) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(() -> f.complete(null));
        return f;
    }

    /** Our journal's view of what the venue showed: the status of each order it lists, and what each instrument's latest position holds. */
    private CompletableFuture<OurBooks> ourBooks(VenueSnapshot snapshot, ReconciliationState state) {
        Map<String, OrderStatus> statuses = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> asks = new ArrayList<>();
        for (VenueSnapshot.OpenOrder o : snapshot.openOrders()) {
            Optional<ClientOrderId> id = clientOrderId(o.clientOrderId());
            id.ifPresent(cid -> asks.add(engine.order(cid).<OrderState>ask(OrderEntity.GetOrder::new, timeout).toCompletableFuture()
                    .thenAccept(s -> {
                        if (s.exists()) {
                            statuses.put(cid.value(), s.status());
                        }
                    })));
        }
        Map<String, String> baseAssets = new HashMap<>();
        for (InstrumentRules r : engine.settings().instruments().values()) {
            baseAssets.put(r.instrument().value(), r.baseAsset());
        }
        Map<String, BigDecimal> holdings = new ConcurrentHashMap<>();
        CompletableFuture<Void> positions = engine.account().<AccountState>ask(AccountEntity.GetStatus::new, timeout).toCompletableFuture()
                .thenCompose(account -> {
                    List<CompletableFuture<?>> each = new ArrayList<>();
                    for (String instrument : baseAssets.keySet()) {
                        InstrumentBook book = account.books().get(instrument);
                        Optional<String> latest = book == null ? Optional.empty() : book.latestPositionId(account.accountId());
                        latest.ifPresent(p -> each.add(engine.position(p).<PositionState>ask(PositionEntity.GetPosition::new, timeout)
                                .toCompletableFuture().thenAccept(s -> holdings.put(instrument, s.position().signedQuantity()))));
                    }
                    return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new));
                });
        asks.add(positions);
        return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
                .thenApply(v -> new OurBooks(statuses, holdings, baseAssets, List.copyOf(state.unknownFills().values())));
    }

    private static Optional<ClientOrderId> clientOrderId(String value) {
        try {
            return Optional.of(new ClientOrderId(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
