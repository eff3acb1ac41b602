package dev.trader.backtest;

import dev.trader.backtest.floor.FloorMonitor;
import dev.trader.backtest.floor.FloorSpec;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.signal.Signal;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyState;
import dev.trader.strategy.indicator.Atr;
import dev.trader.strategy.timeframe.MultiTimeframeStrategy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One run of {@link Backtester}: all its mutable state, used once. */
final class BacktestRun implements SimulatedExchange.Listener {
    /** Metadata keys of a LONG signal the backtester acts on. */
    static final String STOP_PRICE = "stop_price";
    static final String TARGET_PRICE = "target_price";
    static final String LIMIT_PRICE = "limit_price";

    private static final int AVERAGE_SCALE = 10;
    /** The ATR multiple of the loop's own stop, with risk off and a risk-fraction sizing (R1's 2 ATR). */
    private static final BigDecimal ATR_STOP_MULTIPLE = BigDecimal.valueOf(2);

    /** Everything about one instrument. */
    private static final class Slot {
        final InstrumentId instrument;
        final StrategyState state;
        final SimulatedExchange.Book book;
        Quantity position = Quantity.ZERO;
        /** The entry of the trade in progress (working or done), null when there is none. */
        SimOrder entry;
        SimOrder exit;
        TradeBuilder trade;
        long markRaw;
        /** What the position held cost at its entry prices, raw at money scale: balance = cash + Σ cost. */
        long costRaw;
        /** The id risk reserved the working entry under (PROP_FIRM), else null. */
        ClientOrderId entryId;
        /** The loop's ATR, for stops of signals without one; null when nothing needs it. */
        Atr atr;
        Bar lastBar;

        Slot(InstrumentId instrument, StrategyState state, SimulatedExchange.Book book) {
            this.instrument = instrument;
            this.state = state;
            this.book = book;
        }
    }

    /**
     * The fills of the trade in progress. Notionals and fees are raw units at money scale: each
     * fill's notional is rounded half-even to 8 decimals (as {@code Money.of} does), and sums of
     * 8-decimal amounts are exact, so this equals the {@link Money} arithmetic without its objects.
     */
    private static final class TradeBuilder {
        final Instant openTime;
        Quantity bought = Quantity.ZERO;
        Quantity sold = Quantity.ZERO;
        /** Exact sums of price × quantity, for the average prices. */
        BigDecimal boughtValue = BigDecimal.ZERO;
        BigDecimal soldValue = BigDecimal.ZERO;
        long boughtNotional;
        long soldNotional;
        long fees;
        /** What slippage and half the spread cost on the trade's taker fills, raw at money scale. */
        long slippage;
        Instant closeTime;
        ExitReason reason;

        TradeBuilder(Instant openTime) {
            this.openTime = openTime;
        }

        /** {@code value / quantity}, exact when it terminates within 10 decimals, else rounded half-even to 10. */
        static Price average(BigDecimal value, Quantity quantity) {
            BigDecimal q = quantity.toBigDecimal();
            BigDecimal avg;
            if (q.compareTo(BigDecimal.ONE) == 0) {
                avg = value;
            } else {
                try {
                    avg = value.divide(q);
                } catch (ArithmeticException nonTerminating) {
                    avg = value.divide(q, AVERAGE_SCALE, RoundingMode.HALF_EVEN);
                }
            }
            if (avg.scale() > AVERAGE_SCALE) {
                avg = avg.setScale(AVERAGE_SCALE, RoundingMode.HALF_EVEN);
            }
            return Price.of(avg);
        }
    }

