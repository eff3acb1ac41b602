package dev.trader.execution.sim.exchange;

import dev.trader.domain.order.OrderSide;
import dev.trader.execution.sim.api.BinanceError;
import dev.trader.execution.sim.api.Decimals;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.config.SymbolSpec;
import dev.trader.execution.sim.market.MarketClock;
import dev.trader.execution.sim.market.MarketTimeline;
import dev.trader.execution.sim.market.SimBar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The exchange's matching engine and its accounting: accepts orders (checking symbol, filters and
 * balance before changing anything, so a refused order leaves no trace), cancels them, and trades
 * the open ones against each replayed bar as {@link BarMatching} plans it, within the bar's
 * volume ({@code maxParticipation} per order per bar: the rest stays open, which is how partial
 * fills happen). Every change is reported to the listener as it happens, in market time.
 * All operations hold the {@link SimLedger}'s lock, so a snapshot never sees half an operation.
 */
public final class MatchingEngine {
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SimConfig config;
    private final SimLedger ledger;
    private final MarketTimeline timeline;
    private final MarketClock clock;
    private final Consumer<ExchangeEvent> listener;
    private final FundsLock funds;
    private final Map<String, BigDecimal> lastClose = new HashMap<>();
    private final SplittableRandom ids;
    private long nextOrderId = 1;
    private long nextTradeId = 1;
    private long nextExecutionId = 1;

    public MatchingEngine(SimConfig config, SimLedger ledger, MarketTimeline timeline, MarketClock clock, Consumer<ExchangeEvent> listener) {
        this.config = config;
        this.ledger = ledger;
        this.timeline = timeline;
        this.clock = clock;
        this.listener = listener;
        this.funds = new FundsLock(config.marketLockMargin(), config.makerFeeRate().max(config.takerFeeRate()));
        this.ids = new SplittableRandom(config.seed());
        synchronized (ledger) {
            for (SymbolSpec s : config.symbols()) {
                ledger.ensureAsset(s.baseAsset());
                ledger.ensureAsset(s.quoteAsset());
            }
        }
    }

    public SimLedger ledger() {
        return ledger;
    }

    /**
     * Accepts {@code request} at the market clock's time (its {@code time}, the transactTime), or
     * throws the Binance error that refuses it (nothing changed then).
     */
    public OrderView place(NewOrder request) {
        synchronized (ledger) {
            long now = clock.now();
            SymbolSpec spec = spec(request.symbol());
            if (request.clientOrderId() != null && ledger.open(spec.symbol()).stream().anyMatch(o -> o.clientOrderId.equals(request.clientOrderId()))) {
                throw BinanceError.duplicateOrder().exception();
            }
            BigDecimal reference = referencePrice(spec.symbol());
            if (request.type() == SimOrderType.MARKET && reference == null) {
                throw BinanceError.marketClosed().exception();
            }
            OrderChecks.check(spec, request, reference);
            String clientOrderId = request.clientOrderId() != null ? request.clientOrderId() : generatedId(22);
            WorkingOrder o = new WorkingOrder(nextOrderId, request, clientOrderId, now, now + config.latency().toMillis());
            String lockAsset = lockAsset(o, spec);
            BigDecimal free = ledger.free(lockAsset);
            BigDecimal need = funds.required(o, reference, spec.stepSize());
            if (o.side == OrderSide.SELL && o.isQuoteOrder()) {
                if (free.compareTo(FundsLock.minimumSellBase(o, reference, spec.stepSize())) < 0) {
                    throw BinanceError.insufficientBalance().exception();
                }
                need = need.min(free);
            }
            if (need.compareTo(free) > 0) {
                throw BinanceError.insufficientBalance().exception();
            }
            nextOrderId++;
            ledger.add(o);
            o.locked = need;
            ledger.lock(lockAsset, need, now);
            orderEvent(now, ExecutionType.NEW, o, null, null);
            balanceEvent(now, lockAsset);
            return o.view();
        }
    }

    /**
     * Cancels an open order; -2011 "Unknown order sent." when there is no such open order, -2011
     * "Order was not canceled due to cancel restrictions." when {@code requiredStatus} (Binance's
     * cancelRestrictions; null for none) is not the order's status.
     */
    public CancelResult cancel(String symbol, Long orderId, String origClientOrderId, String cancelClientOrderId,
                               SimOrderStatus requiredStatus) {
        synchronized (ledger) {
            long now = clock.now();
            SymbolSpec spec = spec(symbol);
            WorkingOrder o = find(spec.symbol(), orderId, origClientOrderId).orElseThrow(() -> BinanceError.unknownOrderOnCancel().exception());
            if (!o.status.isOpen()) {
                throw BinanceError.unknownOrderOnCancel().exception();
            }
            if (requiredStatus != null && o.status != requiredStatus) {
                throw new BinanceError(400, -2011, "Order was not canceled due to cancel restrictions.").exception();
            }
            String cancelId = cancelClientOrderId != null ? cancelClientOrderId : generatedId(22);
            o.status = SimOrderStatus.CANCELED;
            o.updateTime = now;
            String asset = releaseLock(o, spec, now);
            orderEvent(now, ExecutionType.CANCELED, o, null, cancelId);
            balanceEvent(now, asset);
            return new CancelResult(o.view(), cancelId);
        }
    }

