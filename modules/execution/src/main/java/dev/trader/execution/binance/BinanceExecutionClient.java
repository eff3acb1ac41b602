package dev.trader.execution.binance;

import static dev.trader.domain.money.FixedPoint.plain;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.SubmitOutcome;
import dev.trader.domain.order.SubmitResult;
import dev.trader.domain.port.ExecutionClient;
import dev.trader.domain.port.FillListener;
import dev.trader.execution.binance.UserDataEvent.ExecutionReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link ExecutionClient} for Binance spot.
 *
 * <p><b>Submit</b> sends {@code POST /api/v3/order} with our client order id as
 * {@code newClientOrderId} (MARKET; LIMIT GTC; STOP_MARKET as STOP_LOSS with a stopPrice), after
 * rounding it to the symbol's filters and refusing locally what the exchange would refuse. A 200 is
 * ACCEPTED with Binance's order id; a Binance refusal (4xx with its error code) is REJECTED with
 * code and message; "Duplicate order sent." is our own earlier submission: it is queried and
 * reported ACCEPTED; a timeout, a reset, a 5xx, -1007 or an unreadable answer is UNKNOWN (the order
 * may exist; the engine queries). A request that never left (breaker open, rate limit) is REJECTED
 * with "not sent". Sending an id this process already sent first asks Binance whether it has it,
 * because Binance only refuses a duplicate id while the first order is open.
 *
 * <p><b>Cancel</b> and <b>query</b> go by origClientOrderId; -2011 on cancel is REJECTED (the engine
 * then queries), -2013 on query is empty (the engine asks again; one not-found proves nothing),
 * any other query failure fails the stage. An id this process never saw is looked for across the
 * traded symbols.
 *
 * <p><b>Reduce-only</b> (spot has none): what our fills hold of each instrument is tracked (and
 * restored at boot with {@link #restoreHolding}); a reduce-only order is capped at it (sent whole when nothing is held yet:
 * the protective stop sent with an entry that has not filled), and once a fill leaves nothing held
 * every other resting reduce-only order of the instrument is cancelled.
 *
 * <p><b>Fills</b> come from the user stream's executionReports and from the myTrades repair after
 * every (re)connect; each trade is delivered once, in order, one at a time (see
 * {@link FillDispatcher}), with the fee in the quote asset (see {@link FeeConverter}; a fee that
 * cannot be converted refuses the fill with an error log and counts it in {@link #refusedFills()}).
 */
public final class BinanceExecutionClient implements ExecutionClient {
    public static final String VENUE = "binance";
    private static final Logger LOG = LoggerFactory.getLogger(BinanceExecutionClient.class);

    private final BinanceRestClient rest;
    private volatile Map<String, BinanceSymbol> symbols;
    private final OrderTracker orders = new OrderTracker();
    private final Holdings holdings = new Holdings();
    private final FillDispatcher fills;
    private final FillGapRepair repair;
    private volatile FeeConverter fees = FeeConverter.quoteAndBaseOnly();
    private final AtomicReference<CompletableFuture<Integer>> runningRepair = new AtomicReference<>();
    /** A repair asked for while one runs: it starts when that one ends. This and the counts below are guarded by heldBack. */
    private CompletableFuture<Integer> nextRepair;
    /** Connections the user stream has begun to open; each one's trades wait for a repair asked for after it began. */
    private long holds;
    /** Of those, how many a completed repair was asked for after; how many the running and the next repair will cover. */
    private long coveredHolds;
    private long runningCovers;
    private long nextCovers;
    /** Stream trades that arrive while a repair runs (or a connection opens) wait for it, so that older repaired trades go first. */
    private final List<TradeReport> heldBack = new ArrayList<>();
    private boolean repairing;
    private final AtomicLong refusedFills = new AtomicLong();
    /** Trades seen and not delivered, by "SYMBOL-tradeId": the reconciliation reports them (bounded: a flood keeps the first). */
    private final Map<String, String> undelivered = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int UNDELIVERED_KEPT = 1000;

    public BinanceExecutionClient(BinanceRestClient rest, Collection<InstrumentRules> instruments, ScheduledExecutorService executor,
                                  Duration fillLookback) {
        this.rest = rest;
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("the Binance client needs at least one instrument to trade");
        }
        Map<String, BinanceSymbol> bySymbol = new LinkedHashMap<>();
        for (InstrumentRules r : instruments) {
            BinanceSymbol s = BinanceSymbol.of(r);
            if (bySymbol.put(s.symbol(), s) != null) {
                throw new IllegalArgumentException("instrument " + r.instrument() + " is listed twice");
            }
        }
        this.symbols = Collections.unmodifiableMap(bySymbol);
        this.fills = new FillDispatcher(executor, 200_000, 5, Duration.ofMillis(200));
        this.repair = new FillGapRepair(rest, () -> List.copyOf(symbols.keySet()), orders, fills, this::applyTrade, this::undelivered, fillLookback);
    }

    @Override
    public String venue() {
        return VENUE;
    }

    @Override
    public void setFillListener(FillListener listener) {
        fills.setListener(listener);
    }

    /** At boot, before start: what the engine's books hold of {@code instrument}, so reduce-only exits can be sent. */
    public void restoreHolding(InstrumentId instrument, Quantity quantity) {
        restoreHolding(instrument, quantity.toBigDecimal());
    }

    /** As {@link #restoreHolding(InstrumentId, Quantity)}, signed: negative for a short. */
    public void restoreHolding(InstrumentId instrument, BigDecimal signedQuantity) {
        tradedSymbol(instrument);
        holdings.restore(instrument, signedQuantity);
    }

    /** At boot, before start: the last Binance trade of {@code instrument} the engine has applied; the fill repair starts after it. */
    public void restoreTradeCursor(InstrumentId instrument, long lastTradeId) {
        fills.restoreCursor(tradedSymbol(instrument).symbol(), lastTradeId);
    }

    /** As {@link #restoreTradeCursor(InstrumentId, long)}, from the trade id of a fill this client delivered ({@code BTCUSDT-123}). */
    public void restoreTradeCursor(InstrumentId instrument, TradeId lastApplied) {
        binanceTradeId(instrument, lastApplied).ifPresentOrElse(id -> restoreTradeCursor(instrument, id),
                () -> LOG.warn("trade id {} is not a Binance trade of {}: no cursor restored", lastApplied, instrument));
    }

    /** The Binance trade number inside one of our trade ids ({@code BTCUSDT-123} → 123), if it is one of {@code instrument}'s. */
    public static OptionalLong binanceTradeId(InstrumentId instrument, TradeId tradeId) {
        String prefix = instrument.symbol() + "-";
        String v = tradeId.value();
        if (!v.startsWith(prefix)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** What our fills (and the restored holding) hold of {@code instrument}, net of fees paid in it. */
    public BigDecimal holding(InstrumentId instrument) {
        return holdings.of(instrument);
    }

    /** Prices of fee assets other than base and quote (BNB), so such fees can be booked; without them those fills are refused. */
    public void setFeeAssetPrices(FeeConverter.AssetPrices prices) {
        this.fees = new FeeConverter(prices);
    }

    /** The traded symbols with the filters in force (the exchange's once started). */
    public List<BinanceSymbol> symbols() {
        return List.copyOf(symbols.values());
    }

    /** Binance may answer -2013 for an order it has (a lost answer, an order still propagating): five denials in a row, a second apart, decide. */
    @Override
    public int notFoundAnswersToConclude() {
        return 5;
    }

    /** Fills refused because their fee could not be converted into the quote asset, or their order id was not one. */
    public long refusedFills() {
        return refusedFills.get();
    }

    /** The trades seen and not delivered ("SYMBOL-tradeId" → why): a fill of ours the books may lack, or a trade that is not ours. */
    public Map<String, String> undeliveredTrades() {
        return Map.copyOf(undelivered);
    }

    void undelivered(String symbol, long tradeId, String why) {
        if (undelivered.size() < UNDELIVERED_KEPT) {
            undelivered.putIfAbsent(symbol + "-" + tradeId, why);
        }
    }

    public long deliveredFills() {
        return fills.delivered();
    }

    /** Completes once every fill accepted so far has been handed to the listener. */
    public CompletionStage<Void> fillsDelivered() {
        return fills.idle();
    }

    /** Adopts exchangeInfo's filters, status and order types for the traded symbols; a traded symbol it lacks fails the start. */
    void adopt(ExchangeInfo info) {
        Map<String, BinanceSymbol> next = new LinkedHashMap<>();
        for (BinanceSymbol s : symbols.values()) {
            SymbolInfo i = info.symbols().get(s.symbol());
            if (i == null) {
                throw new IllegalStateException("Binance's exchangeInfo does not list " + s.symbol());
            }
            BinanceSymbol adopted = s.with(i);
            if (!adopted.toInstrumentRules().equals(s.toInstrumentRules())) {
                LOG.info("{}: Binance's filters {} replace the configured {}", s.symbol(), adopted.toInstrumentRules(), s.toInstrumentRules());
            }
            if (!adopted.trading()) {
                LOG.warn("{} is {} at Binance, not TRADING: orders will be refused", s.symbol(), adopted.status());
            }
            next.put(s.symbol(), adopted);
        }
        symbols = Collections.unmodifiableMap(next);
    }

    @Override
    public CompletionStage<SubmitResult> submit(OrderRequest request) {
        ClientOrderId id = request.clientOrderId();
        BinanceSymbol s = symbols.get(request.instrument().symbol());
        if (s == null || !s.instrument().equals(request.instrument())) {
            return refuse(id, "instrument " + request.instrument() + " is not traded by this Binance client");
        }
        if (!s.trading()) {
            return refuse(id, s.symbol() + " is " + s.status() + " at Binance, not TRADING");
        }
        BinanceOrderType type = switch (request.type()) {
            case MARKET -> BinanceOrderType.MARKET;
            case LIMIT -> BinanceOrderType.LIMIT;
            case STOP_MARKET -> BinanceOrderType.STOP_LOSS;
        };
        if (!s.orderTypes().contains(type.name())) {
            return refuse(id, s.symbol() + " does not accept " + type + " orders at Binance");
        }
        Quantity quantity = request.quantity();
        if (request.reduceOnly()) {
            Quantity reducible = s.filters().floorToLot(Quantity.of(holdings.reducible(request.instrument(), request.side())));
            // Nothing held yet: the protective stop sent with an entry still in flight. It goes out whole
            // (spot cannot rest it as reduce-only); the engine cancels it if the entry ends unfilled.
            if (holdings.of(request.instrument()).signum() != 0 && reducible.isZero()) {
                return refuse(id, "reduce-only " + request.side() + ": nothing to reduce (holding " + plain(holdings.of(request.instrument()))
                        + " " + s.baseAsset() + ")");
            }
            if (!reducible.isZero() && reducible.compareTo(quantity) < 0) {
                LOG.info("reduce-only order {} capped from {} to the {} held", id, quantity, reducible);
                quantity = reducible;
            }
        }
        // No reference price for a MARKET order's notional: Binance checks it against its own average price.
        ExchangeFilters.Checked checked = s.filters().check(request.side(), request.type(), quantity, request.limitPrice(), null);
        if (checked.refused()) {
            return refuse(id, checked.refusal());
        }
        NewOrder order = new NewOrder(s.symbol(), request.side(), type, checked.quantity(),
                type == BinanceOrderType.LIMIT ? checked.price() : null, type == BinanceOrderType.STOP_LOSS ? checked.price() : null, id.value());
        boolean sentBefore = orders.get(id.value()).map(OrderTracker.Tracked::sent).orElse(false);
        orders.sending(id.value(), s.symbol(), request.reduceOnly());
        if (sentBefore) {
            return askThenSend(order, id);
        }
        return send(order, id);
    }

    /** An id we sent before: Binance accepts it again once the first order has ended, so ask first. */
    private CompletionStage<SubmitResult> askThenSend(NewOrder order, ClientOrderId id) {
        return rest.queryOrder(order.symbol(), id.value()).handle((a, e) -> {
            if (e == null) {
                orders.learn(a);
                LOG.info("order {} sent again is already at Binance as {} ({})", id, a.orderId(), a.status());
                return CompletableFuture.completedFuture(SubmitResult.accepted(id, String.valueOf(a.orderId()), order.quantity()));
            }
            BinanceException b = BinanceException.unwrap(e);
            if (b instanceof BinanceApiError api && api.code() == BinanceApiError.NO_SUCH_ORDER) {
                return send(order, id);
            }
            return CompletableFuture.completedFuture(SubmitResult.unknown(id, "could not check the earlier submission: " + b.getMessage()));
        }).thenCompose(Function.identity());
    }

    private CompletionStage<SubmitResult> send(NewOrder order, ClientOrderId id) {
        return rest.newOrder(order).handle((a, e) -> {
            if (e == null) {
                orders.learn(a);
                LOG.info("order {} accepted by Binance as {} {} {} {} ({})", id, a.orderId(), order.side(), order.quantity(), order.symbol(),
                        a.status() == null ? "ACK" : a.status());
                return CompletableFuture.completedFuture(SubmitResult.accepted(id, String.valueOf(a.orderId()), order.quantity()));
            }
            BinanceException b = BinanceException.unwrap(e);
            if (b instanceof BinanceApiError api && api.isDuplicateOrder()) {
                return confirmDuplicate(order, id);
            }
            SubmitResult result = outcome(id, "submit", b);
            if (result.outcome() == SubmitOutcome.REJECTED) {
                orders.ended(id.value(), OrderStatus.REJECTED);
            }
            return CompletableFuture.completedFuture(result);
        }).thenCompose(Function.identity());
    }

    /** "Duplicate order sent.": an open order has our id, i.e. an earlier submission of ours arrived. */
    private CompletionStage<SubmitResult> confirmDuplicate(NewOrder order, ClientOrderId id) {
        return rest.queryOrder(order.symbol(), id.value()).handle((a, e) -> {
            if (e == null) {
                orders.learn(a);
                LOG.info("order {} was already at Binance as {} (duplicate submission)", id, a.orderId());
                return SubmitResult.accepted(id, String.valueOf(a.orderId()), order.quantity());
            }
            return SubmitResult.unknown(id, "Binance reports a duplicate but the order could not be read: " + BinanceException.unwrap(e).getMessage());
        });
    }

    @Override
    public CompletionStage<SubmitResult> cancel(ClientOrderId id) {
        return symbolOf(id).thenCompose(symbol -> {
            if (symbol.isEmpty()) {
                return CompletableFuture.completedFuture(SubmitResult.rejected(id, "Binance does not know order " + id + " on any traded symbol"));
            }
            return rest.cancelOrder(symbol.get(), id.value()).handle((a, e) -> {
                if (e == null) {
                    orders.learn(a);
                    LOG.info("order {} cancelled at Binance", id);
                    return SubmitResult.accepted(id, String.valueOf(a.orderId()));
                }
                return outcome(id, "cancel", BinanceException.unwrap(e));
            });
        }).exceptionally(e -> outcome(id, "cancel", BinanceException.unwrap(e)));
    }

    @Override
    public CompletionStage<Optional<OrderStatus>> query(ClientOrderId id) {
        Optional<String> known = orders.get(id.value()).map(OrderTracker.Tracked::symbol);
        if (known.isPresent()) {
            return queryOn(known.get(), id).thenApply(a -> a.map(x -> x.status().toOrderStatus()));
        }
        return findAcrossSymbols(id).thenApply(a -> a.map(x -> x.status().toOrderStatus()));
    }

    /** The order on {@code symbol}, empty on -2013; any other failure fails the stage. */
    private CompletionStage<Optional<OrderAnswer>> queryOn(String symbol, ClientOrderId id) {
        return rest.queryOrder(symbol, id.value()).handle((a, e) -> {
            if (e == null) {
                orders.learn(a);
                return Optional.of(a);
            }
            BinanceException b = BinanceException.unwrap(e);
            if (b instanceof BinanceApiError api && api.code() == BinanceApiError.NO_SUCH_ORDER) {
                LOG.debug("order {} is not known to Binance on {} (-2013)", id, symbol);
                return Optional.empty();
            }
            throw b;
        });
    }

    private CompletionStage<Optional<OrderAnswer>> findAcrossSymbols(ClientOrderId id) {
        CompletionStage<Optional<OrderAnswer>> chain = CompletableFuture.completedFuture(Optional.empty());
        for (String symbol : symbols.keySet()) {
            chain = chain.thenCompose(found -> found.isPresent() ? CompletableFuture.completedFuture(found) : queryOn(symbol, id));
        }
        return chain;
    }

    private CompletionStage<Optional<String>> symbolOf(ClientOrderId id) {
        Optional<String> known = orders.get(id.value()).map(OrderTracker.Tracked::symbol);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known);
        }
        return findAcrossSymbols(id).thenApply(a -> a.map(OrderAnswer::symbol));
    }

    private BinanceSymbol tradedSymbol(InstrumentId instrument) {
        BinanceSymbol s = symbols.get(instrument.symbol());
        if (s == null || !s.instrument().equals(instrument)) {
            throw new IllegalArgumentException("instrument " + instrument + " is not traded by this Binance client");
        }
        return s;
    }

    /** A failed request as the engine's answer: REJECTED when it certainly had no effect, UNKNOWN when it may have. */
    private static SubmitResult outcome(ClientOrderId id, String what, BinanceException b) {
        String reason = b instanceof BinanceApiError api ? api.reason() : b.getMessage();
        if (b.outcomeUnknown()) {
            LOG.warn("{} of order {}: outcome UNKNOWN ({})", what, id, reason);
            return SubmitResult.unknown(id, reason);
        }
        LOG.info("{} of order {} REJECTED: {}", what, id, reason);
        return SubmitResult.rejected(id, reason);
    }

    private static CompletionStage<SubmitResult> refuse(ClientOrderId id, String reason) {
        LOG.info("order {} REJECTED before sending: {}", id, reason);
        return CompletableFuture.completedFuture(SubmitResult.rejected(id, reason));
    }

    /**
     * Recovers the fills the user stream missed (myTrades after the last trade seen); stream trades
     * arriving meanwhile are held back and follow. A call while a run is under way gets a run of its
     * own after it (the two share it with later calls until it starts): the running one may have read
     * myTrades before the trades the new call is about had happened. Stream trades stay held back
     * until the last requested run has ended.
     *
     * <p>Found against the simulator's KILL_USER_STREAM: (1) when calls shared the running repair, a
     * reconnect during a repair got no repair of its own, and the trades of the second outage were
     * never fetched; (2) stream trades were held back only from the start of the repair, so a report
     * arriving on a new connection before its repair started moved the cursor past the outage.
     * Either way the stream's next trade moved the cursor past trades never delivered, for good.
     */
    public CompletionStage<Integer> repairFills() {
        CompletableFuture<Integer> run;
        synchronized (heldBack) {
            repairing = true;
            if (runningRepair.get() != null) {
                if (nextRepair == null) {
                    nextRepair = new CompletableFuture<>();
                }
                nextCovers = holds;
                return nextRepair;
            }
            run = new CompletableFuture<>();
            runningRepair.set(run);
            runningCovers = holds;
        }
        startRepair(run);
        return run;
    }

    /**
     * The user stream is about to open a connection: its trades wait until a repair asked for after
     * this (the one that follows the connect) has run, whatever repair is running now.
     */
    void holdStreamTrades() {
        synchronized (heldBack) {
            repairing = true;
            holds++;
        }
    }

    private void startRepair(CompletableFuture<Integer> run) {
        CompletionStage<Integer> running;
        try {
            running = repair.run();
        } catch (RuntimeException e) {
            running = CompletableFuture.failedFuture(e); // a run that cannot start must still end, or trades stay held
        }
        running.whenComplete((n, e) -> {
            CompletableFuture<Integer> next;
            synchronized (heldBack) {
                coveredHolds = Math.max(coveredHolds, runningCovers);
                next = nextRepair;
                nextRepair = null;
                runningRepair.set(next);
                if (next != null) {
                    runningCovers = nextCovers;
                } else if (coveredHolds >= holds) {
                    repairing = false;
                    // Released under the lock, so that a stream trade arriving now waits for the older ones.
                    List<TradeReport> release = new ArrayList<>(heldBack);
                    heldBack.clear();
                    for (TradeReport t : release) {
                        try {
                            applyTrade(t);
                        } catch (RuntimeException x) {
                            LOG.error("held-back trade {} of {} could not be applied", t.tradeId(), t.symbol(), x);
                        }
                    }
                }
            }
            if (next != null) {
                startRepair(next);
            }
            if (e != null) {
                run.completeExceptionally(BinanceException.unwrap(e));
            } else {
                run.complete(n);
            }
        });
    }

    /** An executionReport from the user stream: learns the order's state, and its trade if it is one. */
    void onExecutionReport(ExecutionReport r) {
        BinanceSymbol s = symbols.get(r.symbol());
        if (s == null) {
            LOG.debug("executionReport for {} which is not traded here: ignored", r.symbol());
            return;
        }
        if (!r.orderClientId().isEmpty()) {
            orders.learn(r.symbol(), r.orderId(), r.orderClientId(), r.status().toOrderStatus());
        }
        if (r.isTrade()) {
            acceptTrade(new TradeReport(r.symbol(), r.tradeId(), r.clientOrderId(), r.side(), r.lastPrice(), r.lastQuantity(), r.commission(),
                    r.commissionAsset(), r.transactionTime(), "executionReport"));
        }
    }

    /** A stream trade waits while a repair runs, so that repaired (earlier) trades reach the engine first; repaired ones go straight to {@link #applyTrade}. */
    private void acceptTrade(TradeReport t) {
        synchronized (heldBack) {
            if (repairing) {
                heldBack.add(t);
                return;
            }
        }
        applyTrade(t);
    }

    /** Turns a trade into a Fill, hands it on once, and keeps the holding. */
    private void applyTrade(TradeReport t) {
        BinanceSymbol s = symbols.get(t.symbol());
        if (s == null) {
            return;
        }
        if (fills.seen(t.symbol(), t.tradeId())) {
            return;
        }
        ClientOrderId id;
        try {
            id = new ClientOrderId(t.clientOrderId());
        } catch (IllegalArgumentException e) {
            refusedFills.incrementAndGet();
            undelivered(t.symbol(), t.tradeId(), "client order id '" + StrictJson.clip(t.clientOrderId()) + "' is not a usable one");
            LOG.error("trade {} of {} ({}) has no usable client order id '{}': NOT delivered", t.tradeId(), t.symbol(), t.source(),
                    StrictJson.clip(t.clientOrderId()));
            return;
        }
        String asset = t.commissionAsset() == null ? s.quoteAsset() : t.commissionAsset();
        Optional<Money> fee = fees.toQuote(t.commission(), asset, t.price(), s);
        if (fee.isEmpty()) {
            refusedFills.incrementAndGet();
            undelivered(t.symbol(), t.tradeId(), "its fee in " + asset + " could not be converted into " + s.quoteAsset());
            LOG.error("trade {} of order {} ({} {} {} at {}) paid its fee of {} {} and no {} price of {} is known: fill NOT delivered; "
                            + "configure fee asset prices or pay fees in the traded assets", t.tradeId(), id, t.side(), t.quantity(), t.symbol(),
                    t.price(), t.commission().toPlainString(), asset, s.quoteAsset(), asset);
            return;
        }
        Fill fill = new Fill(id, new TradeId(t.symbol() + "-" + t.tradeId()), s.instrument(), t.side(), t.price(), t.quantity(), fee.get(),
                t.time());
        if (!fills.offer(t.symbol(), t.tradeId(), fill)) {
            return;
        }
        BigDecimal delta = t.side() == OrderSide.BUY ? t.quantity().toBigDecimal() : t.quantity().toBigDecimal().negate();
        if (asset.equals(s.baseAsset())) {
            delta = delta.subtract(t.commission()); // Binance takes a base-asset fee out of what is held
        }
        BigDecimal[] beforeAfter = holdings.add(s.instrument(), delta);
        LOG.info("fill {} of order {}: {} {} {} at {} (fee {}), holding {} -> {}", fill.tradeId(), id, t.side(), t.quantity(), t.symbol(),
                t.price(), fee.get(), plain(beforeAfter[0]), plain(beforeAfter[1]));
        if (!nothingHeld(s, beforeAfter[0]) && nothingHeld(s, beforeAfter[1])) {
            cancelRestingReduceOnly(s, id.value());
        }
    }


    /** Less than one lot either way: nothing a reduce-only order could still trade. */
    private static boolean nothingHeld(BinanceSymbol s, BigDecimal held) {
        return s.filters().floorToLot(Quantity.of(held.abs())).isZero();
    }

    private void cancelRestingReduceOnly(BinanceSymbol s, String filledOrder) {
        List<String> resting = orders.openReduceOnly(s.symbol()).stream().filter(id -> !id.equals(filledOrder)).toList();
        if (resting.isEmpty()) {
            return;
        }
        LOG.info("nothing is held of {} any more: cancelling {} resting reduce-only order(s)", s.symbol(), resting.size());
        for (String id : resting) {
            cancel(new ClientOrderId(id)).whenComplete((r, e) -> LOG.info("reduce-only order {} of {}: {}", id, s.symbol(),
                    e != null ? e.getMessage() : r.outcome() + (r.reason().isEmpty() ? "" : " " + r.reason())));
        }
    }
}