    private final BacktestConfig config;
    private final Strategy strategy;
    private final MarketData data;
    private final String currency;
    private final SimulatedExchange exchange;
    private final Slot[] slots;
    private final Map<InstrumentId, Slot> slotByInstrument = new HashMap<>(); // look-ups only, never iterated
    private final EquityCurve.Builder equity;
    private final BacktestProgress progress;
    private final List<RoundTrip> trades = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    /** Cash in raw units at money scale: the ledger, exact. */
    private long cashRaw;
    private long marksRaw;
    private long signals;
    private long ignored;
    /** Σ {@link Slot#costRaw}. */
    private long openCostRaw;
    /** Pre-trade risk (PROP_FIRM), else null. */
    private final RiskGate gate;
    /** The floor check, when asked for, else null. */
    private final FloorMonitor monitor;

    BacktestRun(BacktestConfig config, Strategy strategy, MarketData data, BacktestProgress progress) {
        this(config, strategy, data, progress, null);
    }

    /** With {@code floors} not null, a {@link FloorMonitor} checks equity at every timestamp's close. */
    BacktestRun(BacktestConfig config, Strategy strategy, MarketData data, BacktestProgress progress, FloorSpec floors) {
        this.config = config;
        this.progress = progress;
        this.data = data;
        this.currency = config.currency();
        this.strategy = MultiTimeframeStrategy.onBase(strategy, data.timeframe());
        this.exchange = new SimulatedExchange(config.execution(), config.intrabar(), currency);
        List<InstrumentId> instruments = data.instruments();
        this.slots = new Slot[instruments.size()];
        for (int i = 0; i < slots.length; i++) {
            InstrumentId id = instruments.get(i);
            slots[i] = new Slot(id, this.strategy.initialState(id), exchange.book(id));
            slotByInstrument.put(id, slots[i]);
        }
        this.equity = new EquityCurve.Builder(data.timestampCount());
        this.cashRaw = FixedMath.moneyRaw(config.initialCash());
        Instant first = data.bar(0).openTime();
        this.gate = config.riskMode() == RiskMode.PROP_FIRM
                ? new RiskGate(config.risk(), instruments, currency, this.strategy.id(), first) : null;
        this.monitor = floors == null ? null : new FloorMonitor(floors, first);
        if (gate != null || config.sizing() instanceof Sizing.RiskFraction) {
            for (Slot slot : slots) {
                slot.atr = new Atr(config.risk().atrPeriod());
            }
        }
    }

    /** The floor monitor's breaches and the risk gate's summary, after {@link #execute}. */
    MonitoredResult monitored(BacktestResult result) {
        return new MonitoredResult(result, monitor == null ? List.of() : monitor.breaches(), gate == null ? RiskSummary.NONE : gate.summary());
    }

    /** The close of timestamp {@code openMillis}: one equity point, the floor check, and risk's observation (a flatten acts at the next open). */
    private void closeTimestamp(long openMillis) {
        long equityRaw = Math.addExact(cashRaw, marksRaw);
        equity.add(openMillis, cashRaw, equityRaw);
        long closeMillis = openMillis + data.timeframe().millis();
        if (monitor != null) {
            monitor.observe(closeMillis, Math.addExact(cashRaw, openCostRaw), equityRaw);
        }
        if (gate != null && gate.observe(Instant.ofEpochMilli(closeMillis))) {
            flatten(Instant.ofEpochMilli(closeMillis));
        }
    }

    /** Risk asked to flatten: working entries are cancelled, every position is sold at the next open. */
    private void flatten(Instant time) {
        for (Slot slot : slots) {
            if (slot.entry == null) {
                continue;
            }
            exchange.cancel(slot.entry);
            gate.closed(slot.entryId, time);
            if (slot.position.isZero()) {
                exchange.cancelAttached(slot.entry);
                slot.entry = null;
                slot.entryId = null;
            } else if (slot.exit == null || !slot.exit.isWorking()) {
                exchange.cancelAttached(slot.entry);
                slot.exit = exchange.submitMarket(slot.instrument, OrderSide.SELL, slot.position, OrderRole.EXIT);
            }
        }
    }