    /** Cancels every open order of {@code symbol}, oldest first (DELETE /api/v3/openOrders); -2011 when there is none. */
    public List<CancelResult> cancelAll(String symbol) {
        synchronized (ledger) {
            SymbolSpec spec = spec(symbol);
            List<WorkingOrder> open = ledger.open(spec.symbol());
            if (open.isEmpty()) {
                throw BinanceError.unknownOrderOnCancel().exception();
            }
            List<CancelResult> out = new ArrayList<>();
            for (WorkingOrder o : open) {
                out.add(cancel(symbol, o.orderId, null, null, null));
            }
            return out;
        }
    }

    /** The order of {@code symbol} with {@code orderId} (then checked against {@code origClientOrderId} if both given), or by client id. */
    public Optional<OrderView> query(String symbol, Long orderId, String origClientOrderId) {
        synchronized (ledger) {
            return find(spec(symbol).symbol(), orderId, origClientOrderId).map(WorkingOrder::view);
        }
    }

    /** The last close of {@code symbol}, or the open of its first bar before any has closed; null without market data. */
    public BigDecimal referencePrice(String symbol) {
        synchronized (ledger) {
            BigDecimal last = lastClose.get(symbol);
            return last != null ? last : timeline.firstBar(symbol).map(SimBar::open).orElse(null);
        }
    }

    /** Trades the open orders of the bar's symbol against it, then remembers its close as the last price. */
    public void onBar(SimBar bar) {
        synchronized (ledger) {
            SymbolSpec spec = spec(bar.symbol());
            List<WorkingOrder> eligible = ledger.open(bar.symbol()).stream().filter(o -> o.eligibleFrom <= bar.openTime()).toList();
            if (!eligible.isEmpty()) {
                BarMatching.Plan plan = BarMatching.plan(bar, eligible);
                for (WorkingOrder o : eligible) {
                    if (plan.triggered(o)) {
                        o.workingTime = bar.openTime(); // which makes it triggered()
                    }
                }
                BigDecimal cap = Decimals.floorToStep(bar.volume().multiply(config.maxParticipation()), spec.stepSize());
                for (BarMatching.Match m : plan.matches()) {
                    fill(m, bar, spec, cap);
                }
                for (WorkingOrder o : eligible) {
                    boolean firstInstant = o.type == SimOrderType.LIMIT ? o.barsSeen == 0 : plan.triggered(o);
                    o.barsSeen++;
                    if (o.status.isOpen() && o.timeInForce != null && o.timeInForce != TimeInForce.GTC && firstInstant) {
                        expire(o, spec, bar.openTime());
                    }
                }
            }
            lastClose.put(bar.symbol(), bar.close());
        }
    }

    private void fill(BarMatching.Match m, SimBar bar, SymbolSpec spec, BigDecimal cap) {
        WorkingOrder o = m.order();
        if (!o.status.isOpen()) {
            return;
        }
        BigDecimal price = m.price();
        BigDecimal step = spec.stepSize();
        BigDecimal q = o.isQuoteOrder() ? quoteLeftInSteps(o, price, step) : o.remainingQty();
        if (o.isQuoteOrder() && o.side == OrderSide.SELL) {
            q = Decimals.floorToStep(q.min(o.locked), step);
        }
        q = q.min(cap);
        if (q.signum() == 0) {
            if (o.isQuoteOrder() && cap.signum() > 0) {
                expire(o, spec, bar.openTime()); // what is left of the quote amount buys less than one step
            }
            return;
        }
        if (o.timeInForce == TimeInForce.FOK && q.compareTo(o.remainingQty()) < 0) {
            return; // expires at the end of the bar, untouched
        }
        BigDecimal rate = m.taker() ? config.takerFeeRate() : config.makerFeeRate();
        if (o.side == OrderSide.BUY) {
            q = affordable(q, price, rate, o.locked.add(ledger.free(spec.quoteAsset())), step);
            if (q.signum() == 0) {
                expire(o, spec, bar.openTime()); // cannot pay for a single step any more: Binance expires such a market order
                return;
            }
        }
        long time = bar.openTime();
        BigDecimal quoteQty = Decimals.round8(price.multiply(q));
        BigDecimal commission = Decimals.round8(quoteQty.multiply(rate));
        if (o.side == OrderSide.BUY) {
            ledger.unlock(spec.quoteAsset(), o.locked, time);
            o.locked = BigDecimal.ZERO;
            ledger.credit(spec.quoteAsset(), quoteQty.add(commission).negate(), time);
            ledger.credit(spec.baseAsset(), q, time);
        } else {
            ledger.spendLocked(spec.baseAsset(), q, time);
            o.locked = o.locked.subtract(q);
            ledger.credit(spec.quoteAsset(), quoteQty.subtract(commission), time);
        }
        o.executedQty = o.executedQty.add(q);
        o.cumQuote = o.cumQuote.add(quoteQty);
        o.updateTime = time;
        TradeView trade = new TradeView(nextTradeId++, spec.symbol(), o.orderId, o.side, price, q, quoteQty, commission,
                spec.quoteAsset(), time, !m.taker());
        ledger.addTrade(trade);
        boolean done = o.isQuoteOrder()
                ? quoteLeftInSteps(o, price, step).signum() == 0
                        || (o.side == OrderSide.SELL && o.locked.signum() == 0)
                : o.remainingQty().signum() == 0;
        if (done) {
            o.status = SimOrderStatus.FILLED;
            releaseLock(o, spec, time);
        } else {
            o.status = SimOrderStatus.PARTIALLY_FILLED;
            if (o.side == OrderSide.BUY) {
                BigDecimal relock = funds.required(o, price, step).min(ledger.free(spec.quoteAsset()));
                o.locked = relock;
                ledger.lock(spec.quoteAsset(), relock, time);
            }
        }
        orderEvent(time, ExecutionType.TRADE, o, trade, null);
        balanceEvent(time, spec.baseAsset(), spec.quoteAsset());
    }

