package dev.trader.backtest;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The backtester's exchange: orders rest here and fill against the bars it is shown, by these
 * rules (bar prices are trades, times are the bar's open time):
 *
 * <ol>
 *   <li><b>At the open</b>, in the order they were placed: market orders (placed at an earlier
 *       bar's close, so they fill at the next bar's open) and the remainder of triggered stops
 *       fill at the open; a stop the open has already gone through (a sell stop with open &le;
 *       stop, a buy stop with open &ge; stop) triggers and fills at the open; a limit the open
 *       has already gone through fills at the open, which is better than its limit.</li>
 *   <li><b>In the range</b>: a sell stop triggers when the low reaches it (low &le; stop), a buy
 *       stop when the high does, and fills at the stop; a buy limit fills at its limit when the
 *       low reaches it, a sell limit when the high does. When the {@link IntrabarPath} does not
 *       know whether the low or the high came first, every stop the range reaches is taken before
 *       any limit (the conservative rule: stop before target); when it knows, orders are taken in
 *       the order of the extremes.</li>
 *   <li>Orders placed while a bar is being worked through (the stop and target of an entry that
 *       just filled) take part in the rest of that bar: placed at the open, they see the open
 *       and the range; placed in the range, their stops are checked against the whole range
 *       (conservatively) and their limits wait for the next bar.</li>
 * </ol>
 *
 * <p>Fill prices, fees and the volume limit come from the {@link ExecutionModel}: market orders
 * and stops are taker fills (slippage and spread apply: measured ones are those of the bar's
 * instrument in the session the bar opens in; a market order pays the late cost when the model's
 * latency penalty applies), limits are maker fills. With a
 * participation limit, what does not fit in the bar's volume stays working: a market order or a
 * triggered stop fills the rest at the next open, a limit keeps its limit.
 *
 * <p>Deterministic: order and trade ids count up from 1, books are lists in placement order, and
 * the one map here is used for look-ups only, never iterated.
 */
public final class SimulatedExchange {
    /** Receives each fill as it happens, with the order it belongs to. */
    @FunctionalInterface
    public interface Listener {
        void onFill(SimOrder order, Fill fill);

        /**
         * The exchange calls this one: the fill with what slippage and half the spread cost on it
         * ({@code |fill price − reference| × quantity}, zero for maker fills). By default it
         * forwards to {@link #onFill(SimOrder, Fill)}, for listeners that do not need the cost.
         */
        default void onFill(SimOrder order, Fill fill, Money slippage) {
            onFill(order, fill);
        }
    }

    /** One instrument's working orders, in placement order. */
    public static final class Book {
        private final InstrumentId instrument;
        private final ArrayList<SimOrder> orders = new ArrayList<>();

        private Book(InstrumentId instrument) {
            this.instrument = instrument;
        }

        public InstrumentId instrument() {
            return instrument;
        }

        /** True when any order may still fill: the per-bar fast path skips books without. */
        public boolean hasWorking() {
            return !orders.isEmpty();
        }

        /** The working orders, oldest first. */
        public List<SimOrder> working() {
            List<SimOrder> out = new ArrayList<>(orders.size());
            for (SimOrder o : orders) {
                if (o.isWorking()) {
                    out.add(o);
                }
            }
            return List.copyOf(out);
        }

        private void compact() {
            orders.removeIf(o -> !o.isWorking());
        }
    }

    private enum Phase { IDLE, OPEN, RANGE }

    private final ExecutionModel model;
    private final IntrabarPath intrabar;
    private final String currency;
    private final Money noSlippage;
    private final Map<InstrumentId, Book> books = new HashMap<>();
    private long nextOrderId = 1;
    private long nextTradeId = 1;

    private Phase phase = Phase.IDLE;
    private Book activeBook;
    private boolean budgetKnown;
    private Quantity budget;

    public SimulatedExchange(ExecutionModel model, IntrabarPath intrabar, String currency) {
        this.model = Objects.requireNonNull(model, "model");
        this.intrabar = Objects.requireNonNull(intrabar, "intrabar");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.noSlippage = Money.zero(currency);
    }

    public ExecutionModel model() {
        return model;
    }

    public String currency() {
        return currency;
    }

    /** The book of {@code instrument}, created empty on first use. */
    public Book book(InstrumentId instrument) {
        return books.computeIfAbsent(instrument, Book::new);
    }

    public SimOrder submitMarket(InstrumentId instrument, OrderSide side, Quantity quantity, OrderRole role) {
        return place(new SimOrder(nextOrderId++, instrument, side, OrderType.MARKET, role, quantity, null, null, null));
    }

    public SimOrder submitLimit(InstrumentId instrument, OrderSide side, Quantity quantity, Price limit, OrderRole role) {
        return place(new SimOrder(nextOrderId++, instrument, side, OrderType.LIMIT, role, quantity, Objects.requireNonNull(limit, "limit"), null, null));
    }

    /** A stop-market order: triggers when the price reaches {@code stop}, then fills as a taker. */
    public SimOrder submitStop(InstrumentId instrument, OrderSide side, Quantity quantity, Price stop, OrderRole role) {
        return place(new SimOrder(nextOrderId++, instrument, side, OrderType.STOP_MARKET, role, quantity, Objects.requireNonNull(stop, "stop"), null, null));
    }

    /**
     * An entry (market when {@code limit} is null, else limit) that places, as it fills, a
     * protective stop at {@code stop} and a take-profit limit at {@code target} (either may be
     * null) on the opposite side for the filled quantity.
     */
    public SimOrder submitEntry(InstrumentId instrument, OrderSide side, Quantity quantity, Price limit, Price stop, Price target) {
        OrderType type = limit == null ? OrderType.MARKET : OrderType.LIMIT;
        return place(new SimOrder(nextOrderId++, instrument, side, type, OrderRole.ENTRY, quantity, limit, stop, target));
    }

    /** Cancels what is left of {@code order}; nothing when it is null or done. */
    public void cancel(SimOrder order) {
        if (order != null) {
            order.cancel();
            Book b = book(order.instrument());
            if (phase == Phase.IDLE || b != activeBook) {
                b.compact(); // the book being worked is compacted when its bar is done
            }
        }
    }

    /** Cancels the stop and target an entry has placed. */
    public void cancelAttached(SimOrder entry) {
        if (entry != null) {
            cancel(entry.stopChild);
            cancel(entry.targetChild);
        }
    }

    private SimOrder place(SimOrder order) {
        if (phase == Phase.RANGE && activeBook != null && activeBook.instrument.equals(order.instrument())) { // fills only, not per bar
            order.bornInRange = true;
        }
        book(order.instrument()).orders.add(order);
        return order;
    }

    /** Works {@code bar} against its instrument's book. */
    public void onBar(Bar bar, Listener listener) {
        onBar(book(bar.instrument()), bar, listener);
    }

    /**
     * Works {@code bar} against {@code book}, the book of the bar's instrument (the per-bar path:
     * the caller keeps the book, no look-up).
     */
    public void onBar(Book book, Bar bar, Listener listener) {
        if (!anyCanFill(book.orders, bar)) {
            return; // the usual bar: the stop is out of reach; nothing fills, so nothing is placed either
        }
        if (book.instrument != bar.instrument() && !book.instrument.equals(bar.instrument())) {
            throw new IllegalArgumentException("bar of " + bar.instrument() + " shown to the book of " + book.instrument);
        }
        activeBook = book;
        budgetKnown = false;
        budget = null;
        try {
            phase = Phase.OPEN;
            atOpen(book.orders, bar, listener);
            phase = Phase.RANGE;
            inRange(book.orders, bar, listener);
        } finally {
            phase = Phase.IDLE;
            activeBook = null;
            for (SimOrder o : book.orders) {
                o.bornInRange = false;
            }
            book.compact();
        }
    }

    /**
     * Whether any order could fill in this bar. The open lies within [low, high], so an order the
     * range cannot reach cannot be reached at the open either.
     */
    private static boolean anyCanFill(List<SimOrder> orders, Bar bar) {
        for (int i = 0, n = orders.size(); i < n; i++) {
            SimOrder o = orders.get(i);
            if (!o.isWorking()) {
                continue;
            }
            if (o.type() == OrderType.MARKET || o.triggered) {
                return true;
            }
            boolean reachesDown = o.type() == OrderType.STOP_MARKET ? o.side() == OrderSide.SELL : o.side() == OrderSide.BUY;
            if (reachesDown ? FixedMath.compare(bar.low(), o.price()) <= 0 : FixedMath.compare(bar.high(), o.price()) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void atOpen(List<SimOrder> orders, Bar bar, Listener listener) {
        Price open = bar.open();
        for (int i = 0; i < orders.size(); i++) {
            SimOrder o = orders.get(i);
            if (!o.isWorking()) {
                continue;
            }
            switch (o.type()) {
                case MARKET -> fill(o, open, false, bar, listener);
                case STOP_MARKET -> {
                    if (o.triggered || stopReachedBy(o, open)) {
                        o.triggered = true;
                        fill(o, open, false, bar, listener);
                    }
                }
                case LIMIT -> {
                    if (limitReachedBy(o, open)) {
                        fill(o, open, true, bar, listener);
                    }
                }
            }
        }
    }

    private void inRange(List<SimOrder> orders, Bar bar, Listener listener) {
        switch (intrabar.sequence(bar)) {
            case UNKNOWN -> {
                sweep(orders, bar, listener, true, false, true, true);
                sweep(orders, bar, listener, false, true, true, true);
            }
            case LOW_FIRST -> {
                sweep(orders, bar, listener, true, true, true, false);
                sweep(orders, bar, listener, true, true, false, true);
            }
            case HIGH_FIRST -> {
                sweep(orders, bar, listener, true, true, false, true);
                sweep(orders, bar, listener, true, true, true, false);
            }
        }
        // stops placed while the range was being worked: checked against the whole range
        for (int i = 0; i < orders.size(); i++) {
            SimOrder o = orders.get(i);
            if (o.bornInRange && o.isWorking() && o.type() == OrderType.STOP_MARKET && !o.triggered && stopReachedInRange(o, bar, true, true)) {
                o.triggered = true;
                fill(o, o.price(), false, bar, listener);
            }
        }
    }

    /**
     * One sweep over the orders placed before the range: the stops (when {@code stops}) and the
     * limits (when {@code limits}) that the extremes {@code low} and {@code high} reach fill,
     * in placement order.
     */
    private void sweep(List<SimOrder> orders, Bar bar, Listener listener, boolean stops, boolean limits, boolean low, boolean high) {
        for (int i = 0; i < orders.size(); i++) {
            SimOrder o = orders.get(i);
            if (!o.isWorking() || o.bornInRange) {
                continue;
            }
            if (o.type() == OrderType.STOP_MARKET) {
                if (stops && !o.triggered && stopReachedInRange(o, bar, low, high)) {
                    o.triggered = true;
                    fill(o, o.price(), false, bar, listener);
                }
            } else if (o.type() == OrderType.LIMIT && limits) {
                boolean reached = o.side() == OrderSide.BUY
                        ? low && FixedMath.compare(bar.low(), o.price()) <= 0
                        : high && FixedMath.compare(bar.high(), o.price()) >= 0;
                if (reached) {
                    fill(o, o.price(), true, bar, listener);
                }
            }
        }
    }

    private static boolean stopReachedInRange(SimOrder o, Bar bar, boolean low, boolean high) {
        return o.side() == OrderSide.SELL
                ? low && FixedMath.compare(bar.low(), o.price()) <= 0
                : high && FixedMath.compare(bar.high(), o.price()) >= 0;
    }

    private static boolean stopReachedBy(SimOrder o, Price price) {
        int c = FixedMath.compare(price, o.price());
        return o.side() == OrderSide.SELL ? c <= 0 : c >= 0;
    }

    private static boolean limitReachedBy(SimOrder o, Price price) {
        int c = FixedMath.compare(price, o.price());
        return o.side() == OrderSide.BUY ? c <= 0 : c >= 0;
    }

    /**
     * Fills what the volume allows of {@code o}: a maker fill at {@code reference} itself, a taker
     * fill at {@code reference} moved by slippage and spread.
     */
    private void fill(SimOrder o, Price reference, boolean maker, Bar bar, Listener listener) {
        // Only a market order's first fill can be late: what the participation limit carries to later opens rests at the venue.
        Price price = maker ? reference
                : o.type() == OrderType.MARKET && o.filled().isZero() ? model.marketPrice(o.instrument(), bar.openTime(), o.side(), reference)
                : model.takerPrice(o.instrument(), bar.openTime(), o.side(), reference);
        Quantity amount = o.remaining();
        if (!budgetKnown) {
            budget = model.participationLimit(bar.volume());
            budgetKnown = true;
        }
        if (budget != null) {
            amount = amount.min(budget);
            if (amount.isZero()) {
                return;
            }
            budget = budget.minus(amount);
        }
        Fill fill = record(o, price, amount, maker, bar.openTime());
        o.fill(amount);
        SimOrder partner = o.ocoPartner;
        if (partner != null && partner.isWorking()) {
            partner.reduce(amount);
        }
        attach(o, amount);
        listener.onFill(o, fill, slippage(o.side(), reference, price, amount));
    }

    /** What {@code price} costs against {@code reference} on {@code amount}: exact, then rounded half-even to money scale. */
    private Money slippage(OrderSide side, Price reference, Price price, Quantity amount) {
        if (FixedMath.compare(price, reference) == 0) {
            return noSlippage;
        }
        BigDecimal worse = side == OrderSide.BUY ? price.toBigDecimal().subtract(reference.toBigDecimal())
                : reference.toBigDecimal().subtract(price.toBigDecimal());
        return Money.of(worse.multiply(amount.toBigDecimal()), currency);
    }

    private Fill record(SimOrder o, Price price, Quantity amount, boolean maker, Instant time) {
        Money fee = model.fee(price, amount, maker, currency);
        return new Fill(new ClientOrderId("bt-" + o.id()), new TradeId("bt-" + nextTradeId++), o.instrument(), o.side(), price, amount, fee, time);
    }

    /** Places or grows an entry's stop and target for {@code amount} more of position. */
    private void attach(SimOrder entry, Quantity amount) {
        if (entry.role() != OrderRole.ENTRY) {
            return;
        }
        OrderSide exitSide = entry.side().opposite();
        if (entry.attachedStop() != null) {
            if (entry.stopChild == null) {
                entry.stopChild = submitStop(entry.instrument(), exitSide, amount, entry.attachedStop(), OrderRole.STOP);
            } else if (entry.stopChild.isWorking()) {
                entry.stopChild.grow(amount);
            }
        }
        if (entry.attachedTarget() != null) {
            if (entry.targetChild == null) {
                entry.targetChild = submitLimit(entry.instrument(), exitSide, amount, entry.attachedTarget(), OrderRole.TARGET);
            } else if (entry.targetChild.isWorking()) {
                entry.targetChild.grow(amount);
            }
        }
        if (entry.stopChild != null && entry.targetChild != null) {
            entry.stopChild.ocoPartner = entry.targetChild;
            entry.targetChild.ocoPartner = entry.stopChild;
        }
    }

    /**
     * Fills {@code quantity} outside any order book at {@code reference} as a taker (slippage,
     * spread, taker fee): the close-out of a position at the end of the data.
     */
    public Fill closeOut(InstrumentId instrument, OrderSide side, Quantity quantity, Price reference, Instant time, Listener listener) {
        SimOrder o = new SimOrder(nextOrderId++, instrument, side, OrderType.MARKET, OrderRole.END_OF_DATA, quantity, null, null, null);
        // Not a decision that travels to a venue: no latency penalty.
        Price price = model.takerPrice(instrument, time, side, reference);
        Fill fill = record(o, price, quantity, false, time);
        o.fill(quantity);
        listener.onFill(o, fill, slippage(side, reference, price, quantity));
        return fill;
    }
}