    BacktestResult execute() {
        final int n = data.size();
        final Strategy s = strategy;
        long currentTime = data.openMillis(0);
        int tenth = 1;
        int nextReport = progress == BacktestProgress.NONE ? -1 : n / 10;
        for (int i = 0; i < n; i++) {
            if (i == nextReport) { // one compare per bar; reports at each tenth of the bars (the tenth at n: never here)
                progress.onProgress(i, n);
                do {
                    nextReport = (int) ((long) n * ++tenth / 10);
                } while (nextReport <= i && tenth < 10);
            }
            long t = data.openMillis(i);
            if (t != currentTime) {
                closeTimestamp(currentTime);
                currentTime = t;
            }
            Bar bar = data.bar(i);
            Slot slot = slots[data.instrumentIndex(i)];
            if (slot.book.hasWorking()) {
                exchange.onBar(slot.book, bar, this);
            }
            slot.lastBar = bar;
            if (slot.atr != null) {
                slot.atr.update(bar.open().toDouble(), bar.high().toDouble(), bar.low().toDouble(), bar.close().toDouble(), bar.volume().toDouble());
            }
            Optional<Signal> signal = s.onBar(slot.state, bar);
            if (signal.isPresent()) {
                onSignal(slot, signal.get(), bar);
            }
            if (slot.markRaw != 0 || !slot.position.isZero()) {
                mark(slot, bar.close());
            }
        }
        closeTimestamp(currentTime);
        List<OpenPosition> open = finish();
        if (progress != BacktestProgress.NONE) {
            progress.onProgress(n, n);
        }
        Money finalCash = FixedMath.money(cashRaw, currency);
        Money finalEquity = FixedMath.money(Math.addExact(cashRaw, marksRaw), currency);
        return new BacktestResult(strategy.id(), data.instruments(), data.timeframe(), n, data.bar(0).openTime(), data.bar(n - 1).openTime(),
                config, trades, fills, open, equity.build(currency), finalCash, finalEquity, signals, ignored);
    }

    private void mark(Slot slot, Price close) {
        Quantity q = slot.position;
        long mark = FixedMath.productRaw(q.raw(), q.scale(), close.raw(), close.scale());
        marksRaw = Math.addExact(marksRaw, mark - slot.markRaw);
        slot.markRaw = mark;
        if (gate != null && !q.isZero()) {
            gate.mark(slot.instrument, close, slot.lastBar.closeTime());
        }
    }

    private void onSignal(Slot slot, Signal signal, Bar bar) {
        signals++;
        switch (signal.direction()) {
            case LONG -> {
                if (slot.entry != null || !slot.position.isZero()) {
                    ignored++;
                    return;
                }
                Price stop = price(signal, STOP_PRICE, RoundingMode.FLOOR);
                if (stop != null && config.stopTick() != null) {
                    BigDecimal tick = config.stopTick().toBigDecimal();
                    stop = Price.of(stop.toBigDecimal().divide(tick, 0, RoundingMode.FLOOR).multiply(tick));
                }
                Quantity quantity;
                ClientOrderId entryId = null;
                if (gate != null) {
                    RiskGate.Approval approval = gate.evaluate(slot.instrument, bar.closeTime(), bar.close(), stop, atr(slot));
                    if (approval == null) {
                        ignored++;
                        return;
                    }
                    quantity = approval.quantity();
                    stop = approval.stop();
                    entryId = approval.orderId();
                } else {
                    if (stop == null && config.sizing() instanceof Sizing.RiskFraction) {
                        stop = atrStop(slot, bar.close());
                    }
                    quantity = config.sizing().quantity(bar.close(), stop, FixedMath.money(Math.addExact(cashRaw, marksRaw), currency));
                }
                if (quantity.isZero()) {
                    ignored++;
                    return;
                }
                Price target = price(signal, TARGET_PRICE, RoundingMode.CEILING);
                Price limit = price(signal, LIMIT_PRICE, RoundingMode.FLOOR);
                slot.entry = exchange.submitEntry(slot.instrument, OrderSide.BUY, quantity, limit, stop, target);
                slot.entryId = entryId;
            }
            case FLAT -> {
                if (slot.entry == null || (slot.exit != null && slot.exit.isWorking())) {
                    ignored++;
                    return;
                }
                exchange.cancel(slot.entry);
                exchange.cancelAttached(slot.entry);
                if (gate != null) {
                    gate.closed(slot.entryId, bar.closeTime());
                }
                if (slot.position.isZero()) {
                    slot.entry = null; // nothing was bought
                    slot.entryId = null;
                } else {
                    slot.exit = exchange.submitMarket(slot.instrument, OrderSide.SELL, slot.position, OrderRole.EXIT);
                }
            }
            case SHORT -> ignored++;
        }
    }