    /** What the rest of a quoteOrderQty order's amount buys or sells at {@code price}, in whole steps. */
    private static BigDecimal quoteLeftInSteps(WorkingOrder o, BigDecimal price, BigDecimal step) {
        return Decimals.floorToStep(o.remainingQuote().divide(price, 16, RoundingMode.FLOOR), step);
    }

    /** The most of {@code q} (in steps) whose cost with commission fits in {@code available}. */
    private static BigDecimal affordable(BigDecimal q, BigDecimal price, BigDecimal rate, BigDecimal available, BigDecimal step) {
        if (cost(q, price, rate).compareTo(available) <= 0) {
            return q;
        }
        BigDecimal fit = Decimals.floorToStep(available.divide(price.multiply(BigDecimal.ONE.add(rate)), 16, RoundingMode.FLOOR), step).min(q);
        while (fit.signum() > 0 && cost(fit, price, rate).compareTo(available) > 0) {
            fit = fit.subtract(step);
        }
        return fit.max(BigDecimal.ZERO);
    }

    private static BigDecimal cost(BigDecimal q, BigDecimal price, BigDecimal rate) {
        BigDecimal quote = Decimals.round8(price.multiply(q));
        return quote.add(Decimals.round8(quote.multiply(rate)));
    }

    private void expire(WorkingOrder o, SymbolSpec spec, long time) {
        o.status = SimOrderStatus.EXPIRED;
        o.updateTime = time;
        String asset = releaseLock(o, spec, time);
        orderEvent(time, ExecutionType.EXPIRED, o, null, null);
        balanceEvent(time, asset);
    }

    private String releaseLock(WorkingOrder o, SymbolSpec spec, long time) {
        String asset = lockAsset(o, spec);
        if (o.locked.signum() > 0) {
            ledger.unlock(asset, o.locked, time);
        }
        o.locked = BigDecimal.ZERO;
        return asset;
    }

    private static String lockAsset(WorkingOrder o, SymbolSpec spec) {
        return o.side == OrderSide.BUY ? spec.quoteAsset() : spec.baseAsset();
    }

    private Optional<WorkingOrder> find(String symbol, Long orderId, String origClientOrderId) {
        if (orderId != null) {
            WorkingOrder o = ledger.get(orderId);
            if (o == null || !o.symbol.equals(symbol) || (origClientOrderId != null && !o.clientOrderId.equals(origClientOrderId))) {
                return Optional.empty();
            }
            return Optional.of(o);
        }
        return origClientOrderId == null ? Optional.empty() : ledger.byClientId(symbol, origClientOrderId);
    }

    private SymbolSpec spec(String symbol) {
        return config.symbol(symbol).orElseThrow(() -> BinanceError.invalidSymbol().exception());
    }

    private void orderEvent(long time, ExecutionType x, WorkingOrder o, TradeView trade, String cancelId) {
        listener.accept(new ExchangeEvent.OrderUpdate(time, x, o.view(), trade, cancelId, nextExecutionId++));
    }

    private void balanceEvent(long time, String... assets) {
        List<BalanceView> changed = new ArrayList<>();
        for (String a : assets) {
            changed.add(ledger.balance(a));
        }
        listener.accept(new ExchangeEvent.BalanceUpdate(time, changed));
    }

    /** A Binance-looking id (22 letters and digits), from the run's seed so that runs repeat. */
    private String generatedId(int length) {
        synchronized (ledger) {
            StringBuilder b = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                b.append(ID_CHARS.charAt(ids.nextInt(ID_CHARS.length())));
            }
            return b.toString();
        }
    }

    /** The canceled order (its updateTime is the cancel's transactTime) and the cancel request's own client order id. */
    public record CancelResult(OrderView order, String cancelClientOrderId) {
    }
}