    /** The loop's ATR at the last bar as a price (8 decimals), null before it is ready. */
    private static Price atr(Slot slot) {
        if (slot.atr == null || !slot.atr.isReady() || !(slot.atr.value() > 0)) {
            return null;
        }
        return Price.of(new BigDecimal(slot.atr.value()).setScale(8, RoundingMode.HALF_EVEN));
    }

    /** {@code close − 2 × ATR}, rounded down to 8 decimals; null without a positive ATR or when not above zero. */
    private static Price atrStop(Slot slot, Price close) {
        Price atr = atr(slot);
        if (atr == null) {
            return null;
        }
        BigDecimal stop = close.toBigDecimal().subtract(atr.toBigDecimal().multiply(ATR_STOP_MULTIPLE)).setScale(8, RoundingMode.FLOOR);
        return stop.signum() > 0 ? Price.of(stop) : null;
    }

    /** A price from the signal's metadata, exact up to 12 decimals (rounded {@code finer} beyond); null when absent. */
    private static Price price(Signal signal, String key, RoundingMode finer) {
        String text = signal.metadata().get(key);
        if (text == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("signal of " + signal.strategy() + " at " + signal.time() + " has " + key + " '" + text
                    + "', which is not a number", e);
        }
        if (value.scale() > 12) {
            value = value.setScale(12, finer);
        }
        return Price.of(value);
    }

    @Override
    public void onFill(SimOrder order, Fill fill) {
        onFill(order, fill, Money.zero(currency));
    }

    @Override
    public void onFill(SimOrder order, Fill fill, Money slippage) {
        fills.add(fill);
        long slipped = FixedMath.moneyRaw(slippage);
        Slot slot = slotByInstrument.get(fill.instrument());
        Price price = fill.price();
        Quantity quantity = fill.quantity();
        long notional = FixedMath.productRaw(price.raw(), price.scale(), quantity.raw(), quantity.scale());
        long fee = FixedMath.moneyRaw(fill.fee());
        BigDecimal value = price.toBigDecimal().multiply(quantity.toBigDecimal());
        if (fill.side() == OrderSide.BUY) {
            cashRaw = Math.subtractExact(cashRaw, Math.addExact(notional, fee));
            slot.position = slot.position.plus(quantity);
            slot.costRaw = Math.addExact(slot.costRaw, notional);
            openCostRaw = Math.addExact(openCostRaw, notional);
            if (gate != null) {
                gate.fill(fill, slot.entryId != null && order == slot.entry ? slot.entryId : fill.clientOrderId(), order.attachedStop());
                if (order == slot.entry && !order.isWorking()) {
                    gate.closed(slot.entryId, fill.time());
                }
            }
            if (slot.trade == null) {
                slot.trade = new TradeBuilder(fill.time());
            }
            TradeBuilder t = slot.trade;
            t.bought = t.bought.plus(quantity);
            t.boughtValue = t.boughtValue.add(value);
            t.boughtNotional = Math.addExact(t.boughtNotional, notional);
            t.fees = Math.addExact(t.fees, fee);
            t.slippage = Math.addExact(t.slippage, slipped);
        } else {
            cashRaw = Math.addExact(cashRaw, Math.subtractExact(notional, fee));
            Quantity before = slot.position;
            slot.position = slot.position.minus(quantity);
            long released = slot.position.isZero() ? slot.costRaw
                    : new BigDecimal(slot.costRaw).multiply(quantity.toBigDecimal()).divide(before.toBigDecimal(), 0, RoundingMode.HALF_EVEN).longValueExact();
            slot.costRaw = Math.subtractExact(slot.costRaw, released);
            openCostRaw = Math.subtractExact(openCostRaw, released);
            if (gate != null) {
                gate.fill(fill, fill.clientOrderId(), null);
            }
            TradeBuilder t = slot.trade;
            t.sold = t.sold.plus(quantity);
            t.soldValue = t.soldValue.add(value);
            t.soldNotional = Math.addExact(t.soldNotional, notional);
            t.fees = Math.addExact(t.fees, fee);
            t.slippage = Math.addExact(t.slippage, slipped);
            t.closeTime = fill.time();
            t.reason = ExitReason.of(order.role());
            if ((order.role() == OrderRole.STOP || order.role() == OrderRole.TARGET) && slot.entry != null) {
                exchange.cancel(slot.entry); // stopped out: buy no more
                if (gate != null) {
                    gate.closed(slot.entryId, fill.time());
                }
            }
            if (slot.position.isZero() && (slot.entry == null || !slot.entry.isWorking())) {
                closeTrade(slot);
            }
        }
    }

    private void closeTrade(Slot slot) {
        TradeBuilder t = slot.trade;
        exchange.cancelAttached(slot.entry);
        exchange.cancel(slot.exit);
        long pnl = Math.subtractExact(t.soldNotional, t.boughtNotional);
        trades.add(new RoundTrip(slot.instrument, t.openTime, t.closeTime, TradeBuilder.average(t.boughtValue, t.bought),
                TradeBuilder.average(t.soldValue, t.sold), t.bought, FixedMath.money(pnl, currency), FixedMath.money(t.fees, currency),
                FixedMath.money(Math.subtractExact(pnl, t.fees), currency), t.reason, slot.entry == null ? null : slot.entry.attachedStop(),
                FixedMath.money(t.slippage, currency)));
        slot.trade = null;
        slot.entry = null;
        slot.entryId = null;
        slot.exit = null;
    }

    private List<OpenPosition> finish() {
        List<OpenPosition> open = new ArrayList<>();
        if (config.endOfData() == EndOfData.CLOSE_AT_LAST_CLOSE) {
            boolean closed = false;
            for (Slot slot : slots) {
                if (slot.entry != null) {
                    exchange.cancel(slot.entry);
                    exchange.cancelAttached(slot.entry);
                    exchange.cancel(slot.exit);
                    if (slot.position.isZero()) {
                        slot.entry = null;
                        slot.exit = null;
                    } else {
                        exchange.closeOut(slot.instrument, OrderSide.SELL, slot.position, slot.lastBar.close(), slot.lastBar.openTime(), this);
                        mark(slot, slot.lastBar.close());
                        closed = true;
                    }
                }
            }
            if (closed) {
                equity.replaceLast(cashRaw, Math.addExact(cashRaw, marksRaw));
            }
            return open;
        }
        for (Slot slot : slots) {
            if (!slot.position.isZero()) {
                TradeBuilder t = slot.trade;
                Price mark = slot.lastBar.close();
                BigDecimal held = slot.position.toBigDecimal();
                BigDecimal cost = t.boughtValue.subtract(t.soldValue);
                Money unrealized = Money.of(mark.toBigDecimal().multiply(held).subtract(cost), currency);
                open.add(new OpenPosition(slot.instrument, t.openTime, TradeBuilder.average(t.boughtValue, t.bought), slot.position,
                        slot.lastBar.openTime(), mark, unrealized, FixedMath.money(t.fees, currency)));
            }
        }
        return open;
    }
}
